// Booking and matching a batch of lines, in the caller's transaction: each new credit line becomes a payment 待认领
// through the payments domain, then the matcher (matching.ts) proposes, from the candidates of a handful of set-based
// statements — not one query per line.
import { dec } from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';
import { adoptForBankLineTx, registerUnclaimedPaymentTx } from '../../domains/payments/index.js';
import { attachPayment, linesByIds, linkPaymentTx, setProposals } from '../../domains/bank-statements/index.js';
import { lockCustomer } from '../../domains/credit/index.js';
import { dedupeLine, findDuplicates } from './dedupe.js';
import { amountKey, normalisePayer, proposeAll, tokensOf, type Candidates, type MatchLine, type OpenReceivable, type Proposal } from './matching.js';
import * as q from './bank-reconciliation.sql.js';

/**
 * Each line a payment 待认领 (without a customer), numbered like every payment (HK-…) — unless it is money already
 * registered by hand (dedupe.ts): then it is linked to that payment, or waits with a proposal naming it, and no second
 * payment is created. `dedupe: false` when finance has rejected that proposal.
 */
export async function bookLinesTx(tx: Tx, actor: Actor, lineIds: string[], opts: { dedupe: boolean } = { dedupe: true }): Promise<void> {
  const todo = (await linesByIds(tx, lineIds)).filter((l) => !l.payment_id && l.status === 'unclaimed' && l.direction === 'credit');
  const dupes = opts.dedupe ? await findDuplicates(tx, todo.map(dedupeLine), { allowLink: true }) : new Map();
  const proposals: Parameters<typeof setProposals>[2] = [];
  for (const l of todo) {
    const d = dupes.get(l.id);
    if (d?.kind === 'link') {
      // lock order (ADR 0004): the line (new in this transaction) → the customer → the payment
      await lockCustomer(tx, d.payment.customerId);
      await adoptForBankLineTx(tx, actor, d.payment.id, `${l.booked_on} ${l.bank_reference ?? l.id}`);
      await linkPaymentTx(tx, actor, l, d.payment, null);
      continue;
    }
    if (d?.kind === 'propose') { proposals.push({ lineId: l.id, ...d.proposal }); continue; }
    const p = await registerUnclaimedPaymentTx(tx, actor, {
      currency: l.currency, amount: dec(l.amount).toFixed(2), receivedOn: l.booked_on, payerName: l.payer_name, payerAccount: l.payer_account,
      bankReference: null, remark: [l.bank_reference, l.remittance].filter(Boolean).join(' · ').slice(0, 500) || null,
    });
    await attachPayment(tx, l.id, p.id);
  }
  if (proposals.length > 0) await setProposals(tx, proposals.map((p) => p.lineId), proposals);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const a = m.get(k);
  if (a) a.push(v); else m.set(k, [v]);
}

