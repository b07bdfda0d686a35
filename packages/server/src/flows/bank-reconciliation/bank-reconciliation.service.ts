// Request-level entry points of the reconciliation workbench 对账工作台. Each action on a line is one transaction that
// locks, in this order (docs/adr/0004-lock-order.md): the line (like an approval request, it is the document a person
// decides) → the customer → the receivables by id → the payment → ledger; the write-off itself goes through
// flows/write-off's applyWriteOffTx, the payment through the payments domain (claimPaymentTx). An import is one
// transaction (statements, lines, payments 待认领, proposals); the confident proposals are then applied one customer
// per transaction, so an import never holds two customers' money locks at once.
import type { z } from 'zod';
import {
  AUTO_APPLY_CONFIDENCE, dec, fillInOrder, type BankLineClaim, type BankLineReject, type BankLineSplit, type BankStatementDecision, type BankStatementImport,
} from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import { withIdempotency } from '../../platform/idempotency.js';
import type { AuthContext } from '../../platform/auth.js';
import { lockCustomer } from '../../domains/credit/index.js';
import { lockReceivables } from '../../domains/receivables/index.js';
import { adoptForBankLineTx, claimPaymentTx, rejectUnclaimedPaymentTx } from '../../domains/payments/index.js';
import {
  bankError, confidentLines, decideStatementTx, findMappingTx, importFileTx, learnPayer, lineView, linkPaymentTx, lockLineTx, markMatched,
  pendingProposal, rejectLineTx, rejectProposalTx, saveMappingTx, statementViews, waitingCounts, type PendingProposal, type StoredLine,
} from '../../domains/bank-statements/index.js';
import { applyWriteOffTx } from '../write-off/index.js';
import { bookLinesTx, matchLinesTx } from './match.service.js';
import { dedupeLine, sameMoneyOf } from './dedupe.js';
import * as q from './bank-reconciliation.sql.js';

type Allocation = { receivableId: string; amount: string };

/**
 * Settle a line for a customer: claim its payment for the customer (confirmed: the statement proves the money), then
 * write the allocations off against it. What the allocations leave stays on the customer's prepaid account 预收.
 */
async function settleLineTx(tx: Tx, auth: AuthContext, line: StoredLine, customerId: string, allocations: Allocation[], how: 'auto' | 'confirmed' | 'split' | 'claimed', proposal: PendingProposal | null) {
  if (line.status !== 'unclaimed' || !line.payment_id) throw bankError('line_not_open');
  const total = allocations.reduce((s, a) => s.plus(dec(a.amount)), dec(0));
  if (total.gt(dec(line.amount))) throw bankError('exceeds_line', `${total.toFixed(2)} allocated, the line is ${dec(line.amount).toFixed(2)}`, { errors: [{ path: 'allocations', message: `at most ${dec(line.amount).toFixed(2)}` }] });
  if (!(await lockCustomer(tx, customerId))) throw bankError('line_not_found', 'Customer not found', { errors: [{ path: 'customerId', message: 'no such customer' }] });
  // registered by hand for this customer since the line was last matched: booking the line too would count it twice
  const twin = await sameMoneyOf(tx, dedupeLine(line), customerId);
  if (twin) throw bankError('same_money', `Payment ${twin.number} of this customer is this line's money, registered by hand: match again and confirm the line as that payment`, { errors: [{ path: 'customerId', message: `already registered as ${twin.number}` }] });
  const locked = await lockReceivables(tx, [...new Set(allocations.map((a) => a.receivableId))]);
  const own = await claimPaymentTx(tx, auth, line.payment_id, customerId);
  let writeOffId: string | null = null;
  const lines = allocations.filter((a) => dec(a.amount).gt(0));
  if (lines.length > 0) {
    writeOffId = await applyWriteOffTx(tx, auth, { customerId, appliedOn: line.booked_on, memo: `银行流水 ${line.bank_reference ?? ''} ${how}`.trim(),
      lines: lines.map((a) => ({ receivableId: a.receivableId, source: { type: 'payment' as const, paymentId: own.id }, amount: a.amount })) },
    { customerLocked: true, ownPayments: [own], lockedReceivables: locked });
  }
  await markMatched(tx, auth, line, { how, proposal, writeOffId, customerId });
  return writeOffId;
}

/**
 * Finance confirms "this line is payment HK-… already registered" (dedupe.ts): the line is linked to it (a claimed one
 * confirmed by the line); a payment 待认领 the line had become meanwhile is rejected as the duplicate it is — it has no
 * customer and no ledger entry, so nothing is reversed. Lock order: line → customer → payments.
 */
async function linkExistingTx(tx: Tx, auth: AuthContext, line: StoredLine, p: PendingProposal | null, payment: { id: string; customerId: string }) {
  if (!(await lockCustomer(tx, payment.customerId))) throw bankError('line_not_found', 'Customer not found');
  const ref = `${line.booked_on} ${line.bank_reference ?? line.id}`;
  const hand = await adoptForBankLineTx(tx, auth, payment.id, ref);
  if (line.payment_id && line.payment_id !== hand.id) {
    await rejectUnclaimedPaymentTx(tx, auth, line.payment_id, `duplicate of ${hand.number}, registered by hand; bank line ${ref}`);
  }
  await linkPaymentTx(tx, auth, line, hand, p);
}

