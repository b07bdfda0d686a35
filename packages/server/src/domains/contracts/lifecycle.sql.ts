// Queries of the contract lifecycle: the booked amount of a contract, signed files, amendments, triggered instalments and alerts.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';
import type { JsonValue } from '../../platform/schema.js';

/** Receivables already booked on a contract (with tax), for what of it is still uncommitted. */
export async function invoicedOn(tx: Tx, contractId: string): Promise<string> {
  const r = await sql<{ s: string }>`select coalesce(sum(amount), 0)::text as s from receivables where contract_id = ${contractId} and kind = 'invoice'`.execute(tx);
  return r.rows[0]!.s;
}

function selectFile(tx: Tx) {
  return tx.selectFrom('contract_files').select(['id', 'file_name', 'content_type', 'size_bytes', 'sha256']);
}
export type FileRow = NonNullable<Awaited<ReturnType<typeof signedFileOf>>>;
export async function signedFileOf(tx: Tx, fileId: string | null) {
  if (!fileId) return undefined;
  return selectFile(tx).where('id', '=', fileId).executeTakeFirst();
}
export async function fileContent(tx: Tx, fileId: string) {
  return selectFile(tx).select('content').where('id', '=', fileId).executeTakeFirst();
}
export async function insertFile(tx: Tx, f: { tenantId: string; contractId: string; name: string; contentType: string; content: Buffer; sha256: string; userId: string | null }): Promise<string> {
  const r = await tx.insertInto('contract_files').values({
    tenant_id: f.tenantId, contract_id: f.contractId, kind: 'signed', file_name: f.name, content_type: f.contentType, size_bytes: f.content.length,
    sha256: f.sha256, content: f.content, uploaded_by: f.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
export async function setSigned(tx: Tx, id: string, s: { signedOn: string; signatories: unknown; fileId: string }) {
  await tx.updateTable('contracts').set((eb) => ({
    status: 'signed', signed_on: s.signedOn, signatories: JSON.stringify(s.signatories), signed_file_id: s.fileId, status_reason: null,
    version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export async function markTriggered(tx: Tx, instalmentId: string, on: string) {
  await tx.updateTable('contract_instalments').set({ triggered_on: on }).where('id', '=', instalmentId).where('triggered_on', 'is', null).execute();
}

export async function pendingAmendmentOf(tx: Tx, contractId: string): Promise<string | null> {
  const r = await tx.selectFrom('contract_amendments').select('id').where('contract_id', '=', contractId).where('status', '=', 'in_approval').executeTakeFirst();
  return r?.id ?? null;
}

function selectAmendment(tx: Tx) {
  return tx.selectFrom('contract_amendments as a').leftJoin('users as u', 'u.id', 'a.created_by')
    .select(['a.id', 'a.contract_id', 'a.seq', 'a.number', 'a.status', 'a.reason', 'a.base_version', 'a.proposal', 'a.before', 'a.after',
      'a.amount_before', 'a.amount_after', 'a.created_by', 'u.name as created_by_name', 'a.created_at', 'a.decided_at'])
    // the three are always objects: written from objects, and '{}' by default
    .$narrowType<{ proposal: JsonObject; before: JsonObject; after: JsonObject }>();
}
type JsonObject = { [key: string]: JsonValue };
export type AmendmentRow = NonNullable<Awaited<ReturnType<typeof findAmendment>>>;

export async function amendmentsOf(tx: Tx, contractId: string) {
  return selectAmendment(tx).where('a.contract_id', '=', contractId).orderBy('a.seq').execute();
}
export async function findAmendment(tx: Tx, id: string, forUpdate = false) {
  const q = selectAmendment(tx).where('a.id', '=', id);
  return (forUpdate ? q.forUpdate('a') : q).executeTakeFirst();
}
export async function insertAmendment(tx: Tx, a: { tenantId: string; contractId: string; number: string; reason: string; baseVersion: number; proposal: unknown; amountBefore: string; amountAfter: string; userId: string }): Promise<{ id: string; seq: number; number: string }> {
  const seq = (await sql<{ n: number }>`select coalesce(max(seq), 0) + 1 as n from contract_amendments where contract_id = ${a.contractId}`.execute(tx)).rows[0]!.n;
  const number = `${a.number}-A${String(seq).padStart(2, '0')}`;
  const r = await tx.insertInto('contract_amendments').values({
    tenant_id: a.tenantId, contract_id: a.contractId, seq, number, reason: a.reason, base_version: a.baseVersion,
    proposal: JSON.stringify(a.proposal), amount_before: a.amountBefore, amount_after: a.amountAfter, created_by: a.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: r.id, seq, number };
}
export async function decideAmendment(tx: Tx, id: string, status: 'approved' | 'rejected' | 'returned' | 'cancelled', before: unknown, after: unknown) {
  await tx.updateTable('contract_amendments').set({
    status, decided_at: sql`now()`, before: JSON.stringify(before ?? {}), after: JSON.stringify(after ?? {}),
  }).where('id', '=', id).execute();
}
export async function touchContract(tx: Tx, id: string, changes: { paymentTermDays: number; pricesIncludeTax: boolean; deliveryTerms: string | null; paymentTerms: string | null; periodEnd: string | null }) {
  await tx.updateTable('contracts').set((eb) => ({
    payment_term_days: changes.paymentTermDays, prices_include_tax: changes.pricesIncludeTax, delivery_terms: changes.deliveryTerms,
    payment_terms: changes.paymentTerms, period_end: changes.periodEnd, version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export interface AlertRow {
  kind: 'not_invoiced' | 'delivery_late' | 'unpaid'; contract_id: string; number: string; title: string; customer_id: string; customer_name: string;
  instalment_id: string; seq: number; trigger: string; milestone: string | null; due_date: string; amount: string; amount_open: string | null;
  receivable_id: string | null; owner_id: string | null; owner_name: string | null; instalment_owner_id: string | null; tenant_id: string;
  currency: string;
}

/**
 * Instalments of signed contracts whose date passed unfulfilled: an event (delivery, acceptance) that has not happened
 * by its expected date, a plan date with no receivable booked, or a receivable booked but still open after its due date.
 */
export async function alerts(tx: Tx, asOf: string, scope: RawBuilder<unknown>, limit: number): Promise<AlertRow[]> {
  return (await sql<AlertRow>`
    select x.* from (
      select case when i.trigger in ('on_delivery','on_acceptance') and i.triggered_on is null then 'delivery_late'
                  when r.id is null then 'not_invoiced' else 'unpaid' end as kind,
        k.id as contract_id, k.number, k.title, k.customer_id, c.name as customer_name, i.id as instalment_id, i.seq, i.trigger, i.milestone,
        coalesce(r.due_date, i.due_date) as due_date, i.amount, r.amount_open, r.id as receivable_id, k.owner_id, o.name as owner_name,
        i.owner_id as instalment_owner_id, k.tenant_id, k.currency
      from contract_instalments i join contracts k on k.id = i.contract_id join customers c on c.id = k.customer_id
        left join users o on o.id = k.owner_id
        left join lateral (select r.id, r.amount_open, r.due_date from receivables r where r.instalment_id = i.id and r.kind = 'invoice'
                           order by r.created_at limit 1) r on true
      where k.status in ('signed','in_performance') and ${scope}
        and ((r.id is null and i.due_date < ${asOf}::date) or (r.id is not null and r.amount_open > 0 and r.due_date < ${asOf}::date))
    ) x order by x.due_date, x.number, x.seq limit ${limit}`.execute(tx)).rows;
}

export interface DueRow { instalment_id: string; contract_id: string; customer_id: string; amount: string; tax_amount: string; currency: string; due_date: string; due_days_after_trigger: number; owner_id: string | null }

/** Date instalments of signed contracts due on or before `asOf` with no receivable yet (for the plan-date job). */
export async function dueDateInstalments(tx: Tx, asOf: string, limit: number): Promise<DueRow[]> {
  return (await sql<DueRow>`select i.id as instalment_id, k.id as contract_id, k.customer_id, i.amount, i.tax_amount, k.currency, i.due_date,
      i.due_days_after_trigger, coalesce(i.owner_id, k.owner_id) as owner_id
    from contract_instalments i join contracts k on k.id = i.contract_id
    where i.trigger = 'date' and i.due_date <= ${asOf}::date and k.status in ('signed','in_performance') and i.amount > 0
      and not exists (select 1 from receivables r where r.instalment_id = i.id)
    order by i.due_date, i.id limit ${limit}`.execute(tx)).rows;
}

export async function frameworkStatus(tx: Tx, id: string): Promise<string | undefined> {
  return (await tx.selectFrom('contracts').select('status').where('id', '=', id).where('kind', '=', 'framework').executeTakeFirst())?.status;
}

/** The tenant's over-credit policy as stored (settings.contracts.overCredit), if any. */
export async function overCreditSettings(tx: Tx): Promise<{ default?: 'block' | 'approval'; grades?: Record<string, 'block' | 'approval'> } | undefined> {
  const r = await sql<{ settings: { contracts?: { overCredit?: { default?: 'block' | 'approval'; grades?: Record<string, 'block' | 'approval'> } } } }>`
    select settings from tenants where id = app_tenant_id()`.execute(tx);
  return r.rows[0]?.settings.contracts?.overCredit;
}
