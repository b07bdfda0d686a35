// Two years of revenue for the demo tenant: order contracts with 30/60/10 payment plans, receivables booked as the
// triggers happened, payments that arrive on time, late, partially or not at all depending on the customer, and
// their write-offs — booked through the same engine the product uses, so the books balance by construction.
// Dates are computed back from `today`, so the aging dashboard always tells the same story: most money collected,
// a band of 1–60 days overdue, a few long-overdue accounts, one bad debt.
import { sql } from 'kysely';
import { addDays, BOOK_CURRENCY, PAYMENT_PLAN_TEMPLATES, dec, documentAmounts, resolvePlan, roundMoney, splitTax } from '@l2c/shared';
import type { Tx } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import { nextDocNumber } from '../platform/sequences.js';
import { createReceivableFromTrigger } from '../domains/receivables/index.js';
import { registerPaymentTx } from '../domains/payments/index.js';
import { applyWriteOffTx } from '../flows/write-off/index.js';
import type { prng } from './demo-data.js';

const PRODUCTS = [
  { code: 'IG-500', description: '工业物联网网关 IG-500', unit: '台', price: ['8800', '12800', '15800'], taxRate: '0.13' },
  { code: 'EC-200', description: '边缘计算盒 EC-200', unit: '台', price: ['19800', '26800'], taxRate: '0.13' },
  { code: 'SAAS-Y', description: '云帆设备云平台 年度订阅', unit: '年', price: ['60000', '120000', '180000'], taxRate: '0.06' },
  { code: 'SVC-INS', description: '现场安装调试服务', unit: '项', price: ['15000', '30000'], taxRate: '0.06' },
] as const;

let bankLine = 0; // bank statement line numbers: unique, as the bank's are

/** How a customer pays, by grade: days late and the share of each receivable they pay. */
function payingHabit(grade: string, r: ReturnType<typeof prng>): { lateDays: number; share: string } | null {
  const roll = r.next();
  if (grade === 'A') return { lateDays: r.int(6) - 3, share: '1' };
  if (grade === 'B') return roll < 0.9 ? { lateDays: r.int(35), share: '1' } : { lateDays: r.int(20), share: '0.5' };
  if (grade === 'C') return roll < 0.7 ? { lateDays: 10 + r.int(70), share: '1' } : roll < 0.85 ? { lateDays: 30 + r.int(40), share: '0.6' } : null;
  return roll < 0.5 ? { lateDays: 30 + r.int(120), share: '1' } : null;
}

export async function demoRevenue(tx: Tx, r: ReturnType<typeof prng>, tenantId: string, users: Record<string, string>, today: string) {
  const finance: AuthContext = { tenantId, userId: users.finance!, role: 'finance', teamId: null, scope: 'all', name: '周静', tokenId: '', via: 'bearer', requestId: 'demo' };
  const customers = (await sql<{ id: string; owner_id: string; grade: string }>`
    select id, owner_id, grade from customers where tenant_id = ${tenantId} and owner_id is not null order by number`.execute(tx)).rows;
  const limits: Record<string, string> = { A: '2000000', B: '1000000', C: '500000', D: '200000' };
  for (const c of customers) {
    await sql`insert into credit_profiles (tenant_id, customer_id, credit_limit, payment_term_days, risk_level)
      values (${tenantId}, ${c.id}, ${limits[c.grade] ?? '300000'}, ${c.grade === 'A' ? 60 : 30}, ${c.grade === 'D' ? 'high' : 'normal'})`.execute(tx);
    const contracts = 1 + r.int(c.grade === 'A' ? 3 : 2);
    for (let k = 0; k < contracts; k++) {
      const signedOn = addDays(today, -(20 + r.int(700)));
      await demoContract(tx, r, finance, c, signedOn, today);
    }
  }
  // One customer went bankrupt: its oldest open receivable became bad debt (approved by the CEO).
  const worst = (await sql<{ id: string; customer_id: string; amount_open: string }>`select id, customer_id, amount_open from receivables
    where tenant_id = ${tenantId} and amount_open > 0 and due_date < ${addDays(today, -200)} order by due_date limit 1`.execute(tx)).rows[0];
  if (worst) {
    const ceo: AuthContext = { ...finance, userId: users.ceo!, role: 'executive', name: '陈建国' };
    await applyWriteOffTx(tx, ceo, { customerId: worst.customer_id, memo: '坏账 客户破产清算', lines: [{ receivableId: worst.id, source: { type: 'bad_debt' }, amount: worst.amount_open }] }, { kind: 'bad_debt' });
  }
}

