// Invoice request statements: inserts of a request with its items and lines, the row lock of its life's changes,
// and the reads of the request view and list (scope in SQL, over `ir`).
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface RequestInsert {
  tenantId: string; number: string; customerId: string; invoiceType: 'special' | 'ordinary'; currency: string; pricesIncludeTax: boolean;
  amountExclTax: string; taxAmount: string; amountInclTax: string;
  buyerName: string; buyerTaxpayerId: string | null; buyerAddressPhone: string | null; buyerBankAccount: string | null;
  remarks: string | null; requestedBy: string | null;
}
export interface ItemInsert { seq: number; sourceType: 'receivable' | 'contract'; receivableId: string | null; contractId: string | null; amount: string }
export interface LineInsert {
  seq: number; taxCode: string | null; name: string; specification: string | null; unit: string | null; quantity: string | null; unitPrice: string | null;
  amountExclTax: string; taxRate: string; taxAmount: string; amountInclTax: string;
}

export async function insertRequest(tx: Tx, x: RequestInsert, items: ItemInsert[], lines: LineInsert[]): Promise<string> {
  const { id } = await tx.insertInto('invoice_requests').values({
    tenant_id: x.tenantId, number: x.number, customer_id: x.customerId, invoice_type: x.invoiceType, currency: x.currency,
    prices_include_tax: x.pricesIncludeTax, amount_excl_tax: x.amountExclTax, tax_amount: x.taxAmount, amount_incl_tax: x.amountInclTax,
    buyer_name: x.buyerName, buyer_taxpayer_id: x.buyerTaxpayerId, buyer_address_phone: x.buyerAddressPhone, buyer_bank_account: x.buyerBankAccount,
    remarks: x.remarks, requested_by: x.requestedBy,
  }).returning('id').executeTakeFirstOrThrow();
  await tx.insertInto('invoice_request_items').values(items.map((i) => ({
    tenant_id: x.tenantId, request_id: id, seq: i.seq, source_type: i.sourceType, receivable_id: i.receivableId, contract_id: i.contractId, amount: i.amount,
  }))).execute();
  await tx.insertInto('invoice_request_lines').values(lines.map((l) => ({
    tenant_id: x.tenantId, request_id: id, seq: l.seq, tax_code: l.taxCode, name: l.name, specification: l.specification, unit: l.unit,
    quantity: l.quantity, unit_price: l.unitPrice, amount_excl_tax: l.amountExclTax, tax_rate: l.taxRate, tax_amount: l.taxAmount, amount_incl_tax: l.amountInclTax,
  }))).execute();
  return id;
}