/** The candidates for a batch of lines: six statements whatever the batch size. */
export async function candidatesFor(tx: Tx, lines: MatchLine[]): Promise<Candidates> {
  const tokens = [...new Set(lines.flatMap((l) => tokensOf(l.text)))];
  const accounts = [...new Set(lines.flatMap((l) => (l.payerAccount ? [normalisePayer(l.payerAccount)] : [])))];
  const names = [...new Set(lines.flatMap((l) => (l.payerName ? [normalisePayer(l.payerName)] : [])))];
  // One connection per transaction: the statements run one after the other anyway.
  const named = await q.namedReceivables(tx, tokens);
  const aliases = await q.knownPayers(tx, accounts, names);
  const byName = await q.customersNamed(tx, names);
  const c: Candidates = {
    byToken: new Map(), aliasByAccount: new Map(), aliasByName: new Map(), customerByName: new Map(), customerNames: new Map(),
    openByCustomer: new Map(), instalmentsByCustomer: new Map(), byAmount: new Map(),
  };
  for (const r of named) push(c.byToken, r.token, r);
  for (const a of aliases) (a.kind === 'account' ? c.aliasByAccount : c.aliasByName).set(a.value, a.customer_id);
  for (const r of byName) if (!c.customerByName.has(r.norm)) c.customerByName.set(r.norm, r.id);
  // Each line's payer, as proposeAll will decide it (account, then learned name, then the customer's own name).
  const payerOf = (l: MatchLine) => {
    const acc = l.payerAccount ? normalisePayer(l.payerAccount) : null;
    const nm = l.payerName ? normalisePayer(l.payerName) : null;
    return (acc ? c.aliasByAccount.get(acc) : undefined) ?? (nm ? c.aliasByName.get(nm) ?? c.customerByName.get(nm) : undefined);
  };
  const referenced = (l: MatchLine) => tokensOf(l.text).some((t) => c.byToken.has(t));
  const paid = lines.filter((l) => !referenced(l)).map((l) => ({ l, customer: payerOf(l) }));
  const withPayer = paid.filter((x): x is { l: MatchLine; customer: string } => !!x.customer);
  // Stage 1: the payer's open invoices of exactly the line's amount — most lines end here. Stage 2: every open invoice
  // (and unbilled instalment) only of the customers a line found no such invoice for: sets, instalments, oldest first.
  const hits = await q.openOfAmounts(tx, withPayer.map((x) => x.customer), withPayer.map((x) => dec(x.l.amount).toFixed(2)), withPayer.map((x) => x.l.currency));
  const hitKeys = new Set(hits.map((r) => `${r.customerId}|${amountKey(r.amountOpen, r.currency)}`));
  const full = [...new Set(withPayer.filter((x) => !hitKeys.has(`${x.customer}|${amountKey(x.l.amount, x.l.currency)}`)).map((x) => x.customer))];
  const open = await q.openOfCustomers(tx, full);
  const instalments = await q.unbilledInstalments(tx, full);
  const unexplained = paid.filter((x) => !x.customer).map((x) => x.l);
  const sameAmount = await q.receivablesOfAmounts(tx, unexplained.map((l) => dec(l.amount).toFixed(2)), unexplained.map((l) => l.currency));
  const fullSet = new Set(full);
  for (const r of open) push(c.openByCustomer, r.customerId, r);
  for (const r of hits) if (!fullSet.has(r.customerId)) push(c.openByCustomer, r.customerId, r);
  for (const i of instalments) push(c.instalmentsByCustomer, i.customerId, i);
  for (const r of sameAmount as OpenReceivable[]) push(c.byAmount, amountKey(r.amountOpen, r.currency), r);
  const customers = withPayer.map((x) => x.customer);
  const ids = [...new Set([...customers, ...named.map((r) => r.customerId)])];
  for (const n of await q.customerNames(tx, ids)) c.customerNames.set(n.id, n.name);
  return c;
}

/** Propose for these lines (those still 待认领) and put each proposal on its line, replacing the one it had. */
export async function matchLinesTx(tx: Tx, _actor: Actor, lineIds: string[]): Promise<{ proposals: Proposal[] }> {
  const lines: Array<MatchLine & { on: string }> = (await q.matchInputs(tx, lineIds)).map((l) => ({
    id: l.id, amount: dec(l.amount).toFixed(2), currency: l.currency, payerName: l.payer_name, payerAccount: l.payer_account, text: l.text, on: l.on_date,
  }));
  if (lines.length === 0) return { proposals: [] };
  const proposals = proposeAll(lines, await candidatesFor(tx, lines));
  // A payment registered by hand after the line became a payment 待认领 is the same money: that, not a receivable, is
  // what finance is asked to confirm (dedupe.ts) — never applied automatically.
  const dupes = await findDuplicates(tx, lines, { allowLink: false });
  const rows: Parameters<typeof setProposals>[2] = proposals.filter((p) => !dupes.has(p.lineId)).map((p) => ({
    lineId: p.lineId, customerId: p.customerId, rule: p.rule, confidence: p.confidence, reasons: p.reasons, allocations: p.allocations,
  }));
  for (const [lineId, d] of dupes) if (d.kind === 'propose') rows.push({ lineId, ...d.proposal });
  await setProposals(tx, lines.map((l) => l.id), rows);
  return { proposals };
}
