// Booking and matching a batch of lines, in the caller's transaction: each new credit line becomes a payment 待认领
// through the payments domain, then the matcher (matching.ts) proposes, from the candidates of a handful of set-based
// statements — not one query per line.
import { dec } from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';
import { registerUnclaimedPaymentTx } from '../../domains/payments/index.js';
import { attachPayment, linesByIds, replaceProposals } from '../../domains/bank-statements/index.js';
import { amountKey, normalisePayer, proposeAll, tokensOf, type Candidates, type MatchLine, type OpenReceivable, type Proposal } from './matching.js';
import * as q from './bank-reconciliation.sql.js';

/** Each line a payment 待认领 (without a customer), numbered like every payment (HK-…). */
export async function bookLinesTx(tx: Tx, actor: Actor, lineIds: string[]): Promise<void> {
  for (const l of await linesByIds(tx, lineIds)) {
    if (l.payment_id || l.status !== 'unclaimed' || l.direction !== 'credit') continue;
    const p = await registerUnclaimedPaymentTx(tx, actor, {
      currency: l.currency, amount: dec(l.amount).toFixed(2), receivedOn: l.booked_on, payerName: l.payer_name, payerAccount: l.payer_account,
      bankReference: null, remark: [l.bank_reference, l.remittance].filter(Boolean).join(' · ').slice(0, 500) || null,
    });
    await attachPayment(tx, l.id, p.id);
  }
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
  const customers = [...new Set([...c.aliasByAccount.values(), ...c.aliasByName.values(), ...c.customerByName.values()])];
  // Amount-only candidates for the lines no reference and no known payer explains.
  const unexplained = lines.filter((l) => {
    if (tokensOf(l.text).some((t) => c.byToken.has(t))) return false;
    const acc = l.payerAccount ? normalisePayer(l.payerAccount) : null;
    const nm = l.payerName ? normalisePayer(l.payerName) : null;
    return !((acc && c.aliasByAccount.has(acc)) || (nm && (c.aliasByName.has(nm) || c.customerByName.has(nm))));
  });
  const open = await q.openOfCustomers(tx, customers);
  const instalments = await q.unbilledInstalments(tx, customers);
  const sameAmount = await q.receivablesOfAmounts(tx, unexplained.map((l) => dec(l.amount).toFixed(2)), unexplained.map((l) => l.currency));
  for (const r of open) push(c.openByCustomer, r.customerId, r);
  for (const i of instalments) push(c.instalmentsByCustomer, i.customerId, i);
  for (const r of sameAmount as OpenReceivable[]) push(c.byAmount, amountKey(r.amountOpen, r.currency), r);
  const ids = [...new Set([...customers, ...named.map((r) => r.customerId)])];
  for (const n of await q.customerNames(tx, ids)) c.customerNames.set(n.id, n.name);
  return c;
}

/** Propose for these lines (those still 待认领) and store the proposals, replacing older pending ones. */
export async function matchLinesTx(tx: Tx, actor: Actor, lineIds: string[]): Promise<{ proposals: Proposal[]; stored: Array<{ id: string; line_id: string; confidence: number }> }> {
  const rows = (await linesByIds(tx, lineIds)).filter((l) => l.status === 'unclaimed' && l.payment_id);
  const lines: MatchLine[] = rows.map((l) => ({
    id: l.id, amount: dec(l.amount).toFixed(2), currency: l.currency, payerName: l.payer_name, payerAccount: l.payer_account,
    text: [l.remittance, l.customer_reference, l.bank_reference].filter(Boolean).join(' '),
  }));
  if (lines.length === 0) return { proposals: [], stored: [] };
  const proposals = proposeAll(lines, await candidatesFor(tx, lines));
  const stored = await replaceProposals(tx, actor, lines.map((l) => l.id), proposals.map((p) => ({
    line_id: p.lineId, customer_id: p.customerId, rule: p.rule, confidence: p.confidence, reasons: p.reasons, allocations: p.allocations,
  })));
  return { proposals, stored };
}