/** The request row, locked: its status changes (decision, cancel, issue) queue here. */
export async function lockRequest(tx: Tx, id: string) {
  return tx.selectFrom('invoice_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export type LockedRequest = NonNullable<Awaited<ReturnType<typeof lockRequest>>>;

export async function setRequestStatus(tx: Tx, id: string, x: { status: 'approved' | 'rejected' | 'cancelled' | 'issued'; decidedBy?: string | null; comment?: string | null }) {
  const decided = x.status === 'approved' || x.status === 'rejected' || x.status === 'cancelled';
  await tx.updateTable('invoice_requests').set((eb) => ({
    status: x.status, version: eb('version', '+', 1),
    ...(decided ? { decided_by: x.decidedBy ?? null, decided_at: sql<string>`now()`, decision_comment: x.comment ?? null } : {}),
  })).where('id', '=', id).execute();
}

/** The items with the positions they hold: receivable, and contract (a receivable's own contract too). */
export async function requestItems(tx: Tx, requestId: string) {
  return tx.selectFrom('invoice_request_items')
    .leftJoin('receivables as r', 'r.id', 'invoice_request_items.receivable_id')
    .select(['invoice_request_items.id', 'invoice_request_items.seq', 'invoice_request_items.source_type', 'invoice_request_items.receivable_id',
      'invoice_request_items.amount', 'invoice_request_items.red_amount',
      sql<string | null>`coalesce(invoice_request_items.contract_id, r.contract_id)`.as('contract_id')])
    .where('invoice_request_items.request_id', '=', requestId).orderBy('invoice_request_items.seq').execute();
}
export type ItemRow = Awaited<ReturnType<typeof requestItems>>[number];

export async function addItemRed(tx: Tx, itemId: string, amount: string) {
  await tx.updateTable('invoice_request_items').set((eb) => ({ red_amount: eb('red_amount', '+', amount) })).where('id', '=', itemId).execute();
}

export async function requestLines(tx: Tx, requestId: string) {
  return tx.selectFrom('invoice_request_lines').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
}

export async function requestByNumber(tx: Tx, number: string) {
  return tx.selectFrom('invoice_requests').select(['id', 'status', 'amount_incl_tax']).where('number', '=', number).executeTakeFirst();
}

// Reads for the API.

export interface RequestViewRow {
  id: string; number: string; customer_id: string; customer_name: string; invoice_type: 'special' | 'ordinary'; currency: string; prices_include_tax: boolean;
  amount_excl_tax: string; tax_amount: string; amount_incl_tax: string; buyer_name: string; buyer_taxpayer_id: string | null;
  buyer_address_phone: string | null; buyer_bank_account: string | null; remarks: string | null; status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'issued';
  requested_by: string | null; requested_by_name: string | null; created_at: string; decided_by: string | null; decided_by_name: string | null;
  decided_at: string | null; decision_comment: string | null; version: number;
  invoice_id: string | null; invoice_number: string | null; invoice_issue_date: string | null; approval_id: string | null; sort_key: string;
}

const select = sql`ir.id, ir.number, ir.customer_id, c.name as customer_name, ir.invoice_type, ir.currency, ir.prices_include_tax,
  ir.amount_excl_tax, ir.tax_amount, ir.amount_incl_tax, ir.buyer_name, ir.buyer_taxpayer_id, ir.buyer_address_phone, ir.buyer_bank_account,
  ir.remarks, ir.status, ir.requested_by, ru.name as requested_by_name, ir.created_at, ir.decided_by, du.name as decided_by_name,
  ir.decided_at, ir.decision_comment, ir.version, i.id as invoice_id, i.number as invoice_number, i.issue_date as invoice_issue_date,
  (select a.id from approval_requests a where a.doc_type = 'invoice_request' and a.doc_id = ir.id and a.status = 'pending' limit 1) as approval_id,
  ir.created_at::text as sort_key`;
const from = sql`invoice_requests ir join customers c on c.id = ir.customer_id
  left join users ru on ru.id = ir.requested_by left join users du on du.id = ir.decided_by
  left join invoices i on i.request_id = ir.id`;

export async function findRequest(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<RequestViewRow | undefined> {
  return (await sql<RequestViewRow>`select ${select} from ${from} where ir.id = ${id} and ${scope}`.execute(tx)).rows[0];
}

export function requestListWhere(q: { status?: string[] | undefined; customerId?: string | undefined; receivableId?: string | undefined; contractId?: string | undefined; q?: string | undefined }) {
  const where: RawBuilder<unknown>[] = [];
  if (q.status?.length) where.push(sql`ir.status = any(${q.status}::text[])`);
  if (q.customerId) where.push(sql`ir.customer_id = ${q.customerId}::uuid`);
  if (q.receivableId) where.push(sql`exists (select 1 from invoice_request_items it where it.request_id = ir.id and it.receivable_id = ${q.receivableId}::uuid)`);
  if (q.contractId) {
    where.push(sql`exists (select 1 from invoice_request_items it left join receivables r on r.id = it.receivable_id
      where it.request_id = ir.id and coalesce(it.contract_id, r.contract_id) = ${q.contractId}::uuid)`);
  }
  if (q.q) where.push(sql`(ir.number ilike ${`%${q.q}%`} or c.name ilike ${`%${q.q}%`})`);
  return where;
}

export async function listRequests(tx: Tx, where: RawBuilder<unknown>[], after: [string, string] | null, limit: number): Promise<RequestViewRow[]> {
  const conds = [...where];
  if (after) conds.push(sql`(ir.created_at, ir.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return (await sql<RequestViewRow>`select ${select} from ${from} where ${sql.join(conds, sql` and `)}
    order by ir.created_at desc, ir.id desc limit ${limit + 1}`.execute(tx)).rows;
}

export async function itemViews(tx: Tx, requestId: string) {
  return (await sql<{ id: string; seq: number; source_type: 'receivable' | 'contract' | 'order'; receivable_id: string | null; receivable_number: string | null;
    contract_id: string | null; contract_number: string | null; amount: string; red_amount: string }>`
    select it.id, it.seq, it.source_type, it.receivable_id, r.number as receivable_number, coalesce(it.contract_id, r.contract_id) as contract_id,
      k.number as contract_number, it.amount, it.red_amount
    from invoice_request_items it left join receivables r on r.id = it.receivable_id
      left join contracts k on k.id = coalesce(it.contract_id, r.contract_id)
    where it.request_id = ${requestId} order by it.seq`.execute(tx)).rows;
}

/** Approved requests (for the batch-issue workbook), with their lines, in number order. */
export async function approvedForBatch(tx: Tx, scope: RawBuilder<unknown>, customerId: string | null) {
  return (await sql<{ id: string; number: string; invoice_type: string; buyer_name: string; buyer_taxpayer_id: string | null; buyer_address_phone: string | null;
    buyer_bank_account: string | null; remarks: string | null; prices_include_tax: boolean; amount_incl_tax: string }>`
    select ir.id, ir.number, ir.invoice_type, ir.buyer_name, ir.buyer_taxpayer_id, ir.buyer_address_phone, ir.buyer_bank_account, ir.remarks,
      ir.prices_include_tax, ir.amount_incl_tax
    from invoice_requests ir where ir.status = 'approved' and ${scope}
      and (${customerId}::uuid is null or ir.customer_id = ${customerId}::uuid)
    order by ir.number limit 5000`.execute(tx)).rows;
}