async function demoContract(tx: Tx, r: ReturnType<typeof prng>, finance: AuthContext, c: { id: string; owner_id: string; grade: string }, signedOn: string, today: string) {
  const picked = [...PRODUCTS].sort(() => r.next() - 0.5).slice(0, 1 + r.int(3));
  const lines = picked.map((p) => ({ ...p, quantity: String(p.unit === '台' ? 2 + r.int(40) : 1), unitPrice: r.pick(p.price), discountRate: r.pick(['0', '0', '0.05', '0.1']) }));
  const { lines: amounts, totals } = documentAmounts(lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, taxRate: l.taxRate, discountRate: l.discountRate })), true, BOOK_CURRENCY);
  const number = await nextDocNumber(tx, finance, 'HT', Number(signedOn.slice(0, 4)));
  const contractId = (await sql<{ id: string }>`insert into contracts (tenant_id, number, kind, customer_id, title, status, amount_excl_tax, tax_amount,
      amount_incl_tax, payment_term_days, signed_on, owner_id, created_by, created_at, updated_at, max_discount_rate)
    values (${finance.tenantId}, ${number}, 'order', ${c.id}, ${`${picked[0]!.description} 采购合同`}, 'in_performance', ${totals.amountExclTax}, ${totals.taxAmount},
      ${totals.amountInclTax}, 30, ${signedOn}, ${c.owner_id}, ${c.owner_id}, ${`${signedOn}T02:00:00Z`}, ${`${signedOn}T02:00:00Z`},
      ${lines.reduce((m, l) => (dec(l.discountRate).gt(m) ? l.discountRate : m), '0')})
    returning id`.execute(tx)).rows[0]!.id;
  for (const [i, l] of lines.entries()) {
    await sql`insert into contract_lines (tenant_id, contract_id, line_no, product_code, description, quantity, unit, unit_price, discount_rate, tax_rate,
        amount_excl_tax, tax_amount, amount_incl_tax)
      values (${finance.tenantId}, ${contractId}, ${i + 1}, ${l.code}, ${l.description}, ${l.quantity}, ${l.unit}, ${l.unitPrice}, ${l.discountRate}, ${l.taxRate},
        ${amounts[i]!.amountExclTax}, ${amounts[i]!.taxAmount}, ${amounts[i]!.amountInclTax})`.execute(tx);
  }
  const plan = PAYMENT_PLAN_TEMPLATES.standard_30_60_10;
  const planAmounts = resolvePlan(totals.amountInclTax, plan.map((p) => ({ percent: p.percent })), BOOK_CURRENCY);
  const planTax = splitTax(totals.taxAmount, planAmounts, BOOK_CURRENCY);
  // Delivery 15–60 days after signing; acceptance 30–90 days after delivery.
  const deliveredOn = addDays(signedOn, 15 + r.int(45));
  const acceptedOn = addDays(deliveredOn, 30 + r.int(60));
  const triggeredOn = [signedOn, deliveredOn, acceptedOn];
  const sources = ['contract_signed', 'delivery', 'milestone'] as const;
  let allTriggered = true;
  for (const [i, p] of plan.entries()) {
    const on = triggeredOn[i]!;
    const happened = on <= today;
    allTriggered &&= happened;
    const instalmentId = (await sql<{ id: string }>`insert into contract_instalments (tenant_id, contract_id, seq, trigger, due_date, due_days_after_trigger, percent,
        amount, tax_amount, owner_id, milestone, triggered_on)
      values (${finance.tenantId}, ${contractId}, ${i + 1}, ${p.trigger}, ${addDays(on, p.dueDaysAfterTrigger)}, ${p.dueDaysAfterTrigger}, ${p.percent},
        ${planAmounts[i]!}, ${planTax[i]!}, ${c.owner_id}, ${p.milestone ?? null}, ${happened ? on : null}) returning id`.execute(tx)).rows[0]!.id;
    if (!happened) continue;
    const dueDate = addDays(on, p.dueDaysAfterTrigger);
    const { id: receivableId } = await createReceivableFromTrigger(tx, { ...finance, userId: null }, {
      customerId: c.id, contractId, instalmentId, source: sources[i]!, sourceKey: `instalment:${instalmentId}`, amount: planAmounts[i]!,
      taxAmount: planTax[i]!, currency: BOOK_CURRENCY, businessDate: on, dueDate, ownerId: c.owner_id,
    });
    // Old debts mostly got paid in the end; what stays unpaid is mainly recent, so the aging buckets tell a story.
    const habit = payingHabit(c.grade, r) ?? (dueDate < addDays(today, -150) && r.next() < 0.85 ? { lateDays: 40 + r.int(100), share: '1' } : null);
    if (!habit) continue;
    const receivedOn = addDays(dueDate, habit.lateDays);
    if (receivedOn > today) continue;
    const amount = roundMoney(dec(planAmounts[i]!).times(habit.share), BOOK_CURRENCY);
    const { id: paymentId } = await registerPaymentTx(tx, finance, {
      customerId: c.id, amount, currency: 'CNY', receivedOn, method: r.pick(['bank_transfer', 'bank_transfer', 'bank_transfer', 'acceptance_bill', 'online'] as const),
      payerName: null, payerAccount: null, bankReference: `DEMO${receivedOn.replaceAll('-', '')}${String(++bankLine).padStart(5, '0')}`, remark: number,
      attachments: [], confirm: true, autoApply: null,
    });
    // Some recent payments are left on the prepaid account for finance to match by hand in the workbench.
    if (r.next() < 0.15 && receivedOn > addDays(today, -90)) continue;
    await applyWriteOffTx(tx, finance, { customerId: c.id, appliedOn: receivedOn, memo: `回款核销 ${number}`,
      lines: [{ receivableId, source: { type: 'payment', paymentId }, amount }] });
  }
  if (allTriggered) {
    const open = (await sql<{ open: string }>`select coalesce(sum(amount_open), 0)::text as open from receivables
      where tenant_id = ${finance.tenantId} and contract_id = ${contractId}`.execute(tx)).rows[0]!.open;
    if (dec(open).isZero()) await sql`update contracts set status = 'completed' where tenant_id = ${finance.tenantId} and id = ${contractId}`.execute(tx);
  }
}
