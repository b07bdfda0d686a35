// Translated labels for enum values that arrive as plain strings from the API.
import type { TFunction } from 'i18next';

export type EnumKind = 'industry' | 'source' | 'grade' | 'decisionRole' | 'followUpKind'
  | 'contractStatus' | 'contractKind' | 'trigger' | 'method' | 'receivableStatus' | 'receivableKind' | 'receivableSource'
  | 'paymentStatus' | 'strategy' | 'approvalStatus' | 'writeOffKind' | 'riskLevel' | 'accountEntryKind' | 'statementKind'
  | 'sourceType';

export function enumLabel(t: TFunction, kind: EnumKind, value: string | null | undefined): string {
  if (!value) return '—';
  return t(`enums.${kind}.${value}`, { defaultValue: value });
}

export function enumOptions(t: TFunction, kind: EnumKind, values: readonly string[]) {
  return values.map((value) => ({ value, label: enumLabel(t, kind, value) }));
}

export function roleLabel(t: TFunction, role: string | null | undefined): string {
  return role ? t(`roles.${role}`, { defaultValue: role }) : '—';
}

/** A plan milestone: a code a template or the demo wrote ('acceptance') in the reader's words; free text as written. */
export function milestoneLabel(t: TFunction, milestone: string | null | undefined): string {
  if (!milestone) return '';
  return t(`milestones.${milestone}`, { defaultValue: milestone });
}
