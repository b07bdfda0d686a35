// A bank line that is money already registered by hand (POST /payments, a rep's 回款登记 or finance's) must not become
// a second payment: the yuan would be counted twice — in the customer's payments, its unapplied cash, its aging.
//
// At import, before a credit line becomes a payment 待认领, the payments registered by hand that no bank line is yet
// are looked up in one statement for the batch (handPaymentsFor): same currency and amount, received within ±5 days
// of the line's value date (its booking date when the bank gives none). A candidate is strong when the payer is known
// for its customer (a learned account or name, the customer's own name, the payment's payer) or the line's text names
// it (its number HK-…, its bank reference, a receivable of its customer).
//   - exactly one strong candidate: the line is linked to it (matched, how = linked) — a claimed payment is confirmed
//     by the line, since the statement is the proof of receipt finance otherwise checks by hand (the rule claimed bank
//     payments follow already); no payment 待认领 is created;
//   - several candidates, or only weak ones: no payment either — the line waits with an existing_payment proposal
//     ("this is payment HK-… already registered") that finance confirms (linked) or rejects (the line then becomes a
//     payment 待认领 of its own and is matched as any other);
//   - none: a payment 待认领, as before.
// The reverse order — registered by hand after the line became a payment 待认领 — is found when lines are matched
// (import, rematch): the line gets the existing_payment proposal instead of a receivable one; confirmed, the line is
// linked to the hand payment and its own payment 待认领 (no customer, no ledger entry yet) is rejected as a duplicate.
// One payment is at most one line's money: bank_statement_lines_payment (migration 025) is the last word on that.
import { dec } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import type { PendingProposal } from '../../domains/bank-statements/index.js';
import { normalisePayer, tokensOf } from './matching.js';
import * as q from './bank-reconciliation.sql.js';

/** Days either side of the bank's value date a hand-registered payment may have been received. */
export const DEDUPE_DAYS = 5;

export interface DedupeLine {
  id: string; currency: string; amount: string; on: string; payerName: string | null; payerAccount: string | null; text: string;
}
export type DedupeDecision =
  | { kind: 'link'; payment: { id: string; number: string; customerId: string } }
  | { kind: 'propose'; proposal: Omit<PendingProposal, 'id'> };

/** A line as findDuplicates takes it. */
export function dedupeLine(l: { id: string; currency: string; amount: string; value_on: string | null; booked_on: string; payer_name: string | null; payer_account: string | null;
  remittance: string | null; customer_reference: string | null; bank_reference: string | null }): DedupeLine {
  return { id: l.id, currency: l.currency, amount: l.amount, on: l.value_on ?? l.booked_on, payerName: l.payer_name, payerAccount: l.payer_account,
    text: [l.remittance, l.customer_reference, l.bank_reference].filter(Boolean).join(' ') };
}

/**
 * The payment registered by hand for this customer that is the line's money (the closest in date), if any — asked
 * when a line is about to be booked for a customer (claim, confirm, split): the reverse order, registered after the
 * line became a payment 待认领 and not matched again since.
 */
export async function sameMoneyOf(tx: Tx, line: DedupeLine, customerId: string) {
  const rows = await q.handPaymentsFor(tx, {
    ids: [line.id], currencies: [line.currency], amounts: [dec(line.amount).toFixed(2)], dates: [line.on], accounts: [null], names: [null], texts: [''], tokens: [''],
  });
  const p = rows.find((r) => r.customer_id === customerId);
  return p ? { id: p.id, number: p.number, customerId: p.customer_id } : null;
}

/** What each line of the batch is, of the hand-registered payments (lines not in the map: none found). */
export async function findDuplicates(tx: Tx, lines: DedupeLine[], opts: { allowLink: boolean }): Promise<Map<string, DedupeDecision>> {
  const rows = await q.handPaymentsFor(tx, {
    ids: lines.map((l) => l.id), currencies: lines.map((l) => l.currency), amounts: lines.map((l) => dec(l.amount).toFixed(2)), dates: lines.map((l) => l.on),
    accounts: lines.map((l) => (l.payerAccount ? normalisePayer(l.payerAccount) : null)), names: lines.map((l) => (l.payerName ? normalisePayer(l.payerName) : null)),
    texts: lines.map((l) => l.text.toUpperCase()), tokens: lines.map((l) => tokensOf(l.text).join(' ')),
  });
  const byLine = new Map<string, q.HandPayment[]>();
  for (const r of rows) (byLine.get(r.line_id) ?? byLine.set(r.line_id, []).get(r.line_id)!).push(r);
  const taken = new Set<string>(); // two lines of a batch are never the same payment
  const out = new Map<string, DedupeDecision>();
  for (const l of lines) {
    const found = (byLine.get(l.id) ?? []).filter((p) => !taken.has(p.id));
    if (found.length === 0) continue;
    const strong = found.filter((p) => p.payer_known || p.ref_known);
    if (opts.allowLink && strong.length === 1) {
      const p = strong[0]!;
      taken.add(p.id);
      out.set(l.id, { kind: 'link', payment: { id: p.id, number: p.number, customerId: p.customer_id } });
      continue;
    }
    const best = strong[0] ?? found[0]!; // closest received date first
    taken.add(best.id);
    const money = `${dec(l.amount).toFixed(2)} ${l.currency}`;
    const why = [best.ref_known ? 'the remittance names it' : null, best.payer_known ? 'the payer is its customer' : null].filter(Boolean).join(', ');
    const reasons = [{ code: 'existing_payment', detail: `${best.number} (${best.status}) is ${money} received on ${best.received_on}, ${best.days} day(s) from the bank's date${why ? `; ${why}` : ''}` }];
    if (found.length > 1) reasons.push({ code: 'several_payments', detail: `${found.length} payments registered by hand fit: ${found.map((p) => p.number).join(', ')}` });
    out.set(l.id, { kind: 'propose', proposal: {
      customerId: best.customer_id, rule: 'existing_payment', confidence: found.length > 1 ? 60 : strong.length > 0 ? 85 : 75, reasons, allocations: [], paymentId: best.id,
    } });
  }
  return out;
}