const checkVersion = (line: StoredLine, version: number) => {
  if (line.version !== version) throw bankError('line_not_open', 'Someone else changed this line; reload it', { errors: [{ path: 'version', message: 'stale' }] });
};

/** Apply the confident pending proposals of these lines, each in its own transaction; a stale one stays for a person. */
export async function autoApply(db: Db, auth: AuthContext, lineIds: string[] | null): Promise<number> {
  const todo = await inTenant(db, auth, (tx) => confidentLines(tx, AUTO_APPLY_CONFIDENCE, lineIds));
  let applied = 0;
  for (const lineId of todo) {
    try {
      await inTenant(db, auth, async (tx) => {
        const line = await lockLineTx(tx, lineId);
        const current = await pendingProposal(tx, line.id);
        if (line.status !== 'unclaimed' || !current || current.confidence < AUTO_APPLY_CONFIDENCE || current.rule === 'existing_payment') return;
        await settleLineTx(tx, auth, line, current.customerId, current.allocations, 'auto', current);
        applied += 1;
      });
    } catch (err) {
      // The money moved since the proposal (paid another way, reversed): the proposal waits for a person instead.
      if (!(err instanceof Error && 'code' in err && /^(write_offs|payments|bank_statements)\./.test(String((err as { code: string }).code)))) throw err;
    }
  }
  return applied;
}

async function counts(db: Db, auth: AuthContext, lineIds: string[]) {
  if (lineIds.length === 0) return { proposed: 0, unmatched: 0 };
  return inTenant(db, auth, (tx) => waitingCounts(tx, lineIds));
}

export async function importStatement(db: Db, auth: AuthContext, input: z.infer<typeof BankStatementImport>) {
  const outcome = await inTenant(db, auth, async (tx) => {
    let mapping = { id: null as string | null, mapping: null as Awaited<ReturnType<typeof findMappingTx>> | null };
    if (input.mappingId) mapping = { id: input.mappingId, mapping: await findMappingTx(tx, input.mappingId) };
    else if (input.mapping && input.saveMapping) { const saved = await saveMappingTx(tx, auth, input.mapping); mapping = { id: saved.id, mapping: input.mapping }; }
    else if (input.mapping) mapping = { id: null, mapping: input.mapping };
    const o = await importFileTx(tx, auth, input, mapping);
    await bookLinesTx(tx, auth, o.toBook);
    await matchLinesTx(tx, auth, o.toBook);
    return o;
  });
  const autoApplied = await autoApply(db, auth, outcome.toBook);
  const { proposed, unmatched } = await counts(db, auth, outcome.toBook);
  const statements = await inTenant(db, auth, (tx) => statementViews(tx, outcome.statementIds));
  return {
    importId: outcome.importId, alreadyImported: outcome.alreadyImported, statements, linesNew: outcome.linesNew, linesKnown: outcome.linesKnown,
    autoApplied, proposed, unmatched,
  };
}

export async function decideStatement(db: Db, auth: AuthContext, id: string, input: z.infer<typeof BankStatementDecision>, key?: string) {
  const stored = await inTenant(db, auth, (tx) => withIdempotency(tx, auth, 'bank.decide', key, { id, ...input }, async () => {
    const lines = await decideStatementTx(tx, auth, id, input);
    await bookLinesTx(tx, auth, lines);
    await matchLinesTx(tx, auth, lines);
    return { statusCode: 200, body: { lines } };
  }));
  if (!stored.replayed) await autoApply(db, auth, stored.body.lines);
  return { ...stored, body: await inTenant(db, auth, async (tx) => (await statementViews(tx, [id]))[0]!) };
}

/** One line action under the request's Idempotency-Key: a replay answers what the first call answered. */
function idempotent<T>(db: Db, auth: AuthContext, scope: string, key: string | undefined, body: unknown, fn: (tx: Tx) => Promise<T>) {
  return inTenant(db, auth, (tx) => withIdempotency(tx, auth, scope, key, body, async () => ({ statusCode: 200, body: await fn(tx) })));
}

/** Finance confirms the pending proposal as it stands; the payer's name and account are learned for next time. */
export async function confirmLine(db: Db, auth: AuthContext, id: string, input: { version: number; rememberPayer: boolean }, key?: string) {
  return idempotent(db, auth, 'bank.confirm', key, { id, ...input }, async (tx) => {
    const line = await lockLineTx(tx, id);
    checkVersion(line, input.version);
    if (line.status !== 'unclaimed') throw bankError('line_not_open');
    const p = await pendingProposal(tx, id);
    if (!p) throw bankError('no_proposal');
    if (p.rule === 'existing_payment') {
      if (!p.paymentId) throw bankError('no_proposal');
      await linkExistingTx(tx, auth, line, p, { id: p.paymentId, customerId: p.customerId });
    }
    else await settleLineTx(tx, auth, line, p.customerId, p.allocations, 'confirmed', p);
    if (input.rememberPayer) await learnPayer(tx, auth, line, p.customerId);
    return lineView(tx, auth, id);
  });
}

