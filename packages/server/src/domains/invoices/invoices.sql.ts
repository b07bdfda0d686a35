// Issued invoices and red-letter confirmations: inserts, the blue invoice's row lock (red-letter amounts are checked
// under it), and the reads of the register (scope in SQL: the customer's owner, over `i`).
import { sql, type RawBuilder } from 'kysely';
import type { DataScope, RED_REASONS } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

/** Invoices and confirmations follow their customer: its owner is someone the caller may see. */
export function customerScope(alias: string, userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`${sql.ref(`${alias}.customer_id`)} in (select sc.id from customers sc where sc.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope}))))`;
}

export interface InvoiceInsert {
  tenantId: string; number: string; color: 'blue' | 'red'; invoiceType: 'special' | 'ordinary'; requestId: string | null; redConfirmationId: string | null;
  blueInvoiceId: string | null; customerId: string; issueDate: string; sellerName: string; sellerTaxpayerId: string; buyerName: string; buyerTaxpayerId: string | null;
  currency: string; amountExclTax: string; taxAmount: string; amountInclTax: string; remarks: string | null; source: 'manual' | 'import'; createdBy: string | null;
}
export interface InvoiceLineInsert {
  seq: number; taxCode: string | null; name: string; specification: string | null; unit: string | null; quantity: string | null; unitPrice: string | null;
  amountExclTax: string; taxRate: string; taxAmount: string; amountInclTax: string;
}

