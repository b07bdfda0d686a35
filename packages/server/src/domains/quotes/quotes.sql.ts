// Quote statements: header, lines, priced versions, share links, and the prices a customer last paid (read from
// contract lines and accepted quotes). Data scope follows the quote's owner, as contracts do.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export function quoteScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`q.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
}
export const anyScope = sql`true`;

export interface QuoteRow {
  id: string; number: string; customer_id: string; customer_name: string; owner_id: string | null; owner_name: string | null; title: string;
  currency: string; prices_include_tax: boolean; status: 'draft' | 'pending_approval' | 'approved' | 'accepted' | 'rejected' | 'expired';
  valid_until: string; order_discount_rate: string; rebate_requested: string | null; notes: string | null; current_version_id: string | null;
  approved_hash: string | null; contract_id: string | null; contract_number: string | null; accepted_at: string | null; version: number;
  opportunity_id: string | null; opportunity_number: string | null; opportunity_name: string | null;
  created_at: string; updated_at: string; seq: number | null; content_hash: string | null; amount_incl_tax: string | null; discount_amount: string | null;
}

const select = sql`q.id, q.number, q.customer_id, c.name as customer_name, q.owner_id, o.name as owner_name, q.title, q.currency, q.prices_include_tax,
  q.status, to_char(q.valid_until, 'YYYY-MM-DD') as valid_until, q.order_discount_rate::text as order_discount_rate, q.rebate_requested::text as rebate_requested,
  q.notes, q.current_version_id, q.approved_hash, q.contract_id, k.number as contract_number, q.accepted_at, q.version, q.created_at, q.updated_at,
  q.opportunity_id, op.number as opportunity_number, op.name as opportunity_name,
  v.seq, v.content_hash, v.amount_incl_tax::text as amount_incl_tax, v.discount_amount::text as discount_amount`;
const from = sql`quotes q join customers c on c.tenant_id = q.tenant_id and c.id = q.customer_id
  left join users o on o.tenant_id = q.tenant_id and o.id = q.owner_id
  left join quote_versions v on v.tenant_id = q.tenant_id and v.id = q.current_version_id
  left join contracts k on k.tenant_id = q.tenant_id and k.id = q.contract_id
  left join opportunities op on op.tenant_id = q.tenant_id and op.id = q.opportunity_id`;

