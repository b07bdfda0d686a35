// Customer 360: the customer page's money summary (contracted, invoiced, collected, open, overdue, unapplied per
// currency; available credit from credit's creditPosition — limit − open − committed, computed there only) and one
// timeline of everything that happened to the customer (audit trail, follow-ups, money facts), paged newest first,
// with the number and name of every record it names. Read-only; the data scope is the customer's, in SQL
// (customer360.sql.ts): out of scope is the 404 an unknown id gets.
import { z } from 'zod';
import {
  BOOK_CURRENCY, CustomerSummarySchema, IdSchema, roundMoney, TimelinePage, TimelineQuery, type CustomerSummary, type TimelineEvent,
} from '@l2c/shared';
import type { App } from '../../platform/http.js';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import { requireAuth, requirePermission, type AuthContext } from '../../platform/auth.js';
import { todayFor } from '../../platform/clock.js';
import { commonError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { idsInChanges } from '../../platform/audit-routes.js';
import { creditPosition } from '../credit/index.js';
import * as q from './customer360.sql.js';

async function customerInScope(tx: Tx, auth: AuthContext, customerId: string) {
  const c = await q.visibleCustomer(tx, customerId, auth.userId, auth.scope);
  if (!c) throw commonError('not_found', 'Customer not found');
  return c;
}

export async function customerSummary(db: Db, auth: AuthContext, customerId: string): Promise<CustomerSummary> {
  const today = todayFor(auth);
  return inTenant(db, auth, async (tx) => {
    await customerInScope(tx, auth, customerId);
    const rows = await q.moneyByCurrency(tx, customerId, today);
    if (!rows.some((r) => r.currency === BOOK_CURRENCY)) {
      rows.push({ currency: BOOK_CURRENCY, contracted: '0', invoiced: '0', collected: '0', open: '0', overdue: '0', unapplied: '0' });
    }
    rows.sort((a, b) => (a.currency === BOOK_CURRENCY ? -1 : b.currency === BOOK_CURRENCY ? 1 : a.currency.localeCompare(b.currency)));
    const credit = await creditPosition(tx, auth.tenantId, customerId, { currency: BOOK_CURRENCY });
    const n = await q.recordCounts(tx, customerId, today);
    return {
      customerId, today,
      money: rows.map((r) => {
        const m = (v: string) => roundMoney(v, r.currency);
        return { currency: r.currency, contracted: m(r.contracted), invoiced: m(r.invoiced), collected: m(r.collected), open: m(r.open), overdue: m(r.overdue), unapplied: m(r.unapplied) };
      }),
      credit: { currency: BOOK_CURRENCY, limit: credit.limit, open: credit.open, committed: credit.committed, available: credit.available, onHold: credit.onHold },
      counts: { contracts: n.contracts, openReceivables: n.open_receivables, overdueReceivables: n.overdue_receivables, payments: n.payments, writeOffs: n.write_offs },
    };
  });
}

/** The number and name of the records these ids are, in the caller's tenant (for the audit query and the timeline). */
export async function describeRecordsTx(tx: Tx, ids: string[]) {
  return q.describeRecords(tx, [...new Set(ids)].slice(0, 1000));
}

export async function customerTimeline(db: Db, auth: AuthContext, customerId: string, query: z.infer<typeof TimelineQuery>) {
  const after = decodeCursor(query.cursor, ['instant', 'text']) as [string, string] | null;
  return inTenant(db, auth, async (tx) => {
    await customerInScope(tx, auth, customerId);
    const rows = await q.timeline(tx, customerId, { kind: query.kind, after, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const items: TimelineEvent[] = page.map((r) => ({
      key: r.key, at: r.at, kind: r.kind as TimelineEvent['kind'], entityType: r.entity_type, entityId: r.entity_id, action: r.action,
      number: r.number, actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      amount: r.amount === null ? null : roundMoney(r.amount, r.currency ?? BOOK_CURRENCY), currency: r.amount === null ? null : (r.currency ?? BOOK_CURRENCY),
      date: r.date, text: r.text, changes: Array.isArray(r.changes) ? (r.changes as TimelineEvent['changes']) : [],
    }));
    const ids = items.flatMap((e) => [e.entityId, ...idsInChanges(e.changes)]);
    const refs = await describeRecordsTx(tx, ids);
    const last = page[page.length - 1];
    return { items, refs, nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.key]) : null };
  });
}

export function customer360Routes(app: App, db: Db) {
  const params = z.object({ id: IdSchema });
  const tags = ['customers'];
  app.get('/api/v1/customers/:id/summary', {
    schema: {
      operationId: 'getCustomerSummary', summary: 'Get a customer\'s money summary', tags, params, response: { 200: CustomerSummarySchema },
      description: 'Contracted, invoiced, collected, open, overdue and unapplied per currency (the book currency first), available credit (limit − open − committed) and record counts, for the customer page. Exact decimal strings. A customer outside the caller\'s scope — or in the public pool, for a narrower scope than all — is a 404.',
    },
    preHandler: requirePermission('accounts', 'read'),
  }, async (req) => customerSummary(db, requireAuth(req), req.params.id));

  app.get('/api/v1/customers/:id/timeline', {
    schema: {
      operationId: 'listCustomerTimeline', summary: 'List everything that happened to a customer', tags, params, querystring: TimelineQuery, response: { 200: TimelinePage },
      description: 'One timeline, newest first: the audit trail of the customer and its contacts, credit profile, contracts, receivables, payments and write-offs; its follow-ups; the money facts (receivables and credit notes booked, payments registered, write-offs). `refs` gives the number and name of each record an event names. Keyset-paged by `cursor`.',
    },
    preHandler: requirePermission('accounts', 'read'),
  }, async (req) => customerTimeline(db, requireAuth(req), req.params.id, req.query));
}
