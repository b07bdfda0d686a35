// Bad-debt request queries only (reads). A request is visible when its receivable is: the same data-scope predicate
// as receivables (aliases r and c), so a rep sees requests on their own customers' receivables and nothing else.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface BadDebtRequestRow {
  id: string; receivable_id: string; receivable_number: string; customer_id: string; customer_name: string; currency: string;
  amount: string; reason: string; status: 'pending' | 'approved' | 'rejected';
  requested_by: string | null; requested_by_name: string | null; created_at: string;
  decided_by: string | null; decided_by_name: string | null; decided_at: string | null; decision_comment: string | null;
  write_off_id: string | null;
  /** created_at as text at full (microsecond) precision, for the keyset cursor. */
  sort_key: string;
}

const select = sql`b.id, b.receivable_id, r.number as receivable_number, r.customer_id, c.name as customer_name, r.currency,
  b.amount, b.reason, b.status, b.requested_by, ru.name as requested_by_name, b.created_at,
  b.decided_by, du.name as decided_by_name, b.decided_at, b.decision_comment, b.write_off_id, b.created_at::text as sort_key`;
const from = sql`bad_debt_requests b join receivables r on r.id = b.receivable_id join customers c on c.id = r.customer_id
  left join users ru on ru.id = b.requested_by left join users du on du.id = b.decided_by`;

export async function findBadDebtRequest(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<BadDebtRequestRow | undefined> {
  const r = await sql<BadDebtRequestRow>`select ${select} from ${from} where b.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

/** One page (plus one row to tell whether there is more), ordered by request time then id. */
/** The list's filters, each given one a condition (the data scope comes on top). */
export function badDebtRequestListWhere(query: { status?: string[] | undefined; customerId?: string | undefined; receivableId?: string | undefined; q?: string | undefined }): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (query.status?.length) where.push(sql`b.status = any(${query.status}::text[])`);
  if (query.customerId) where.push(sql`r.customer_id = ${query.customerId}::uuid`);
  if (query.receivableId) where.push(sql`b.receivable_id = ${query.receivableId}::uuid`);
  if (query.q) where.push(sql`(r.number ilike ${`%${query.q}%`} or c.name ilike ${`%${query.q}%`})`);
  return where;
}

/** Pending requests among `ids` (those whose approval waits for the caller). */
export function pendingAmong(ids: string[]): RawBuilder<unknown> {
  return sql`b.status = 'pending' and b.id = any(${ids}::uuid[])`;
}

export async function listBadDebtRequests(tx: Tx, where: RawBuilder<unknown>[], desc: boolean, after: [string, string] | null, limit: number) {
  const conds = [...where];
  if (after) {
    conds.push(desc
      ? sql`(b.created_at, b.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
      : sql`(b.created_at, b.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const dir = desc ? sql`desc` : sql`asc`;
  const r = await sql<BadDebtRequestRow>`select ${select} from ${from}
    where ${sql.join(conds, sql` and `)} order by b.created_at ${dir}, b.id ${dir} limit ${limit + 1}`.execute(tx);
  return r.rows;
}

// Writes. The write-off flow calls these under the customer's money lock (docs/adr/0004-lock-order.md: customer →
// request → receivable); the request row belongs to receivables, the booking to the flow.

/** The request waiting for a decision on a receivable, if any. */
export async function pendingBadDebtRequestOn(tx: Tx, receivableId: string): Promise<string | undefined> {
  const r = await tx.selectFrom('bad_debt_requests').select('id')
    .where('receivable_id', '=', receivableId).where('status', '=', 'pending').executeTakeFirst();
  return r?.id;
}

export async function insertBadDebtRequest(tx: Tx, x: { tenantId: string; receivableId: string; amount: string; reason: string; requestedBy: string }): Promise<string> {
  const r = await tx.insertInto('bad_debt_requests')
    .values({ tenant_id: x.tenantId, receivable_id: x.receivableId, amount: x.amount, reason: x.reason, requested_by: x.requestedBy })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The request, row-locked (level 4 of the lock order: after the customer, before its receivable). */
export async function lockBadDebtRequest(tx: Tx, id: string) {
  return tx.selectFrom('bad_debt_requests')
    .select(['id', 'receivable_id', 'amount', 'reason', 'requested_by', 'status', 'write_off_id'])
    .where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function closeBadDebtRequest(tx: Tx, id: string, x: { status: 'approved' | 'rejected'; decidedBy: string | null; comment: string | null; writeOffId: string | null }) {
  await tx.updateTable('bad_debt_requests').set({
    status: x.status, decided_by: x.decidedBy, decided_at: sql`now()`, decision_comment: x.comment, write_off_id: x.writeOffId,
  }).where('id', '=', id).execute();
}

/** Who asked for it and what it is about, for the approval's title and facts; no lock. */
export async function badDebtRequestHead(tx: Tx, id: string) {
  return tx.selectFrom('bad_debt_requests as b').innerJoin('receivables as r', 'r.id', 'b.receivable_id')
    .select(['b.id', 'b.receivable_id', 'r.customer_id', 'b.status', 'b.requested_by'])
    .where('b.id', '=', id).executeTakeFirst();
}
