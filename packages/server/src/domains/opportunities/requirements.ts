// Stage-entry requirements: what an opportunity must have before it enters a stage. A field requirement is met when
// the field has a value (a contact, a close date, an amount above zero, at least one line, a named competitor, a
// health dimension rated 2 or 3); a task requirement when a task with that key is done. The stage change answers 422
// `opportunities.stage_requirements` listing what is missing, so the kanban can say it.
import type { StageRequirement } from '@l2c/shared';
import type { OpportunityRow } from './opportunities.sql.js';

export function missingFor(
  reqs: StageRequirement[], r: Pick<OpportunityRow, 'contact_id' | 'close_date' | 'amount' | 'competitor' | 'health'>, lineCount: number,
  tasks: Array<{ key: string | null; done_at: string | null }>,
): StageRequirement[] {
  return reqs.filter((req) => !met(req, r, lineCount, tasks));
}

function met(req: StageRequirement, r: Pick<OpportunityRow, 'contact_id' | 'close_date' | 'amount' | 'competitor' | 'health'>, lineCount: number, tasks: Array<{ key: string | null; done_at: string | null }>): boolean {
  if (req.kind === 'task') return tasks.some((t) => t.key === req.key && t.done_at !== null);
  switch (req.field) {
    case 'contactId': return r.contact_id !== null;
    case 'closeDate': return r.close_date !== null;
    case 'amount': return Number(r.amount) > 0;
    case 'lines': return lineCount > 0;
    case 'competitor': return !!r.competitor;
    default: {
      const dim = req.field.slice('health.'.length);
      return (r.health?.[dim]?.score ?? 0) >= 2;
    }
  }
}

/** A requirement as the problem document's field error names it. */
export function requirementPath(req: StageRequirement): { path: string; message: string } {
  return req.kind === 'task' ? { path: `tasks.${req.key}`, message: `task "${req.label}" must be done` } : { path: req.field, message: req.field.startsWith('health.') ? 'must be rated 2 or 3' : 'required' };
}
