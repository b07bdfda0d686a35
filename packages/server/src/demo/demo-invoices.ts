// Demo invoices 发票, made through the invoices domain's own functions (the same rules, locks and approval as the API),
// after the rest of the demo is loaded: 李娜 asks for invoices over her customers' receivables, 周静 (finance) approves
// them in the approval engine and records the numbers the tax platform gave; one invoice covers two receivables, one
// receivable is invoiced in two parts, one invoice is partly red-lettered 红字 after a price allowance; one request waits
// for approval and one approved request waits to be issued (it is the row of the batch-issue workbook).
import { sql } from 'kysely';
import { addDays, dateIn, dec, roundMoney, type InvoiceRequestCreate } from '@l2c/shared';
import { asSystem, inTenant, type Db } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import { actOnApprovalTx } from '../domains/approvals/index.js';
import {
  confirmRedConfirmation, createInvoiceRequest, createRedConfirmation, issueInvoice, issueRedInvoice, updateInvoiceSettings, DEFAULT_IMPORT_MAPPING,
} from '../domains/invoices/index.js';

const SELLER = { name: '杭州云帆智能科技有限公司', taxpayerId: '91330106MA2H7YF08K' };

async function actor(db: Db, tenantId: string, email: string): Promise<AuthContext> {
  const u = await asSystem(db, async (tx) => (await sql<{ id: string; role: AuthContext['role']; team_id: string | null; name: string }>`
    select id, role, team_id, name from users where tenant_id = ${tenantId} and email = ${email}`.execute(tx)).rows[0]!);
  const scope = u.role === 'finance' || u.role === 'admin' || u.role === 'executive' ? 'all' : u.role === 'sales_manager' ? 'team' : 'own';
  return { tenantId, userId: u.id, role: u.role, teamId: u.team_id, scope, name: u.name, tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo' };
}

interface DemoReceivable { id: string; number: string; customer_id: string; amount: string; contract_title: string | null }

/** 李娜's invoice receivables, two customers with at least two each, in a stable order. */
async function receivablesOf(db: Db, tenantId: string, ownerId: string): Promise<DemoReceivable[][]> {
  const rows = await asSystem(db, async (tx) => (await sql<DemoReceivable>`
    select r.id, r.number, r.customer_id, r.amount::text as amount, k.title as contract_title
    from receivables r join customers c on c.tenant_id = r.tenant_id and c.id = r.customer_id
      left join contracts k on k.tenant_id = r.tenant_id and k.id = r.contract_id
    where r.tenant_id = ${tenantId} and r.kind = 'invoice' and c.owner_id = ${ownerId}
    order by c.number, r.business_date, r.number`.execute(tx)).rows);
  const byCustomer = new Map<string, DemoReceivable[]>();
  for (const r of rows) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r]);
  return [...byCustomer.values()].filter((list) => list.length >= 2);
}

function body(items: Array<{ receivable: DemoReceivable; amount: string }>, invoiceType: 'special' | 'ordinary', remarks: string | null): InvoiceRequestCreate {
  const total = roundMoney(items.reduce((t, i) => t.plus(dec(i.amount)), dec(0)), 'CNY');
  // 数电票 lines: the goods at 13 %, and a tenth of the total as the installation service at 6 %.
  const service = roundMoney(dec(total).times('0.1'), 'CNY');
  const goods = roundMoney(dec(total).minus(dec(service)), 'CNY');
  return {
    invoiceType, pricesIncludeTax: true, remarks,
    items: items.map((i) => ({ receivableId: i.receivable.id, amount: i.amount })),
    lines: [
      { taxCode: '1090243010000000000', name: '工业物联网网关', specification: 'YF-G200', unit: '套', amount: goods, taxRate: '0.13' },
      { taxCode: '3040203000000000000', name: '安装调试服务', specification: null, unit: null, amount: service, taxRate: '0.06' },
    ],
  };
}

let numberSeq = 0;
const invoiceNumber = (today: string) => `${today.slice(2, 4)}332000${String(++numberSeq).padStart(12, '0')}`;

export async function demoInvoices(db: Db, tenantId: string): Promise<void> {
  const rep = await actor(db, tenantId, 'li.na@demo.l2c.cn');
  const finance = await actor(db, tenantId, 'zhou.jing@demo.l2c.cn');
  await updateInvoiceSettings(db, finance, { seller: SELLER, importMapping: DEFAULT_IMPORT_MAPPING });
  const today = dateIn(new Date(), 'Asia/Shanghai');
  const groups = await receivablesOf(db, tenantId, rep.userId);
  if (groups.length < 3) return; // a smaller demo (tests load fewer customers): nothing to tell

  const approve = (approvalId: string | null) => approvalId && inTenant(db, finance, (tx) => actOnApprovalTx(tx, finance, approvalId, 'approve', '开票信息已核对'));
  const request = async (items: Array<{ receivable: DemoReceivable; amount: string }>, type: 'special' | 'ordinary', remarks: string | null, key: string) =>
    (await createInvoiceRequest(db, rep, body(items, type, remarks), `demo-invoice-${key}`)).body;

  // 1. One special invoice over two receivables of one customer, in full; issued a month ago.
  const [a1, a2] = groups[0]!;
  const first = await request([{ receivable: a1!, amount: a1!.amount }, { receivable: a2!, amount: a2!.amount }], 'special', `合同 ${a1!.contract_title ?? ''}`.trim(), '1');
  await approve(first.approvalId);
  const blue = (await issueInvoice(db, finance, first.id, { number: invoiceNumber(today), issueDate: addDays(today, -30) })).invoice;

  // 2. A receivable invoiced in two parts: 60 % issued, 40 % approved and waiting for the batch issue.
  const [b1] = groups[1]!;
  const part = roundMoney(dec(b1!.amount).times('0.6'), 'CNY');
  const second = await request([{ receivable: b1!, amount: part }], 'ordinary', '首期开票 60%', '2');
  await approve(second.approvalId);
  await issueInvoice(db, finance, second.id, { number: invoiceNumber(today), issueDate: addDays(today, -12) });
  const rest = await request([{ receivable: b1!, amount: roundMoney(dec(b1!.amount).minus(dec(part)), 'CNY') }], 'ordinary', '尾款开票 40%', '3');
  await approve(rest.approvalId);

  // 3. The first invoice partly red-lettered after a price allowance 销售折让 on its goods line (5 % of that line).
  const allowance = roundMoney(dec(blue.lines[0]!.amountInclTax).times('0.05'), 'CNY');
  const red = (await createRedConfirmation(db, finance, blue.id, { reason: 'allowance', lines: [{ seq: 1, amount: allowance }], receivableId: a1!.id, remarks: '质量折让 5%' }, 'demo-red-1')).body;
  await confirmRedConfirmation(db, finance, red.id);
  await issueRedInvoice(db, finance, red.id, { number: invoiceNumber(today), issueDate: addDays(today, -5) });

  // 4. A request still waiting for finance's approval.
  const [c1] = groups[2]!;
  await request([{ receivable: c1!, amount: c1!.amount }], 'special', null, '4');
}