/** Finance books the line its own way: a customer and amounts per receivable; the rest stays prepaid 预收. */
export async function splitLine(db: Db, auth: AuthContext, id: string, input: z.infer<typeof BankLineSplit>, key?: string) {
  return idempotent(db, auth, 'bank.split', key, { id, ...input }, async (tx) => {
    const line = await lockLineTx(tx, id);
    checkVersion(line, input.version);
    if (line.status !== 'unclaimed') throw bankError('line_not_open');
    const p = await pendingProposal(tx, id);
    if (p) await rejectProposalTx(tx, auth, line, p, 'split by hand');
    await settleLineTx(tx, auth, line, input.customerId, input.allocations, 'split', null);
    if (input.rememberPayer) await learnPayer(tx, auth, line, input.customerId);
    return lineView(tx, auth, id);
  });
}

/** The proposal is wrong (the line waits 待认领 again), or the line is no customer's money (its payment is rejected). */
export async function rejectLine(db: Db, auth: AuthContext, id: string, input: z.infer<typeof BankLineReject>, key?: string) {
  return idempotent(db, auth, 'bank.reject', key, { id, ...input }, async (tx) => {
    const line = await lockLineTx(tx, id);
    checkVersion(line, input.version);
    if (line.status !== 'unclaimed') throw bankError('line_not_open');
    const p = await pendingProposal(tx, id);
    if (input.what === 'proposal') {
      if (!p) throw bankError('no_proposal');
      await rejectProposalTx(tx, auth, line, p, input.reason);
      // not the payment registered by hand: the line is money of its own — a payment 待认领, matched as any other
      if (p.rule === 'existing_payment' && !line.payment_id) {
        await bookLinesTx(tx, auth, [line.id], { dedupe: false });
        await matchLinesTx(tx, auth, [line.id]);
      }
    } else {
      if (line.payment_id) await rejectUnclaimedPaymentTx(tx, auth, line.payment_id, input.reason);
      await rejectLineTx(tx, auth, line, p, input.reason);
    }
    return lineView(tx, auth, id);
  });
}

/**
 * A rep claims 认领 a waiting line for one of her own customers (the customer's owner in her scope, checked in SQL):
 * the named receivables, or the customer's oldest due first, are settled; the rest stays prepaid 预收.
 */
export async function claimLine(db: Db, auth: AuthContext, id: string, input: z.infer<typeof BankLineClaim>, key?: string) {
  return idempotent(db, auth, 'bank.claim', key, { id, ...input }, async (tx) => {
    const line = await lockLineTx(tx, id);
    if (!(await q.customerInScope(tx, input.customerId, auth.userId, auth.scope))) {
      throw bankError('line_not_found', 'Customer not found', { errors: [{ path: 'customerId', message: 'not one of your customers' }] });
    }
    checkVersion(line, input.version);
    if (line.status !== 'unclaimed') throw bankError('line_not_open');
    const open = (await q.openOfCustomers(tx, [input.customerId])).filter((r) => r.currency === line.currency);
    const chosen = input.receivableIds.length > 0
      ? input.receivableIds.map((rid, i) => {
        const r = open.find((o) => o.id === rid);
        if (!r) throw bankError('line_not_open', 'Not an open receivable of this customer', { errors: [{ path: `receivableIds.${i}`, message: 'not an open receivable of this customer in the line\'s currency' }] });
        return r;
      })
      : open;
    const allocations: Allocation[] = fillInOrder(line.amount, chosen, (r) => r.amountOpen).takes.map(({ item: r, take }) => ({ receivableId: r.id, amount: take.toFixed(2) }));
    const p = await pendingProposal(tx, id);
    // The rep registered this money by hand already (回款登记): claiming the line is then saying "this is that payment"
    // — the line is linked to it and its own payment 待认领 rejected as the duplicate, nothing written off twice.
    const twin = await sameMoneyOf(tx, dedupeLine(line), input.customerId);
    if (twin) {
      const same = p?.rule === 'existing_payment' && p.paymentId === twin.id ? p : null;
      if (p && !same) await rejectProposalTx(tx, auth, line, p, `claimed as ${twin.number}, registered by hand`);
      await linkExistingTx(tx, auth, line, same, twin);
      return lineView(tx, auth, id);
    }
    if (p && p.customerId !== input.customerId) await rejectProposalTx(tx, auth, line, p, 'claimed for another customer');
    await settleLineTx(tx, auth, line, input.customerId, allocations, 'claimed', p && p.customerId === input.customerId ? p : null);
    await learnPayer(tx, auth, line, input.customerId);
    return lineView(tx, auth, id);
  });
}

/** Match every line still 待认领 again (new receivables, learned payers) and apply what is now confident. */
export async function rematch(db: Db, auth: AuthContext) {
  const ids = await inTenant(db, auth, async (tx) => {
    const lines = await q.unclaimedLineIds(tx);
    await matchLinesTx(tx, auth, lines);
    return lines;
  });
  const autoApplied = await autoApply(db, auth, ids);
  return { autoApplied, ...(await counts(db, auth, ids)) };
}
