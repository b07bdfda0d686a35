// Demo bank statements 银行流水, imported through the reconciliation flow's own entry point (the same parsing, balance
// check, payments 待认领 and matching as the API), after the rest of the demo is loaded. 周静 (finance) imports this
// month's 招商银行 export with the bank's saved column mapping: five lines are written off by themselves (the remittance
// names the receivable, or the payer is the customer paying one invoice); one or two wait with a proposal for her to
// confirm (a part payment of an invoice; one payment for a customer's two oldest invoices, when a customer has three);
// a private transfer waits 待认领 for 李娜 to claim for her customer; an interest credit waits for finance to reject as
// no customer's money; the bank fee is not booked. One customer's rep had registered its payment by hand the day
// before (回款登记, claimed): the statement's line of that money is linked to her payment — confirmed by the line — and
// not booked a second time (flows/bank-reconciliation/dedupe.ts). A second file, a 中国银行 MT940 statement whose closing balance does
// not reconcile, is held for finance to decide. Only receivables not yet due are settled here, so the overdue and
// dunning stories stay as they are.
import { sql } from 'kysely';
import { addDays, dateIn, dec } from '@l2c/shared';
import { asSystem, inTenant, type Db } from '../platform/db.js';
import { registerPaymentTx } from '../domains/payments/index.js';
import type { AuthContext } from '../platform/auth.js';
import { importStatement } from '../flows/bank-reconciliation/index.js';

async function actorFor(db: Db, tenantId: string, email = 'zhou.jing@demo.l2c.cn', as: { role: 'finance' | 'sales_rep'; scope: 'all' | 'own' } = { role: 'finance', scope: 'all' }): Promise<AuthContext> {
  const u = await asSystem(db, async (tx) => (await sql<{ id: string; name: string }>`
    select id, name from users where tenant_id = ${tenantId} and email = ${email}`.execute(tx)).rows[0]!);
  return { tenantId, userId: u.id, role: as.role, teamId: null, scope: as.scope, name: u.name, tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo' };
}

interface Open { id: string; number: string; customer_id: string; customer: string; owner: string; amount_open: string; due_date: string }

export async function demoBank(db: Db, tenantId: string, now = new Date()): Promise<void> {
  const today = dateIn(now, 'Asia/Shanghai');
  const auth = await actorFor(db, tenantId);
  // Open invoices not yet due, of customers of reps other than 李娜 (her receivables tell the invoice story), and hers.
  const open = await asSystem(db, async (tx) => (await sql<Open>`
    select r.id, r.number, r.customer_id, c.name as customer, u.email as owner, r.amount_open::text as amount_open, r.due_date::text as due_date
    from receivables r join customers c on c.tenant_id = r.tenant_id and c.id = r.customer_id join users u on u.tenant_id = c.tenant_id and u.id = c.owner_id
    where r.tenant_id = ${tenantId} and r.kind = 'invoice' and r.amount_open > 0 and r.amount_open = r.amount and r.currency = 'CNY'
    order by c.number, r.due_date, r.number`.execute(tx)).rows);
  const notDue = open.filter((r) => r.due_date > today && r.owner !== 'li.na@demo.l2c.cn');
  const byCustomer = new Map<string, Open[]>();
  for (const r of notDue) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r]);
  const groups = [...byCustomer.values()];
  const pairGroup = groups.find((rs) => rs.length >= 3);
  const singles = groups.filter((rs) => rs !== pairGroup).map((rs) => rs[0]!);
  const hers = open.find((r) => r.owner === 'li.na@demo.l2c.cn' && r.due_date > today);
  if (singles.length < 5) return; // a demo too small for the story (tests load fewer customers)

  let balance = dec('1286400.00');
  const rows: string[][] = [];
  const line = (amount: string, payer: string, account: string, text: string) => {
    balance = balance.plus(amount);
    rows.push([today.replaceAll('-', ''), text, dec(amount).isNegative() ? dec(amount).abs().toFixed(2) : '', dec(amount).isNegative() ? '' : amount,
      balance.toFixed(2), payer, account, `CMB${today.replaceAll('-', '')}${String(rows.length + 1).padStart(4, '0')}`]);
  };
  for (const r of singles.slice(0, 3)) line(r.amount_open, '杭州某代付服务有限公司', '6225880155550001', `支付货款 ${r.number}`);
  for (const r of singles.slice(3, 5)) line(r.amount_open, r.customer, `62258801${r.number.slice(-6)}00`, '货款');
  if (pairGroup) line(dec(pairGroup[0]!.amount_open).plus(pairGroup[1]!.amount_open).toFixed(2), pairGroup[0]!.customer, '6225880166660002', '两期货款合并支付');
  // a part payment: the payer is known, the amount fits no invoice — proposed oldest first, for finance to confirm
  const part = singles[5];
  if (part) line(dec(part.amount_open).times('0.6').toFixed(2), part.customer, '6225880177770003', '部分货款');
  if (hers) line(hers.amount_open, '王建华', '6217000012345678', '代公司付款');
  const early = singles[6];
  if (early) {
    const rep = await actorFor(db, tenantId, early.owner, { role: 'sales_rep', scope: 'own' });
    await inTenant(db, rep, (tx) => registerPaymentTx(tx, rep, {
      customerId: early.customer_id, amount: early.amount_open, currency: 'CNY', receivedOn: addDays(today, -1), method: 'bank_transfer',
      payerName: early.customer, payerAccount: null, bankReference: null, remark: '客户财务电话告知已汇出', attachments: [], confirm: false, autoApply: null,
    }));
    line(early.amount_open, early.customer, `62258801${early.number.slice(-6)}00`, '货款');
  }
  line('312.45', '招商银行', '', '活期利息');
  line('-35.00', '', '', '跨行汇款手续费');
  const csv = ['招商银行 账户交易明细 账号 571909990010801', '交易日期,摘要,借方金额,贷方金额,余额,对方户名,对方账号,流水号', ...rows.map((r) => r.join(','))].join('\n');
  await importStatement(db, auth, {
    fileName: `招商银行流水-${today}.csv`, contentBase64: Buffer.from(csv).toString('base64'), format: 'csv', saveMapping: true,
    mapping: {
      bank: '招商银行', account: '571909990010801', currency: 'CNY', headerRow: 2, delimiter: ',', encoding: 'utf-8', dateFormat: 'YYYYMMDD', decimalComma: false,
      columns: { bookedOn: '交易日期', remittance: '摘要', debit: '借方金额', credit: '贷方金额', balance: '余额', payerName: '对方户名', payerAccount: '对方账号', bankReference: '流水号' },
    },
  });

  // 中国银行's MT940: the closing balance the bank states is 100.00 off what its lines add up to — held for a decision.
  const d = today.slice(2).replaceAll('-', '');
  const mt940 = [':20:BOC' + d, ':25:BKCHCNBJ/3378000012', ':28C:1/1', `:60F:C${d}CNY200000,00`,
    `:61:${d}${d.slice(2)}C18800,00NTRFNONREF//BOC${d}01`, ':86:深圳某科技有限公司 预付款', `:61:${d}${d.slice(2)}D20,00NCHGNONREF//BOC${d}02`, ':86:手续费',
    `:62F:C${d}CNY218880,00`, '-'].join('\n');
  await importStatement(db, auth, { fileName: `中国银行-${today}.sta`, contentBase64: Buffer.from(mt940).toString('base64'), format: 'mt940', saveMapping: false });
}
