// The overdue mark of invoices (collections' daily run asks for it through markOverdue). Each statement is idempotent
// for a given day: an update re-checks its WHERE after waiting on a row lock, so a rerun changes nothing more.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

const OVERDUE = (today: string) => sql`r.kind = 'invoice' and r.amount_open > 0 and r.due_date < ${today}::date`;

/** Mark newly overdue invoices with the day they were found overdue; returns their ids. */
export async function setOverdueMarks(tx: Tx, today: string): Promise<string[]> {
  const r = await sql<{ id: string }>`update receivables r set overdue_marked_on = ${today}::date
    where ${OVERDUE(today)} and r.overdue_marked_on is null returning r.id`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** Clear the mark of invoices no longer overdue (paid, written off, or a corrected due date); returns their ids. */
export async function clearOverdueMarks(tx: Tx, today: string): Promise<string[]> {
  const r = await sql<{ id: string }>`update receivables r set overdue_marked_on = null
    where r.overdue_marked_on is not null and not (${OVERDUE(today)}) returning r.id`.execute(tx);
  return r.rows.map((x) => x.id);
}
