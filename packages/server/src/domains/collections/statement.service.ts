// Statement of account 对账单: what a customer owed at the start of a period, what moved it (receivables booked,
// payments confirmed, credit notes, rebate offsets, bad debt written off) with a running balance, and what they owe at
// the end. Write-offs 核销 only match payments to receivables, so they are listed beside the lines, not in them.
import { dec, roundMoney, type Statement } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { canSeeCustomer } from '../customers/index.js';
import { addDays } from './buckets.js';
import { collectionsError } from './collections.errors.js';
import * as q from './statement.sql.js';

export interface StatementOptions { from: string; to: string; currency: string }

/** Balance = invoices − credit notes − confirmed payments − rebate offsets − bad debt, all counted through a day. */
function balanceOf(p: Awaited<ReturnType<typeof q.balanceParts>>) {
  return dec(p.invoices).plus(p.credit_notes).minus(p.payments).minus(p.rebates).minus(p.bad_debt);
}

export async function statementOf(db: Db, auth: AuthContext, customerId: string, o: StatementOptions): Promise<Statement & { customerAddress: string | null; ownerName: string | null; tenantName: string | null }> {
  // A customer outside the caller's data scope does not exist for them (404), as everywhere else.
  if (!(await canSeeCustomer(db, auth, customerId))) throw collectionsError('customer_not_found');
  return inTenant(db, auth, async (tx) => {
    const head = await q.customerHead(tx, customerId);
    if (!head) throw collectionsError('customer_not_found');
    const opening = balanceOf(await q.balanceParts(tx, customerId, o.currency, addDays(o.from, -1)));
    const rows = await q.statementLines(tx, customerId, o.currency, o.from, o.to);
    const writeOffRows = await q.writeOffsBetween(tx, customerId, o.currency, o.from, o.to);
    const closingParts = await q.closingParts(tx, customerId, o.currency, o.to);

    const money = (v: Parameters<typeof dec>[0]) => roundMoney(dec(v), o.currency);
    let balance = opening;
    let debit = dec(0);
    let credit = dec(0);
    const lines = rows.map((r) => {
      const amount = dec(r.amount);
      balance = balance.plus(amount);
      if (amount.gt(0)) debit = debit.plus(amount);
      else credit = credit.minus(amount);
      return {
        date: r.date, kind: r.kind, number: r.number, ref: r.ref, memo: r.memo,
        debit: money(amount.gt(0) ? amount : 0), credit: money(amount.lt(0) ? amount.negated() : 0), balance: money(balance),
      };
    });

    const writeOffs: Statement['writeOffs'] = [];
    for (const w of writeOffRows) {
      let cur = writeOffs[writeOffs.length - 1];
      if (!cur || cur.number !== w.number) {
        cur = { date: w.date, number: w.number, kind: w.kind, memo: w.memo, lines: [], total: '0' };
        writeOffs.push(cur);
      }
      cur.lines.push({ receivableNumber: w.receivable_number, source: w.source, sourceNumber: w.source_number, amount: money(w.amount) });
      cur.total = money(dec(cur.total).plus(w.amount));
    }

    return {
      customer: { id: head.id, number: head.number, name: head.name }, customerAddress: head.address, ownerName: head.owner_name, tenantName: head.tenant_name,
      from: o.from, to: o.to, currency: o.currency,
      openingBalance: money(opening), lines, totals: { debit: money(debit), credit: money(credit) }, closingBalance: money(balance),
      writeOffs,
      closing: { receivablesOpen: money(closingParts.open), paymentsUnapplied: money(closingParts.unapplied), creditNotesUnapplied: money(closingParts.cn_unapplied) },
    };
  });
}
