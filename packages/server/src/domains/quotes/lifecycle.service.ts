// A quote's life after pricing: submitted for approval with the current version's facts and content hash; decided
// by the approval engine (quoteApprovalHandler, registered in app.ts); declined by the customer or expired (its
// budget reservations released); accepted through flows/quote-acceptance, which calls acceptedTx below.
import type { ApprovalFacts } from '@l2c/shared';
import { asSystem, inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { businessDate, todayFor } from '../../platform/clock.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { listTenants } from '../../platform/tenants.sql.js';
import { cancelPendingApproval, submitForApproval, type ApprovalDecision, type ApprovalHandler } from '../approvals/index.js';
import { releaseReservationsTx } from '../pricing/index.js';
import { quoteError } from './quotes.errors.js';
import { OPEN_STATUSES, currentSnapshot, getQuote, loadVisible } from './quotes.service.js';
import * as q from './quotes.sql.js';

async function transition(tx: Tx, actor: Actor, row: q.QuoteRow, to: q.QuoteRow['status'], extra: Parameters<typeof q.setStatus>[2] = { status: to }, changes: Array<{ field: string; before: unknown; after: unknown }> = []) {
  await q.setStatus(tx, row.id, { ...extra, status: to });
  await recordAudit(tx, actor, { action: to === 'approved' ? 'approve' : to, entityType: 'quote', entityId: row.id, changes: [{ field: 'status', before: row.status, after: to }, ...changes] });
}

/** Submit the current version: the facts (amount, discount, margin) decide the chain; no matching rule approves at once. */
export async function submitQuote(db: Db, auth: AuthContext, id: string, version: number) {
  await inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.version !== version) throw commonError('version_conflict');
    if (row.status !== 'draft') throw quoteError('bad_status', `The quote is ${row.status}; only a draft is submitted`);
    if (row.valid_until < todayFor(auth)) throw quoteError('expired');
    const snap = await currentSnapshot(tx, row);
    if (!snap || snap.content.lines.length === 0) throw quoteError('lines_missing');
    if (!(snap.result as { ok: boolean }).ok) throw quoteError('blocked');
    const facts: ApprovalFacts = { ...snap.facts, contentHash: row.content_hash!, versionSeq: row.seq ?? 0 };
    const result = await submitForApproval(tx, auth, {
      docType: 'quote', docId: row.id, docNumber: row.number, title: `${row.customer_name} — ${row.title} (v${row.seq})`, facts,
    });
    if (result.status === 'approved') await transition(tx, auth, row, 'approved', { status: 'approved', approvedHash: row.content_hash }, [{ field: 'approvedHash', before: row.approved_hash, after: row.content_hash }]);
    else await transition(tx, auth, row, 'pending_approval');
  });
  return getQuote(db, auth, id);
}

/**
 * The engine's final decision. Approved binds the quote to the hash the request was submitted with — and only while
 * the quote still has that content (an edit withdraws the request first, so this is a guard, not the rule).
 */
export async function decideQuote(tx: Tx, actor: Actor, d: ApprovalDecision): Promise<void> {
  const row = await q.findQuote(tx, d.docId, q.anyScope, true);
  if (!row || row.status !== 'pending_approval') throw quoteError('bad_status', 'The quote is not waiting for approval');
  const hash = typeof d.facts.contentHash === 'string' ? d.facts.contentHash : null;
  if (d.outcome === 'approved' && hash === row.content_hash) {
    await transition(tx, actor, row, 'approved', { status: 'approved', approvedHash: hash }, [{ field: 'approvedHash', before: row.approved_hash, after: hash }]);
    return;
  }
  await transition(tx, actor, row, 'draft', { status: 'draft', reason: d.comment }, d.comment ? [{ field: 'reason', before: null, after: d.comment }] : []);
}

export const quoteApprovalHandler: ApprovalHandler = { onDecided: decideQuote };

async function closeTx(tx: Tx, actor: Actor, row: q.QuoteRow, to: 'rejected' | 'expired', reason: string | null) {
  await cancelPendingApproval(tx, actor, 'quote', row.id, reason ?? to);
  const released = await releaseReservationsTx(tx, actor, row.id);
  await transition(tx, actor, row, to, { status: to, reason }, [...(reason ? [{ field: 'reason', before: null, after: reason }] : []), ...(released ? [{ field: 'budgetReservations', before: released, after: 'released' }] : [])]);
}

/** The customer declined: the quote closes and its promotion budget reservations are released. */
export async function rejectQuote(db: Db, auth: AuthContext, id: string, input: { version: number; reason: string }) {
  await inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.version !== input.version) throw commonError('version_conflict');
    if (!(OPEN_STATUSES as readonly string[]).includes(row.status)) throw quoteError('bad_status');
    await closeTx(tx, auth, row, 'rejected', input.reason);
  });
  return getQuote(db, auth, id);
}

/** Daily: open quotes past their validity date expire, and their budget reservations go back. */
export async function expireQuotes(db: Db, now = new Date()): Promise<{ expired: number }> {
  const tenants = await asSystem(db, (tx) => listTenants(tx));
  let expired = 0;
  for (const t of tenants) {
    const today = businessDate(now, t.timezone);
    const actor: Actor = { tenantId: t.id, userId: null, requestId: 'job:quotes.expire' };
    expired += await inTenant(db, actor, async (tx) => {
      let n = 0;
      for (const { id } of await q.expiredQuotes(tx, today, 1000)) {
        const row = await q.findQuote(tx, id, q.anyScope, true);
        if (!row || !(OPEN_STATUSES as readonly string[]).includes(row.status)) continue;
        await closeTx(tx, actor, row, 'expired', `valid until ${row.valid_until}`);
        n++;
      }
      return n;
    });
  }
  return { expired };
}

export const quoteExpiryJob: JobDefinition = { name: 'quotes.expire', run: (db, now) => expireQuotes(db, now) };

/**
 * For flows/quote-acceptance, inside its transaction: the quote locked (first: it is the document, ADR 0004 level 1),
 * checked acceptable — approved for exactly its current content, not expired — and its current snapshot.
 */
export async function lockAcceptableTx(tx: Tx, auth: AuthContext, id: string, version: number) {
  const row = await loadVisible(tx, auth, id, true);
  if (row.status === 'accepted') return { row, snapshot: (await currentSnapshot(tx, row))!, already: true };
  if (row.version !== version) throw commonError('version_conflict');
  if (row.status !== 'approved' || !row.content_hash || row.content_hash !== row.approved_hash) throw quoteError('not_approved');
  if (row.valid_until < todayFor(auth)) throw quoteError('expired');
  const snapshot = await currentSnapshot(tx, row);
  if (!snapshot) throw quoteError('lines_missing');
  return { row, snapshot, already: false };
}

/** Mark the quote accepted with the contract it became. */
export async function acceptedTx(tx: Tx, actor: Actor, row: q.QuoteRow, contract: { id: string; number: string }) {
  await transition(tx, actor, row, 'accepted', { status: 'accepted', contractId: contract.id, accepted: true }, [{ field: 'contract', before: null, after: contract.number }]);
}
