// The matcher: from a batch of bank credit lines and the candidates the SQL found, one proposal per line — a customer,
// the receivables and amounts to settle, a confidence 0–100 and the reasons in words. Pure: no database here.
//
// Before any rule: a line that is a payment registered by hand (POST /payments; same currency and amount, received
// within ±5 days of the value date, no bank line's yet) is not matched here at all — dedupe.ts links it to that payment
// at import (one strong candidate), or proposes it as existing_payment (several or weak candidates; also when the
// payment was registered after the line became a payment 待认领). That proposal, confidence 60–85, replaces this file's
// and is never applied automatically: finance confirms (the line is linked; no second payment) or rejects it.
//
// Rules, in this order (the first that finds something decides; the confidence says how sure it is):
//  1. reference — the remittance text 附言 or reference names a receivable number (YS-2026-000123), the 20-digit number
//     of an issued invoice 发票 (its receivables), or a contract number (HT-…): the open receivables, oldest due first.
//        amount = the named receivable's (or invoice's) open amount, or all open of the named contract .. 98 / 95
//        amount differs (partial or more) .................................................... 80 / 75
//  2. payer — the payer's account (learned) or name (the customer's name, or a learned alias 别名) gives the customer:
//     a. payer_amount: the amount equals one open receivable of that customer .................... 95 account / 92 name
//        (several of that amount: the oldest due, 80)
//     b. payer_set: the amount equals all the customer's open receivables, or a set of them (≤ 12) . 92 / 90 all, 80 a set
//     c. payer_instalment: the amount equals an instalment of a signed contract not yet billed — money ahead of its
//        trigger, kept on the prepaid account 预收 ........................................... 70
//     d. payer_only: the customer is known, the amount fits nothing — oldest due first, the rest prepaid ...... 55
//  3. amount_only — no reference, no known payer: the amount equals exactly one open receivable in the tenant ....... 60
// Nothing found: no proposal; the payment waits 待认领 for a rep to claim it. From AUTO_APPLY_CONFIDENCE (90) a proposal
// is applied at import through the write-off flow; below it, finance confirms, splits or rejects it.
import { dec, fillInOrder, type DecimalValue } from '@l2c/shared';

export interface MatchLine { id: string; amount: string; currency: string; payerName: string | null; payerAccount: string | null; text: string }
export interface OpenReceivable { id: string; number: string; customerId: string; contractId: string | null; contractNumber: string | null; currency: string; amountOpen: string; dueDate: string }
export interface Instalment { id: string; contractNumber: string; seq: number; customerId: string; currency: string; amount: string }
export interface Candidates {
  /** Receivables named by a token (its own number or its contract's), keyed by the token. */
  byToken: Map<string, OpenReceivable[]>;
  aliasByAccount: Map<string, string>;
  aliasByName: Map<string, string>;
  /** Customers whose own name, normalised, equals a payer name. */
  customerByName: Map<string, string>;
  customerNames: Map<string, string>;
  openByCustomer: Map<string, OpenReceivable[]>;
  instalmentsByCustomer: Map<string, Instalment[]>;
  /** amount|currency → the open receivables of exactly that amount, tenant-wide (at most 2 kept: unique or not). */
  byAmount: Map<string, OpenReceivable[]>;
}
export interface Reason { code: string; detail: string }
export interface Proposal {
  lineId: string; customerId: string; rule: 'reference' | 'payer_amount' | 'payer_set' | 'payer_instalment' | 'payer_only' | 'amount_only';
  confidence: number; reasons: Reason[]; allocations: Array<{ receivableId: string; number: string; amount: string }>;
}

const TOKEN = /\b([A-Z]{2,3})-?(20\d{2})-?(\d{6})\b/g;
/** A fully digital e-invoice 数电票 number: 20 digits. */
const INVOICE = /(?<!\d)\d{20}(?!\d)/g;
/** Document numbers named in a text: L2C's in their canonical form (YS-2026-000123), and 20-digit invoice numbers. */
export function tokensOf(text: string): string[] {
  const upper = text.toUpperCase();
  return [...new Set([...[...upper.matchAll(TOKEN)].map((m) => `${m[1]}-${m[2]}-${m[3]}`), ...[...upper.matchAll(INVOICE)].map((m) => m[0])])];
}
const isInvoiceNumber = (t: string) => /^\d{20}$/.test(t);