export async function insertInvoice(tx: Tx, x: InvoiceInsert, lines: InvoiceLineInsert[]): Promise<string> {
  const { id } = await tx.insertInto('invoices').values({
    tenant_id: x.tenantId, number: x.number, color: x.color, invoice_type: x.invoiceType, request_id: x.requestId, red_confirmation_id: x.redConfirmationId,
    blue_invoice_id: x.blueInvoiceId, customer_id: x.customerId, issue_date: x.issueDate, seller_name: x.sellerName, seller_taxpayer_id: x.sellerTaxpayerId,
    buyer_name: x.buyerName, buyer_taxpayer_id: x.buyerTaxpayerId, currency: x.currency, amount_excl_tax: x.amountExclTax, tax_amount: x.taxAmount,
    amount_incl_tax: x.amountInclTax, remarks: x.remarks, source: x.source, created_by: x.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  await tx.insertInto('invoice_lines').values(lines.map((l) => ({
    tenant_id: x.tenantId, invoice_id: id, seq: l.seq, tax_code: l.taxCode, name: l.name, specification: l.specification, unit: l.unit,
    quantity: l.quantity, unit_price: l.unitPrice, amount_excl_tax: l.amountExclTax, tax_rate: l.taxRate, tax_amount: l.taxAmount, amount_incl_tax: l.amountInclTax,
  }))).execute();
  return id;
}

export async function invoiceByNumber(tx: Tx, number: string) {
  return tx.selectFrom('invoices').select(['id', 'request_id', 'red_confirmation_id']).where('number', '=', number).executeTakeFirst();
}

/** The blue invoice, locked: the red-letter amounts held against it are checked and changed under this lock. */
export async function lockInvoice(tx: Tx, id: string) {
  return tx.selectFrom('invoices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function invoiceLines(tx: Tx, invoiceId: string) {
  return tx.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).orderBy('seq').execute();
}

/** Hold (positive) or free (negative) red-letter amounts on a blue invoice and its lines. */
export async function holdRed(tx: Tx, invoiceId: string, total: string, perLine: Array<{ seq: number; amount: string }>) {
  await tx.updateTable('invoices').set((eb) => ({ red_amount: eb('red_amount', '+', total) })).where('id', '=', invoiceId).execute();
  for (const l of perLine) {
    await tx.updateTable('invoice_lines').set((eb) => ({ red_amount: eb('red_amount', '+', l.amount) }))
      .where('invoice_id', '=', invoiceId).where('seq', '=', l.seq).execute();
  }
}

export interface InvoiceViewRow {
  id: string; number: string; color: 'blue' | 'red'; invoice_type: 'special' | 'ordinary'; request_id: string | null; request_number: string | null;
  red_confirmation_id: string | null; blue_invoice_id: string | null; blue_invoice_number: string | null; customer_id: string; customer_name: string;
  issue_date: string; seller_name: string; seller_taxpayer_id: string; buyer_name: string; buyer_taxpayer_id: string | null; currency: string;
  amount_excl_tax: string; tax_amount: string; amount_incl_tax: string; red_amount: string; remarks: string | null; source: 'manual' | 'import';
  created_at: string; sort_key: string;
}
const select = sql`i.id, i.number, i.color, i.invoice_type, i.request_id, ir.number as request_number, i.red_confirmation_id, i.blue_invoice_id,
  b.number as blue_invoice_number, i.customer_id, c.name as customer_name, i.issue_date, i.seller_name, i.seller_taxpayer_id, i.buyer_name,
  i.buyer_taxpayer_id, i.currency, i.amount_excl_tax, i.tax_amount, i.amount_incl_tax, i.red_amount, i.remarks, i.source, i.created_at,
  i.created_at::text as sort_key`;
const from = sql`invoices i join customers c on c.id = i.customer_id left join invoice_requests ir on ir.id = i.request_id
  left join invoices b on b.id = i.blue_invoice_id`;

export async function findInvoice(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<InvoiceViewRow | undefined> {
  return (await sql<InvoiceViewRow>`select ${select} from ${from} where i.id = ${id} and ${scope}`.execute(tx)).rows[0];
}

export function invoiceListWhere(q: { color?: string | undefined; customerId?: string | undefined; receivableId?: string | undefined; contractId?: string | undefined; q?: string | undefined }) {
  const where: RawBuilder<unknown>[] = [];
  if (q.color) where.push(sql`i.color = ${q.color}`);
  if (q.customerId) where.push(sql`i.customer_id = ${q.customerId}::uuid`);
  // A red invoice belongs to the sources of its blue one.
  const req = sql`coalesce(i.request_id, b.request_id)`;
  if (q.receivableId) where.push(sql`exists (select 1 from invoice_request_items it where it.request_id = ${req} and it.receivable_id = ${q.receivableId}::uuid)`);
  if (q.contractId) {
    where.push(sql`exists (select 1 from invoice_request_items it left join receivables r on r.id = it.receivable_id
      where it.request_id = ${req} and coalesce(it.contract_id, r.contract_id) = ${q.contractId}::uuid)`);
  }
  if (q.q) where.push(sql`(i.number ilike ${`%${q.q}%`} or c.name ilike ${`%${q.q}%`})`);
  return where;
}

export async function listInvoices(tx: Tx, where: RawBuilder<unknown>[], after: [string, string] | null, limit: number): Promise<InvoiceViewRow[]> {
  const conds = [...where];
  if (after) conds.push(sql`(i.created_at, i.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return (await sql<InvoiceViewRow>`select ${select} from ${from} where ${sql.join(conds, sql` and `)}
    order by i.created_at desc, i.id desc limit ${limit + 1}`.execute(tx)).rows;
}

// Red-letter confirmations.

export async function insertConfirmation(tx: Tx, x: {
  tenantId: string; number: string; blueInvoiceId: string; reason: (typeof RED_REASONS)[number]; currency: string; amountExclTax: string; taxAmount: string; amountInclTax: string;
  lines: unknown; allocations: unknown; creditNoteId: string | null; remarks: string | null; createdBy: string | null;
}): Promise<string> {
  const { id } = await tx.insertInto('red_confirmations').values({
    tenant_id: x.tenantId, number: x.number, blue_invoice_id: x.blueInvoiceId, reason: x.reason, currency: x.currency,
    amount_excl_tax: x.amountExclTax, tax_amount: x.taxAmount, amount_incl_tax: x.amountInclTax, lines: JSON.stringify(x.lines),
    allocations: JSON.stringify(x.allocations), credit_note_id: x.creditNoteId, remarks: x.remarks, created_by: x.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Which blue invoice a confirmation reverses, unlocked: the caller locks the invoice first, then the confirmation. */
export async function confirmationHead(tx: Tx, id: string, scope: RawBuilder<unknown>) {
  return (await sql<{ id: string; blue_invoice_id: string }>`select rc.id, rc.blue_invoice_id from red_confirmations rc
    join invoices i on i.id = rc.blue_invoice_id where rc.id = ${id} and ${scope}`.execute(tx)).rows[0];
}

export async function lockConfirmation(tx: Tx, id: string) {
  return tx.selectFrom('red_confirmations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setConfirmationStatus(tx: Tx, id: string, status: 'confirmed' | 'cancelled' | 'issued', by: string | null) {
  await tx.updateTable('red_confirmations').set((eb) => ({
    status, version: eb('version', '+', 1), ...(status === 'confirmed' ? { confirmed_by: by, confirmed_at: sql<string>`now()` } : {}),
  })).where('id', '=', id).execute();
}

export interface ConfirmationViewRow {
  id: string; number: string; blue_invoice_id: string; blue_invoice_number: string; customer_id: string; customer_name: string; reason: string;
  currency: string; amount_excl_tax: string; tax_amount: string; amount_incl_tax: string; lines: unknown; credit_note_id: string | null;
  credit_note_number: string | null; status: 'pending' | 'confirmed' | 'cancelled' | 'issued'; red_invoice_id: string | null; red_invoice_number: string | null;
  remarks: string | null; created_by: string | null; created_by_name: string | null; created_at: string; confirmed_by: string | null;
  confirmed_by_name: string | null; confirmed_at: string | null; version: number; sort_key: string;
}
const rcSelect = sql`rc.id, rc.number, rc.blue_invoice_id, i.number as blue_invoice_number, i.customer_id, c.name as customer_name, rc.reason,
  rc.currency, rc.amount_excl_tax, rc.tax_amount, rc.amount_incl_tax, rc.lines, rc.credit_note_id, cn.number as credit_note_number, rc.status,
  ri.id as red_invoice_id, ri.number as red_invoice_number, rc.remarks, rc.created_by, cu.name as created_by_name, rc.created_at,
  rc.confirmed_by, fu.name as confirmed_by_name, rc.confirmed_at, rc.version, rc.created_at::text as sort_key`;
const rcFrom = sql`red_confirmations rc join invoices i on i.id = rc.blue_invoice_id join customers c on c.id = i.customer_id
  left join receivables cn on cn.id = rc.credit_note_id left join invoices ri on ri.red_confirmation_id = rc.id
  left join users cu on cu.id = rc.created_by left join users fu on fu.id = rc.confirmed_by`;

export async function findConfirmation(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<ConfirmationViewRow | undefined> {
  return (await sql<ConfirmationViewRow>`select ${rcSelect} from ${rcFrom} where rc.id = ${id} and ${scope}`.execute(tx)).rows[0];
}

export async function listConfirmations(tx: Tx, where: RawBuilder<unknown>[], after: [string, string] | null, limit: number): Promise<ConfirmationViewRow[]> {
  const conds = [...where];
  if (after) conds.push(sql`(rc.created_at, rc.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return (await sql<ConfirmationViewRow>`select ${rcSelect} from ${rcFrom} where ${sql.join(conds, sql` and `)}
    order by rc.created_at desc, rc.id desc limit ${limit + 1}`.execute(tx)).rows;
}

export function confirmationListWhere(q: { status?: string[] | undefined; customerId?: string | undefined; q?: string | undefined }) {
  const where: RawBuilder<unknown>[] = [];
  if (q.status?.length) where.push(sql`rc.status = any(${q.status}::text[])`);
  if (q.customerId) where.push(sql`i.customer_id = ${q.customerId}::uuid`);
  if (q.q) where.push(sql`(rc.number ilike ${`%${q.q}%`} or i.number ilike ${`%${q.q}%`} or c.name ilike ${`%${q.q}%`})`);
  return where;
}

/** What live confirmations (pending, confirmed, issued) of a blue invoice already hold, per line and per request item. */
export async function liveConfirmationsOf(tx: Tx, blueInvoiceId: string) {
  return tx.selectFrom('red_confirmations').select(['id', 'lines', 'allocations'])
    .where('blue_invoice_id', '=', blueInvoiceId).where('status', '<>', 'cancelled').execute();
}
