// Contact and follow-up queries only.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface ContactRow {
  id: string; customer_id: string; name: string; title: string | null; mobile: string | null; phone: string | null;
  email: string | null; decision_role: string; is_primary: boolean; remark: string | null; version: number; created_at: string;
}

const contactCols = sql`id, customer_id, name, title, mobile, phone, email, decision_role, is_primary, remark, version, created_at`;

export async function listContacts(tx: Tx, customerId: string): Promise<ContactRow[]> {
  const r = await sql<ContactRow>`select ${contactCols} from contacts where customer_id = ${customerId} and deleted_at is null
    order by is_primary desc, created_at`.execute(tx);
  return r.rows;
}

export async function findContact(tx: Tx, id: string, forUpdate = false): Promise<ContactRow | undefined> {
  const r = await sql<ContactRow>`select ${contactCols} from contacts where id = ${id} and deleted_at is null
    ${forUpdate ? sql`for update` : sql``}`.execute(tx);
  return r.rows[0];
}

export interface ContactWrite {
  name: string; title: string | null; mobile: string | null; phone: string | null; phoneKey: string | null;
  email: string | null; decisionRole: string; isPrimary: boolean; remark: string | null;
}

export async function insertContact(tx: Tx, tenantId: string, customerId: string, w: ContactWrite): Promise<string> {
  const r = await sql<{ id: string }>`insert into contacts (tenant_id, customer_id, name, title, mobile, phone, phone_key, email,
      decision_role, is_primary, remark)
    values (${tenantId}, ${customerId}, ${w.name}, ${w.title}, ${w.mobile}, ${w.phone}, ${w.phoneKey}, ${w.email},
      ${w.decisionRole}, ${w.isPrimary}, ${w.remark}) returning id`.execute(tx);
  return r.rows[0]!.id;
}

export async function updateContact(tx: Tx, id: string, w: ContactWrite) {
  await sql`update contacts set name = ${w.name}, title = ${w.title}, mobile = ${w.mobile}, phone = ${w.phone},
      phone_key = ${w.phoneKey}, email = ${w.email}, decision_role = ${w.decisionRole}, is_primary = ${w.isPrimary},
      remark = ${w.remark}, version = version + 1, updated_at = now() where id = ${id}`.execute(tx);
}

/** One primary contact per customer: making one primary demotes the others. */
export async function clearPrimary(tx: Tx, customerId: string, exceptId: string) {
  await sql`update contacts set is_primary = false, version = version + 1, updated_at = now()
    where customer_id = ${customerId} and id <> ${exceptId} and is_primary and deleted_at is null`.execute(tx);
}

export async function softDeleteContact(tx: Tx, id: string) {
  await sql`update contacts set deleted_at = now(), version = version + 1 where id = ${id}`.execute(tx);
}

export interface FollowUpRow {
  id: string; customer_id: string; contact_id: string | null; contact_name: string | null; kind: string; content: string;
  occurred_at: string; next_step: string | null; next_date: string | null; author_id: string | null; author_name: string | null; created_at: string;
}

const followUpSelect = sql`select f.id, f.customer_id, f.contact_id, ct.name as contact_name, f.kind, f.content, f.occurred_at,
      f.next_step, f.next_date, f.author_id, u.name as author_name, f.created_at
    from followups f left join contacts ct on ct.id = f.contact_id left join users u on u.id = f.author_id`;

export async function listFollowUps(tx: Tx, customerId: string, limit = 200): Promise<FollowUpRow[]> {
  const r = await sql<FollowUpRow>`${followUpSelect}
    where f.customer_id = ${customerId} order by f.occurred_at desc, f.id desc limit ${limit}`.execute(tx);
  return r.rows;
}

export async function findFollowUp(tx: Tx, id: string): Promise<FollowUpRow | undefined> {
  return (await sql<FollowUpRow>`${followUpSelect} where f.id = ${id}`.execute(tx)).rows[0];
}

export async function insertFollowUp(tx: Tx, f: {
  tenantId: string; customerId: string; contactId: string | null; kind: string; content: string; occurredAt: string;
  nextStep: string | null; nextDate: string | null; authorId: string | null;
}): Promise<string> {
  const r = await sql<{ id: string }>`insert into followups (tenant_id, customer_id, contact_id, kind, content, occurred_at, next_step, next_date, author_id)
    values (${f.tenantId}, ${f.customerId}, ${f.contactId}, ${f.kind}, ${f.content}, ${f.occurredAt}, ${f.nextStep}, ${f.nextDate}, ${f.authorId})
    returning id`.execute(tx);
  await sql`update customers set last_followup_at = greatest(coalesce(last_followup_at, ${f.occurredAt}::timestamptz), ${f.occurredAt}::timestamptz)
    where id = ${f.customerId}`.execute(tx);
  return r.rows[0]!.id;
}