export function normalisePayer(v: string): string {
  return v.normalize('NFKC').toUpperCase().replace(/[\s()（）.,，。·\-_/'"&]/g, '');
}

// amounts come as 2-decimal text (numeric(18,2), lines normalised): only a DecimalValue needs formatting
const key = (amount: string | DecimalValue, currency: string) => `${typeof amount === 'string' ? amount : amount.toFixed(2)}|${currency}`;

/** Exactly which receivables of a customer add up to `target` (cents, ≤ 12 receivables, oldest-first preference). */
function subsetSum(rs: OpenReceivable[], target: DecimalValue): OpenReceivable[] | null {
  const list = rs.slice(0, 12);
  const cents = list.map((r) => Math.round(dec(r.amountOpen).times(100).toNumber()));
  const goal = Math.round(target.times(100).toNumber());
  // sum of a mask = sum of the mask without its lowest bit + that bit's amount: one addition per subset
  const sums = new Float64Array(1 << list.length);
  for (let mask = 1; mask < sums.length; mask++) {
    const low = mask & -mask;
    sums[mask] = sums[mask ^ low]! + cents[31 - Math.clz32(low)]!;
    if (sums[mask] === goal) return list.filter((_, i) => mask & (1 << i));
  }
  return null;
}

export function proposeAll(lines: MatchLine[], c: Candidates): Proposal[] {
  // What is left open of each receivable once earlier lines of the batch took their share: two lines never both
  // settle the same money.
  const left = new Map<string, DecimalValue>();
  const openOf = (r: OpenReceivable) => {
    let v = left.get(r.id);
    if (!v) left.set(r.id, (v = dec(r.amountOpen)));
    return v;
  };
  const alloc = (rs: OpenReceivable[], amount: DecimalValue): Proposal['allocations'] => fillInOrder(amount, rs, openOf).takes.map(({ item: r, take }) => {
    left.set(r.id, openOf(r).minus(take)); // a later line of the batch sees what this one took
    return { receivableId: r.id, number: r.number, amount: take.toFixed(2) };
  });
  const live = (rs: OpenReceivable[] | undefined, currency: string) => (rs ?? []).filter((r) => r.currency === currency && openOf(r).gt(0));
  const byDue = (a: OpenReceivable, b: OpenReceivable) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1);

  const out: Proposal[] = [];
  for (const l of lines) {
    const amount = dec(l.amount);
    const money = `${amount.toFixed(2)} ${l.currency}`;
    // 1. reference
    const named = tokensOf(l.text).flatMap((t) => (c.byToken.get(t) ?? []).map((r) => ({ t, r })));
    const namedLive = named.filter(({ r }) => r.currency === l.currency && openOf(r).gt(0));
    if (namedLive.length > 0) {
      const customerId = namedLive[0]!.r.customerId;
      const rs = [...new Map(namedLive.filter(({ r }) => r.customerId === customerId).map(({ r }) => [r.id, r])).values()].sort(byDue);
      // a receivable's own number, or the invoice 发票 issued for it, names exactly what is paid; a contract, all it owes
      const byNumber = namedLive.some(({ t, r }) => t === r.number || isInvoiceNumber(t));
      const byInvoice = namedLive.some(({ t }) => isInvoiceNumber(t));
      const total = rs.reduce((s, r) => s.plus(openOf(r)), dec(0));
      const exact = total.eq(amount);
      const tokens = [...new Set(namedLive.map(({ t }) => t))].join(', ');
      const reasons: Reason[] = [{ code: byInvoice ? 'names_invoice' : byNumber ? 'names_receivable' : 'names_contract', detail: `附言 names ${tokens}` }];
      reasons.push(exact ? { code: 'amount_equals_open', detail: `${money} = open ${total.toFixed(2)}` } : { code: 'amount_differs', detail: `${money} ≠ open ${total.toFixed(2)}` });
      out.push({ lineId: l.id, customerId, rule: 'reference', confidence: exact ? (byNumber ? 98 : 95) : amount.lt(total) ? 80 : 75, reasons, allocations: alloc(rs, amount) });
      continue;
    }
    // 2. payer
    const account = l.payerAccount ? normalisePayer(l.payerAccount) : null;
    const name = l.payerName ? normalisePayer(l.payerName) : null;
    const byAccount = account ? c.aliasByAccount.get(account) : undefined;
    const byName = name ? (c.aliasByName.get(name) ?? c.customerByName.get(name)) : undefined;
    const customerId = byAccount ?? byName;
    if (customerId) {
      const who: Reason = byAccount ? { code: 'payer_account', detail: `payer account ${l.payerAccount} is known for ${c.customerNames.get(customerId) ?? ''}` }
        : { code: c.aliasByName.has(name!) ? 'payer_alias' : 'payer_name', detail: `payer ${l.payerName} = ${c.customerNames.get(customerId) ?? ''}` };
      const strong = !!byAccount;
      const open = live(c.openByCustomer.get(customerId), l.currency).sort(byDue);
      const same = open.filter((r) => openOf(r).eq(amount));
      if (same.length > 0) {
        out.push({ lineId: l.id, customerId, rule: 'payer_amount', confidence: same.length === 1 ? (strong ? 95 : 92) : 80,
          reasons: [who, { code: 'amount_equals_receivable', detail: same.length === 1 ? `${money} = open of ${same[0]!.number}` : `${same.length} receivables of ${money}; the oldest due, ${same[0]!.number}` }],
          allocations: alloc([same[0]!], amount) });
        continue;
      }
      const all = open.reduce((s, r) => s.plus(openOf(r)), dec(0));
      if (open.length > 1 && all.eq(amount)) {
        out.push({ lineId: l.id, customerId, rule: 'payer_set', confidence: strong ? 92 : 90,
          reasons: [who, { code: 'amount_equals_all_open', detail: `${money} = all ${open.length} open receivables` }], allocations: alloc(open, amount) });
        continue;
      }
      const set = open.length > 1 ? subsetSum(open, amount) : null;
      if (set) {
        out.push({ lineId: l.id, customerId, rule: 'payer_set', confidence: 80,
          reasons: [who, { code: 'amount_equals_set', detail: `${money} = ${set.map((r) => r.number).join(' + ')}` }], allocations: alloc(set, amount) });
        continue;
      }
      const inst = (c.instalmentsByCustomer.get(customerId) ?? []).find((i) => i.currency === l.currency && dec(i.amount).eq(amount));
      if (inst) {
        out.push({ lineId: l.id, customerId, rule: 'payer_instalment', confidence: 70,
          reasons: [who, { code: 'amount_equals_instalment', detail: `${money} = instalment ${inst.seq} of ${inst.contractNumber}, not billed yet: kept as prepaid 预收` }], allocations: [] });
        continue;
      }
      out.push({ lineId: l.id, customerId, rule: 'payer_only', confidence: 55,
        reasons: [who, { code: 'amount_fits_nothing', detail: `${money} matches no open receivable; oldest due first${all.lt(amount) ? ', the rest prepaid 预收' : ''}` }],
        allocations: alloc(open, amount) });
      continue;
    }
    // 3. amount only
    const sameAmount = (c.byAmount.get(key(amount, l.currency)) ?? []).filter((r) => openOf(r).eq(amount));
    if (sameAmount.length === 1) {
      const r = sameAmount[0]!;
      out.push({ lineId: l.id, customerId: r.customerId, rule: 'amount_only', confidence: 60,
        reasons: [{ code: 'amount_unique', detail: `${money} is the open amount of one receivable only, ${r.number}; the payer ${l.payerName ?? '—'} is not known` }],
        allocations: alloc([r], amount) });
    }
  }
  return out;
}

export const amountKey = key;
