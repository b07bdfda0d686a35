// Payment and customer-account queries only.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export interface PaymentRow {
  id: string; number: string; customer_id: string; customer_name: string; currency: string; amount: string; amount_unapplied: string;
  received_on: string; method: string; payer_name: string | null; payer_account: string | null; bank_reference: string | null;
  remark: string | null; attachments: Array<{ name: string; sha256: string; size: number }>; status: 'claimed' | 'confirmed' | 'rejected';
  registered_by: string | null; registered_name: string | null; confirmed_by: string | null; confirmed_name: string | null;
  confirmed_at: string | null; rejected_reason: string | null; version: number; created_at: string;
  files: PaymentFileMeta[];
}
/** An uploaded receipt file as the payment row carries it (jsonb: created_at is not run through the type parsers). */
export interface PaymentFileMeta { id: string; name: string; content_type: string; size: number; sha256: string; uploaded_by: string | null; uploaded_name: string | null; created_at: string }

const paymentSelect = sql`p.id, p.number, p.customer_id, c.name as customer_name, p.currency, p.amount, p.amount_unapplied, p.received_on,
  p.method, p.payer_name, p.payer_account, p.bank_reference, p.remark, p.attachments, p.status, p.registered_by, ru.name as registered_name,
  p.confirmed_by, cu.name as confirmed_name, p.confirmed_at, p.rejected_reason, p.version, p.created_at,
  coalesce((select jsonb_agg(jsonb_build_object('id', f.id, 'name', f.file_name, 'content_type', f.content_type, 'size', f.size_bytes,
      'sha256', f.sha256, 'uploaded_by', f.uploaded_by, 'uploaded_name', fu.name, 'created_at', f.created_at) order by f.created_at, f.id)
    from payment_files f left join users fu on fu.id = f.uploaded_by where f.payment_id = p.id), '[]'::jsonb) as files`;
const paymentFrom = sql`payments p join customers c on c.id = p.customer_id left join users ru on ru.id = p.registered_by left join users cu on cu.id = p.confirmed_by`;

/** Payments follow their customer's owner, or who registered them. */
export function paymentScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`(c.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope})) or p.registered_by in (select visible_owner_ids(${userId}::uuid, ${scope})))`;
}

