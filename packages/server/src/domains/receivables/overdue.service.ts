// Overdue marking, done by receivables (which owns the rows) when collections' daily run asks: clear the marks that no
// longer hold, then mark what became overdue on `today`. The marks are a flag, not money, and can run to thousands on
// a first run: their audit entries go through the platform's trail, which writes them all in one statement at commit.
import type { Actor, Tx } from '../../platform/db.js';
import { recordAudits } from '../../platform/audit.js';
import * as q from './overdue.sql.js';

export async function markOverdue(tx: Tx, actor: Actor, today: string): Promise<{ marked: number; cleared: number }> {
  const cleared = await q.clearOverdueMarks(tx, today);
  const marked = await q.setOverdueMarks(tx, today);
  const entry = (id: string, action: string, before: unknown, after: unknown) => ({
    action, entityType: 'receivable', entityId: id, changes: [{ field: 'overdueMarkedOn', before, after }],
  });
  await recordAudits(tx, actor, [...cleared.map((id) => entry(id, 'clear_overdue', 'marked', null)), ...marked.map((id) => entry(id, 'mark_overdue', null, today))]);
  return { marked: marked.length, cleared: cleared.length };
}
