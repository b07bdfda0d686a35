// Labels shared by the opportunity screens: a stage requirement, a health reason (a code with its parameter).
import type { TFunction } from 'i18next';
import type { StageRequirement } from '../../api/opportunities';

export function requirementLabel(t: TFunction, r: StageRequirement): string {
  return r.kind === 'task' ? t('opp.requirement.task', { label: r.label }) : t(`opp.requirement.${r.field}`);
}

/** "closes_in:12" → "closes in 12 days"; a name after the colon may itself hold colons. */
export function reasonLabel(t: TFunction, reason: string): string {
  const i = reason.indexOf(':');
  const code = i < 0 ? reason : reason.slice(0, i);
  const p = i < 0 ? '' : reason.slice(i + 1);
  return t(`opp.health.reasons.${code}`, { p });
}

export const HEALTH_COLORS = { good: 'green', watch: 'gold', at_risk: 'red' } as const;

/** The requirement a 422's field error names: `tasks.<key>` (its label from the stages) or the field itself. */
export function requirementOfPath(path: string, known: StageRequirement[]): StageRequirement {
  if (path.startsWith('tasks.')) {
    const key = path.slice('tasks.'.length);
    return known.find((r) => r.kind === 'task' && r.key === key) ?? { kind: 'task', key, label: key };
  }
  return { kind: 'field', field: path as Extract<StageRequirement, { kind: 'field' }>['field'] };
}
