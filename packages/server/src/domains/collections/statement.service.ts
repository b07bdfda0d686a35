// Statement of account 对账单: what a customer owed at the start of a period, what moved it (receivables booked,
// payments confirmed, credit notes, rebate offsets, bad debt written off) with a running balance, and what they owe at
// the end. Write-offs 核销 only match payments to receivables, so they are listed beside the lines, not in them.
import { addDays, dec, roundMoney, scaleOf, type Statement } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { collectionsError } from './collections.errors.js';
import * as q from './statement.sql.js';

export interface StatementOptions { from: string; to: string; currency: string }
export type StatementData = Statement & { customerAddress: string | null; ownerName: string | null; tenantName: string | null };

/**
 * Minor units (cents) as bigint for the running balance: a long statement is ten thousand additions, exact either
 * way, and bigint does them without a decimal object per step. Amounts from the database have the currency's scale.
 */
function minorUnits(scale: number) {
  const factor = 10n ** BigInt(scale);
  const toMinor = (s: string): bigint => {
    const neg = s.startsWith('-');
    const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
    const v = BigInt(i!) * factor + BigInt((f + '0'.repeat(scale)).slice(0, scale) || '0');
    return neg ? -v : v;
  };
  const toText = (v: bigint): string => {
    const neg = v < 0n;
    const a = neg ? -v : v;
    const i = a / factor;
    const f = (a % factor).toString().padStart(scale, '0');
    return `${neg ? '-' : ''}${i}${scale ? `.${f}` : ''}`;
  };
  return { toMinor, toText };
}

const RANK: Record<string, number> = { receivable: 0, credit_note: 1, payment: 2, rebate: 3, bad_debt: 4 };
type Line = Omit<q.LineRow, 'kind'> & { kind: Statement['lines'][number]['kind'] };

export async function statementOf(db: Db, auth: AuthContext, customerId: string, o: StatementOptions): Promise<StatementData> {
  return inTenant(db, auth, async (tx) => {
    await q.statementSettings(tx);
    // A customer outside the caller's data scope does not exist for them (404), as everywhere else. A statement is
    // money, so the rule is the receivables' (the customer's owner is in scope), not the pool's: a customer in the
    // public pool is open to every rep for claiming, its account is not.
    const head = await q.customerHead(tx, customerId, auth.scope === 'all' ? null : auth);
    if (!head) throw collectionsError('customer_not_found');
    const parts = await q.balanceParts(tx, customerId, o.currency, addDays(o.from, -1));
    const booked = await q.statementLines(tx, customerId, o.currency, o.from, o.to);
    const allocations = await q.writeOffsBetween(tx, customerId, o.currency, o.from, o.to);
    const closingParts = await q.closingParts(tx, customerId, o.currency, o.to);
    const { toMinor, toText } = minorUnits(scaleOf(o.currency));
    const money = (v: string | ReturnType<typeof dec>) => roundMoney(v, o.currency);
    // NUMERIC(18,2) text has exactly two decimals: already the form of a 2-decimal currency, no rounding to do.
    const fmt = scaleOf(o.currency) === 2 ? (v: string) => v : (v: string) => money(v);

    // Balance = invoices − credit notes − confirmed payments − rebate offsets − bad debt, all counted through a day.
    const opening = toMinor(money(dec(parts.invoices).plus(parts.credit_notes).minus(parts.payments).minus(parts.rebates).minus(parts.bad_debt)));

    // Rebate offsets and bad debt change what is owed: one line per write-off and source, against the balance.
    const offsets = new Map<string, Line>();
    for (const a of allocations) {
      if (a.source !== 'rebate' && a.source !== 'bad_debt') continue;
      const key = `${a.write_off_id}:${a.source}`;
      const line = offsets.get(key) ?? { date: a.date, kind: a.source, number: a.number, ref: a.reverses_number, memo: a.memo, amount: '0', at: a.at };
      line.amount = toText(toMinor(line.amount) - toMinor(a.amount));
      offsets.set(key, line);
    }
    // The booked lines come sorted from SQL; the few offset lines are merged in, not the whole list sorted again.
    const order = (a: Line, b: Line) => (a.date < b.date ? -1 : a.date > b.date ? 1 : RANK[a.kind]! - RANK[b.kind]! || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
    const extra = [...offsets.values()].sort(order);
    const rows: Line[] = extra.length === 0 ? booked : [];
    for (let i = 0, j = 0; extra.length > 0 && (i < booked.length || j < extra.length);) {
      if (j >= extra.length || (i < booked.length && order(booked[i]!, extra[j]!) <= 0)) rows.push(booked[i++]!);
      else rows.push(extra[j++]!);
    }

    let balance = opening;
    let debit = 0n;
    let credit = 0n;
    const zero = toText(0n);
    const lines = rows.map((r) => {
      const amount = toMinor(r.amount);
      balance += amount;
      if (amount > 0n) debit += amount;
      else credit -= amount;
      // The amount's own text is already exact at the currency's scale; only the balance is new text.
      const text = fmt(r.amount);
      return {
        date: r.date, kind: r.kind, number: r.number, ref: r.ref, memo: r.memo,
        debit: amount > 0n ? text : zero, credit: amount < 0n ? text.slice(1) : zero, balance: toText(balance),
      };
    });

    const writeOffs: Statement['writeOffs'] = [];
    let total = 0n;
    for (const w of allocations) {
      let cur = writeOffs[writeOffs.length - 1];
      if (!cur || cur.number !== w.number) {
        total = 0n;
        cur = { date: w.date, number: w.number, kind: w.kind, memo: w.memo, lines: [], total: zero };
        writeOffs.push(cur);
      }
      cur.lines.push({ receivableNumber: w.receivable_number, source: w.source, sourceNumber: w.source_number, amount: fmt(w.amount) });
      total += toMinor(w.amount);
      cur.total = toText(total);
    }

    return {
      customer: { id: head.id, number: head.number, name: head.name }, customerAddress: head.address, ownerName: head.owner_name, tenantName: head.tenant_name,
      from: o.from, to: o.to, currency: o.currency,
      openingBalance: toText(opening), lines, totals: { debit: toText(debit), credit: toText(credit) }, closingBalance: toText(balance),
      writeOffs,
      closing: { receivablesOpen: money(closingParts.open), paymentsUnapplied: money(closingParts.unapplied), creditNotesUnapplied: money(closingParts.cn_unapplied) },
    };
  });
}
