// Reading bad-debt requests 坏账核销申请: the list (filters, "awaiting my decision", keyset pages) and one by id.
// Requests are created by the write-off flow and decided through the approval engine (document type bad_debt);
// here they are read, inside the caller's data scope.
import { roundMoney, type BadDebtRequest, type BadDebtRequestListQuery } from '@l2c/shared';
import type { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { commonError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { awaitingDecisionBy } from '../approvals/index.js';
import { receivableError } from './receivables.errors.js';
import { receivableScope } from './receivables.sql.js';
import * as q from './bad-debt-requests.sql.js';

export function toBadDebtRequest(b: q.BadDebtRequestRow): BadDebtRequest {
  return {
    id: b.id,
    receivable: { id: b.receivable_id, number: b.receivable_number },
    customer: { id: b.customer_id, name: b.customer_name },
    currency: b.currency,
    amount: roundMoney(b.amount, b.currency),
    reason: b.reason,
    status: b.status,
    requestedBy: b.requested_by ? { id: b.requested_by, name: b.requested_by_name ?? '' } : null,
    requestedAt: b.created_at,
    decidedBy: b.decided_by ? { id: b.decided_by, name: b.decided_by_name ?? '' } : null,
    decidedAt: b.decided_at,
    decisionComment: b.decision_comment,
    writeOffId: b.write_off_id,
  };
}

export async function getBadDebtRequest(db: Db, auth: AuthContext, id: string): Promise<BadDebtRequest> {
  return inTenant(db, auth, (tx) => badDebtRequestInScope(tx, auth, id));
}

/** One request whose receivable the caller may see, else 404 (read without a lock). */
export async function badDebtRequestInScope(tx: Tx, auth: AuthContext, id: string): Promise<BadDebtRequest> {
  const row = await q.findBadDebtRequest(tx, id, receivableScope(auth.userId, auth.scope));
  if (!row) throw receivableError('bad_debt_request_not_found');
  return toBadDebtRequest(row);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

function cursorOf(cursor: string | undefined): [string, string] | null {
  const v = decodeCursor(cursor, ['instant', 'uuid']);
  if (!v) return null;
  const [at, id] = v;
  if (typeof at !== 'string' || typeof id !== 'string' || !TIMESTAMP.test(at) || !UUID.test(id)) {
    throw commonError('invalid', 'cursor is not valid for this list', { errors: [{ path: 'cursor', message: 'invalid cursor' }] });
  }
  return [at, id];
}

export async function listBadDebtRequests(db: Db, auth: AuthContext, query: z.infer<typeof BadDebtRequestListQuery>) {
  const after = cursorOf(query.cursor);
  const where = [receivableScope(auth.userId, auth.scope), ...q.badDebtRequestListWhere(query)];
  const desc = query.sort.startsWith('-');
  const rows = await inTenant(db, auth, async (tx) => {
    if (query.mine === 'awaiting') {
      // What this user may decide: the requests whose approval's current step waits for them (the engine resolved
      // its approvers at submission — a second person with the approve right, never the requester).
      const awaiting = await awaitingDecisionBy(tx, auth.userId, 'bad_debt');
      if (awaiting.length === 0) return [];
      where.push(q.pendingAmong(awaiting));
    }
    return q.listBadDebtRequests(tx, where, desc, after, query.limit);
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toBadDebtRequest),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
  };
}