/** Is the customer's owner in the caller's scope (the receivables' rule: a pool customer's money is not open to all)? */
export async function customerVisibleForAccounts(tx: Tx, customerId: string, userId: string, scope: DataScope): Promise<boolean> {
  const visible = scope === 'all' ? sql`true` : sql`c.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
  const r = await sql<{ id: string }>`select c.id from customers c where c.id = ${customerId} and ${visible}`.execute(tx);
  return r.rows.length > 0;
}

/** No data-scope condition: the caller has checked visibility already, or acts for the system. */
export const anyScope: RawBuilder<unknown> = sql`true`;

/** The list's filters, each given one a condition (the data scope comes on top). */
export function paymentListWhere(query: { customerId?: string | undefined; status?: string | undefined; unapplied?: 'true' | 'false' | undefined; q?: string | undefined }): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (query.customerId) where.push(sql`p.customer_id = ${query.customerId}`);
  if (query.status) where.push(sql`p.status = ${query.status}`);
  if (query.unapplied === 'true') where.push(sql`p.amount_unapplied > 0 and p.status = 'confirmed'`);
  if (query.q) where.push(sql`(p.number ilike ${`%${query.q}%`} or c.name ilike ${`%${query.q}%`} or p.bank_reference = ${query.q} or p.payer_name ilike ${`%${query.q}%`})`);
  return where;
}

export async function findPayment(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<PaymentRow | undefined> {
  const r = await sql<PaymentRow>`select ${paymentSelect} from ${paymentFrom} where p.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

export async function listPayments(tx: Tx, where: RawBuilder<unknown>[], desc: boolean, after: [unknown, string] | null, limit: number) {
  const conds = [...where];
  if (after) conds.push(desc ? sql`(p.received_on, p.id) < (${after[0]}::date, ${after[1]}::uuid)` : sql`(p.received_on, p.id) > (${after[0]}::date, ${after[1]}::uuid)`);
  const dir = desc ? sql`desc` : sql`asc`;
  const r = await sql<PaymentRow>`select ${paymentSelect} from ${paymentFrom} where ${sql.join(conds, sql` and `)}
    order by p.received_on ${dir}, p.id ${dir} limit ${limit + 1}`.execute(tx);
  return r.rows;
}

/**
 * Insert a payment; booked confirmed (`confirmedBy`), its prepaid entry (+amount, `payment_confirmed`) is inserted by
 * the same statement — a payment and its ledger entry in one round trip. A bank reference already booked: null, and
 * no entry (the entry is taken from the inserted row).
 */
export async function insertPayment(tx: Tx, p: {
  tenantId: string; number: string; customerId: string; currency: string; amount: string; receivedOn: string; method: string;
  payerName: string | null; payerAccount: string | null; bankReference: string | null; remark: string | null;
  attachments: unknown[]; registeredBy: string | null;
  /** Set: booked confirmed by this user at once (finance registering money it sees on the statement). */
  confirmedBy: string | null;
}): Promise<{ id: string; created_at: string; confirmed_at: string | null; version: number } | null> {
  const insert = sql`insert into payments (tenant_id, number, customer_id, currency, amount, amount_unapplied, received_on, method,
      payer_name, payer_account, bank_reference, remark, attachments, registered_by, status, confirmed_by, confirmed_at)
    values (${p.tenantId}, ${p.number}, ${p.customerId}, ${p.currency}, ${p.amount}::numeric, ${p.amount}::numeric, ${p.receivedOn}, ${p.method},
      ${p.payerName}, ${p.payerAccount}, ${p.bankReference}, ${p.remark}, ${JSON.stringify(p.attachments)}::jsonb, ${p.registeredBy},
      ${p.confirmedBy ? 'confirmed' : 'claimed'}, ${p.confirmedBy}::uuid, case when ${p.confirmedBy}::uuid is null then null else now() end)
    on conflict (tenant_id, bank_reference) where bank_reference is not null and status <> 'rejected' do nothing
    returning id, created_at, confirmed_at, version, tenant_id, customer_id, amount, received_on, number`;
  const r = p.confirmedBy
    ? await sql<{ id: string; created_at: string; confirmed_at: string | null; version: number }>`with p as (${insert}),
        e as (insert into account_entries (tenant_id, customer_id, account, amount, business_date, kind, ref_type, ref_id, memo, created_by)
          select tenant_id, customer_id, 'prepaid', amount, received_on, 'payment_confirmed', 'payment', id, number, ${p.confirmedBy}::uuid from p)
        select id, created_at, confirmed_at, version from p`.execute(tx)
    : await sql<{ id: string; created_at: string; confirmed_at: string | null; version: number }>`${insert}`.execute(tx);
  return r.rows[0] ?? null;
}

export async function findByBankReference(tx: Tx, ref: string): Promise<string | null> {
  const r = await sql<{ id: string }>`select id from payments where bank_reference = ${ref} and status <> 'rejected'`.execute(tx);
  return r.rows[0]?.id ?? null;
}

export async function lockPayments(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  const r = await sql<{ id: string; customer_id: string; currency: string; amount: string; amount_unapplied: string; status: string; number: string; version: number }>`
    select id, customer_id, currency, amount, amount_unapplied, status, number, version from payments
    where id = any(${[...ids].sort()}::uuid[]) order by id for update`.execute(tx);
  return r.rows;
}

export async function setStatus(tx: Tx, id: string, s: { status: 'confirmed' | 'rejected'; confirmedBy?: string | null; rejectedReason?: string | null }) {
  await tx.updateTable('payments').set((eb) => ({
    status: s.status, confirmed_by: s.confirmedBy ?? eb.ref('confirmed_by'),
    confirmed_at: s.status === 'confirmed' ? sql<string>`now()` : eb.ref('confirmed_at'),
    rejected_reason: s.rejectedReason ?? null, version: eb('version', '+', 1),
  })).where('id', '=', id).execute();
}

/**
 * unapplied = amount − net allocations from this payment (reversals are negative rows), for the payments a write-off
 * (or its reversal) applied, as a statement to compose: it rides along refreshOpen in one round trip. By the
 * write-off's id, like refreshOpen, so the statement keeps one plan (receivables.sql.ts refreshOpen says why).
 */
export function refreshUnappliedStatement(writeOffId: string) {
  return sql`update payments p set amount_unapplied = p.amount - coalesce((select sum(a.amount) from allocations a where a.payment_id = p.id), 0)
    where p.id in (select s.payment_id from allocations s where s.write_off_id = ${writeOffId}::uuid) returning p.id`;
}

export async function insertAccountEntry(tx: Tx, e: {
  tenantId: string; customerId: string; account: 'prepaid' | 'rebate' | 'credit'; amount: string; businessDate: string;
  kind: string; refType: string | null; refId: string | null; memo: string | null; createdBy: string | null;
}) {
  await sql`insert into account_entries (tenant_id, customer_id, account, amount, business_date, kind, ref_type, ref_id, memo, created_by)
    values (${e.tenantId}, ${e.customerId}, ${e.account}, ${e.amount}::numeric, ${e.businessDate}, ${e.kind}, ${e.refType}, ${e.refId}, ${e.memo}, ${e.createdBy})`.execute(tx);
}

/**
 * Ledger entries as a statement to compose: they ride along the write-off's insert of its facts (one round trip).
 * Amounts are decimal strings already rounded to the currency.
 */
export function accountEntriesStatement(entries: Array<Parameters<typeof insertAccountEntry>[1]>) {
  const col = <K extends keyof Parameters<typeof insertAccountEntry>[1]>(k: K) => entries.map((e) => e[k]);
  return sql`insert into account_entries (tenant_id, customer_id, account, amount, business_date, kind, ref_type, ref_id, memo, created_by)
    select * from unnest(${col('tenantId')}::uuid[], ${col('customerId')}::uuid[], ${col('account')}::text[], ${col('amount')}::numeric[],
      ${col('businessDate')}::date[], ${col('kind')}::text[], ${col('refType')}::text[], ${col('refId')}::uuid[], ${col('memo')}::text[], ${col('createdBy')}::uuid[])`;
}

/** The prepaid and rebate balances of a customer, in one statement. */
export async function accountBalances(tx: Tx, customerId: string): Promise<{ prepaid: string; rebate: string }> {
  const r = await sql<{ prepaid: string; rebate: string }>`select coalesce(sum(amount) filter (where account = 'prepaid'), 0)::text as prepaid,
      coalesce(sum(amount) filter (where account = 'rebate'), 0)::text as rebate
    from account_entries where customer_id = ${customerId} and account in ('prepaid', 'rebate')`.execute(tx);
  return r.rows[0]!;
}

export async function accountBalance(tx: Tx, customerId: string, account: string): Promise<string> {
  const r = await sql<{ b: string }>`select coalesce(sum(amount), 0)::text as b from account_entries where customer_id = ${customerId} and account = ${account}`.execute(tx);
  return r.rows[0]!.b;
}

export async function accountEntries(tx: Tx, customerId: string, account: string, from: string | null, to: string | null) {
  const r = await sql<{ id: string; account: string; amount: string; balance_after: string; business_date: string; kind: string; ref_type: string | null; ref_id: string | null; memo: string | null; created_at: string }>`
    select * from (
      select id, account, amount, sum(amount) over (order by business_date, created_at, id)::text as balance_after, business_date, kind, ref_type, ref_id, memo, created_at
      from account_entries where customer_id = ${customerId} and account = ${account}
    ) x where (${from}::date is null or business_date >= ${from}::date) and (${to}::date is null or business_date <= ${to}::date)
    order by business_date, created_at, id`.execute(tx);
  return r.rows;
}