export async function findQuote(tx: Tx, id: string, scope: RawBuilder<unknown>, forUpdate = false): Promise<QuoteRow | undefined> {
  if (forUpdate) {
    const locked = await sql<{ id: string }>`select q.id from quotes q where q.id = ${id} and ${scope} for update`.execute(tx);
    if (locked.rows.length === 0) return undefined;
  }
  const r = await sql<QuoteRow>`select ${select} from ${from} where q.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

export async function listQuotes(tx: Tx, scope: RawBuilder<unknown>, f: { status?: string | undefined; customerId?: string | undefined; ownerId?: string | undefined; q?: string | undefined },
  after: [string, string] | null, limit: number): Promise<QuoteRow[]> {
  const where: RawBuilder<unknown>[] = [scope];
  if (f.status) where.push(sql`q.status = ${f.status}`);
  if (f.customerId) where.push(sql`q.customer_id = ${f.customerId}`);
  if (f.ownerId) where.push(sql`q.owner_id = ${f.ownerId}`);
  if (f.q) where.push(sql`(q.number ilike ${`%${f.q}%`} or q.title ilike ${`%${f.q}%`} or c.name ilike ${`%${f.q}%`})`);
  if (after) where.push(sql`(q.created_at, q.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const r = await sql<QuoteRow>`select ${select} from ${from} where ${sql.join(where, sql` and `)} order by q.created_at desc, q.id desc limit ${limit + 1}`.execute(tx);
  return r.rows;
}

export interface QuoteWrite {
  title: string; currency: string; pricesIncludeTax: boolean; validUntil: string; orderDiscountRate: string; rebateRequested: string | null; notes: string | null;
}

export async function insertQuote(tx: Tx, tenantId: string, number: string, customerId: string, ownerId: string, userId: string | null, w: QuoteWrite, opportunityId: string | null = null): Promise<string> {
  const r = await tx.insertInto('quotes').values({
    tenant_id: tenantId, number, customer_id: customerId, owner_id: ownerId, created_by: userId, title: w.title, currency: w.currency, opportunity_id: opportunityId,
    prices_include_tax: w.pricesIncludeTax, valid_until: w.validUntil, order_discount_rate: w.orderDiscountRate, rebate_requested: w.rebateRequested, notes: w.notes,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateQuote(tx: Tx, id: string, w: QuoteWrite) {
  await tx.updateTable('quotes').set({
    title: w.title, prices_include_tax: w.pricesIncludeTax, valid_until: w.validUntil, order_discount_rate: w.orderDiscountRate,
    rebate_requested: w.rebateRequested, notes: w.notes, updated_at: sql`now()`, version: sql`version + 1`,
  }).where('id', '=', id).execute();
}

export async function setStatus(tx: Tx, id: string, s: { status: QuoteRow['status']; approvedHash?: string | null; contractId?: string; reason?: string | null; accepted?: boolean }) {
  await tx.updateTable('quotes').set({
    status: s.status, updated_at: sql`now()`, version: sql`version + 1`,
    ...(s.approvedHash !== undefined ? { approved_hash: s.approvedHash } : {}),
    ...(s.contractId !== undefined ? { contract_id: s.contractId } : {}),
    ...(s.reason !== undefined ? { decided_reason: s.reason } : {}),
    ...(s.accepted ? { accepted_at: sql`now()` } : {}),
  }).where('id', '=', id).execute();
}

export async function setCurrentVersion(tx: Tx, id: string, versionId: string) {
  await tx.updateTable('quotes').set({ current_version_id: versionId }).where('id', '=', id).execute();
}

export interface LineWrite {
  position: number; group: string | null; skuId: string | null; productCode: string | null; description: string; unit: string | null; quantity: string;
  attributes: Record<string, string>; configuration: unknown; discountRate: string; freeLine: boolean; unitPrice: string | null; unitCost: string | null; taxRate: string | null;
}

export async function replaceLines(tx: Tx, tenantId: string, quoteId: string, lines: LineWrite[]) {
  await tx.deleteFrom('quote_lines').where('quote_id', '=', quoteId).execute();
  if (lines.length === 0) return;
  await tx.insertInto('quote_lines').values(lines.map((l) => ({
    tenant_id: tenantId, quote_id: quoteId, position: l.position, group_name: l.group, sku_id: l.skuId, product_code: l.productCode, description: l.description,
    unit: l.unit, quantity: l.quantity, attributes: JSON.stringify(l.attributes), configuration: l.configuration === null ? null : JSON.stringify(l.configuration),
    discount_rate: l.discountRate, free_line: l.freeLine, unit_price: l.unitPrice, unit_cost: l.unitCost, tax_rate: l.taxRate,
  }))).execute();
}

export async function linesOf(tx: Tx, quoteId: string) {
  return tx.selectFrom('quote_lines').selectAll().where('quote_id', '=', quoteId).orderBy('position').execute();
}
export type LineRow = Awaited<ReturnType<typeof linesOf>>[number];

export async function insertVersion(tx: Tx, v: { tenantId: string; quoteId: string; seq: number; hash: string; snapshot: unknown; amountInclTax: string; discountAmount: string; approvalRequired: boolean; userId: string | null }): Promise<string> {
  const r = await tx.insertInto('quote_versions').values({
    tenant_id: v.tenantId, quote_id: v.quoteId, seq: v.seq, content_hash: v.hash, snapshot: JSON.stringify(v.snapshot), amount_incl_tax: v.amountInclTax,
    discount_amount: v.discountAmount, approval_required: v.approvalRequired, created_by: v.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function nextSeq(tx: Tx, quoteId: string): Promise<number> {
  const r = await tx.selectFrom('quote_versions').select(sql<number>`coalesce(max(seq), 0)::int + 1`.as('n')).where('quote_id', '=', quoteId).executeTakeFirstOrThrow();
  return r.n;
}

export async function versionSnapshot(tx: Tx, versionId: string) {
  return tx.selectFrom('quote_versions').select(['id', 'seq', 'content_hash', 'snapshot']).where('id', '=', versionId).executeTakeFirst();
}

export async function versionsOf(tx: Tx, quoteId: string) {
  return tx.selectFrom('quote_versions as v').leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'v.tenant_id').onRef('u.id', '=', 'v.created_by'))
    .select(['v.id', 'v.seq', 'v.content_hash', 'v.amount_incl_tax', 'v.discount_amount', 'v.approval_required', 'v.created_by', 'u.name as created_by_name', 'v.created_at'])
    .select(sql<number>`jsonb_array_length(v.snapshot->'content'->'lines')`.as('line_count'))
    .where('v.quote_id', '=', quoteId).orderBy('v.seq', 'desc').execute();
}

/** Customer of the quote, in the caller's scope (customers read for name, grade and the data scope). */
export async function customerFor(tx: Tx, customerId: string, userId: string, scope: DataScope) {
  const r = await sql<{ id: string; name: string }>`select c.id, c.name from customers c
    where c.id = ${customerId} and (${scope} = 'all' or c.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope}))))`.execute(tx);
  return r.rows[0];
}

/**
 * The last net unit price this customer paid per SKU: from signed contracts' lines (matched by the SKU's code) and
 * from accepted quotes' priced versions; the newest of either wins.
 */
export async function lastPaid(tx: Tx, customerId: string, skus: Array<{ id: string; code: string }>) {
  if (skus.length === 0) return [];
  const codes = skus.map((s) => s.code);
  const ids = skus.map((s) => s.id);
  const contracts = await sql<{ code: string; unit: string; on: string; number: string }>`select distinct on (l.product_code) l.product_code as code,
      round(l.unit_price * (1 - l.discount_rate), 2)::text as unit, to_char(coalesce(k.signed_on, k.created_at::date), 'YYYY-MM-DD') as on, k.number
    from contract_lines l join contracts k on k.tenant_id = l.tenant_id and k.id = l.contract_id
    where k.customer_id = ${customerId} and k.kind = 'order' and k.status in ('signed', 'in_performance', 'completed') and l.product_code = any(${codes}::text[])
    order by l.product_code, coalesce(k.signed_on, k.created_at::date) desc, k.created_at desc`.execute(tx);
  const quotes = await sql<{ sku: string; unit: string; on: string; number: string }>`select distinct on (l->>'skuId') l->>'skuId' as sku, l->>'netUnitPrice' as unit,
      to_char(q.accepted_at, 'YYYY-MM-DD') as on, q.number
    from quotes q join quote_versions v on v.tenant_id = q.tenant_id and v.id = q.current_version_id, jsonb_array_elements(v.snapshot->'content'->'lines') l
    where q.customer_id = ${customerId} and q.status = 'accepted' and l->>'skuId' = any(${ids}::text[]) and not coalesce((l->>'gift')::boolean, false)
    order by l->>'skuId', q.accepted_at desc`.execute(tx);
  return [...contracts.rows.map((r) => ({ skuId: skus.find((s) => s.code === r.code)!.id, unitPrice: r.unit, on: r.on, source: 'contract' as const, number: r.number })),
    ...quotes.rows.map((r) => ({ skuId: r.sku, unitPrice: r.unit, on: r.on, source: 'quote' as const, number: r.number }))];
}

// ---- share links ----

export async function insertShareLink(tx: Tx, l: { tenantId: string; quoteId: string; tokenHash: string; expiresAt: string; userId: string | null }): Promise<string> {
  const r = await tx.insertInto('quote_share_links').values({ tenant_id: l.tenantId, quote_id: l.quoteId, token_hash: l.tokenHash, expires_at: l.expiresAt, created_by: l.userId })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A usable link by its hash (as the owner role: the link names no tenant). */
export async function findShareLink(tx: Tx, tokenHash: string) {
  return tx.selectFrom('quote_share_links').select(['id', 'tenant_id', 'quote_id', 'expires_at'])
    .where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).where('expires_at', '>', sql<string>`now()`).executeTakeFirst();
}

// ---- expiry ----

export async function expiredQuotes(tx: Tx, today: string, limit: number) {
  return tx.selectFrom('quotes').select(['id', 'tenant_id', 'owner_id'])
    .where('status', 'in', ['draft', 'pending_approval', 'approved']).where('valid_until', '<', today).orderBy('id').limit(limit).execute();
}
