// Contact and follow-up queries only: builder queries typed by the schema (platform/schema.ts).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

function selectContact(tx: Tx) {
  return tx.selectFrom('contacts')
    .select(['id', 'customer_id', 'name', 'title', 'mobile', 'phone', 'email', 'decision_role', 'is_primary', 'remark', 'version', 'created_at'])
    .where('deleted_at', 'is', null);
}

export type ContactRow = Awaited<ReturnType<typeof listContacts>>[number];

export async function listContacts(tx: Tx, customerId: string) {
  return selectContact(tx).where('customer_id', '=', customerId).orderBy('is_primary', 'desc').orderBy('created_at').execute();
}

export async function findContact(tx: Tx, id: string, forUpdate = false): Promise<ContactRow | undefined> {
  const q = selectContact(tx).where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export interface ContactWrite {
  name: string; title: string | null; mobile: string | null; phone: string | null; phoneKey: string | null;
  email: string | null; decisionRole: string; isPrimary: boolean; remark: string | null;
}

export async function insertContact(tx: Tx, tenantId: string, customerId: string, w: ContactWrite): Promise<string> {
  const r = await tx.insertInto('contacts').values({
    tenant_id: tenantId, customer_id: customerId, name: w.name, title: w.title, mobile: w.mobile, phone: w.phone, phone_key: w.phoneKey,
    email: w.email, decision_role: w.decisionRole, is_primary: w.isPrimary, remark: w.remark,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateContact(tx: Tx, id: string, w: ContactWrite) {
  await tx.updateTable('contacts').set((eb) => ({
    name: w.name, title: w.title, mobile: w.mobile, phone: w.phone, phone_key: w.phoneKey, email: w.email,
    decision_role: w.decisionRole, is_primary: w.isPrimary, remark: w.remark, version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

/** One primary contact per customer: making one primary demotes the others. */
export async function clearPrimary(tx: Tx, customerId: string, exceptId: string) {
  await tx.updateTable('contacts').set((eb) => ({ is_primary: false, version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('customer_id', '=', customerId).where('id', '<>', exceptId).where('is_primary', '=', true).where('deleted_at', 'is', null).execute();
}

export async function softDeleteContact(tx: Tx, id: string) {
  await tx.updateTable('contacts').set((eb) => ({ deleted_at: sql`now()`, version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

function selectFollowUp(tx: Tx) {
  return tx.selectFrom('followups as f').leftJoin('contacts as ct', 'ct.id', 'f.contact_id').leftJoin('users as u', 'u.id', 'f.author_id')
    .select(['f.id', 'f.customer_id', 'f.contact_id', 'ct.name as contact_name', 'f.kind', 'f.content', 'f.occurred_at',
      'f.next_step', 'f.next_date', 'f.author_id', 'u.name as author_name', 'f.created_at']);
}

export type FollowUpRow = Awaited<ReturnType<typeof listFollowUps>>[number];

export async function listFollowUps(tx: Tx, customerId: string, limit = 200) {
  return selectFollowUp(tx).where('f.customer_id', '=', customerId).orderBy('f.occurred_at', 'desc').orderBy('f.id', 'desc').limit(limit).execute();
}

export async function findFollowUp(tx: Tx, id: string): Promise<FollowUpRow | undefined> {
  return selectFollowUp(tx).where('f.id', '=', id).executeTakeFirst();
}

export async function insertFollowUp(tx: Tx, f: {
  tenantId: string; customerId: string; contactId: string | null; kind: string; content: string; occurredAt: string;
  nextStep: string | null; nextDate: string | null; authorId: string | null;
}): Promise<string> {
  const r = await tx.insertInto('followups').values({
    tenant_id: f.tenantId, customer_id: f.customerId, contact_id: f.contactId, kind: f.kind, content: f.content, occurred_at: f.occurredAt,
    next_step: f.nextStep, next_date: f.nextDate, author_id: f.authorId,
  }).returning('id').executeTakeFirstOrThrow();
  // the customer's last follow-up only moves forward (a follow-up may be recorded after a later one)
  await sql`update customers set last_followup_at = greatest(coalesce(last_followup_at, ${f.occurredAt}::timestamptz), ${f.occurredAt}::timestamptz)
    where id = ${f.customerId}`.execute(tx);
  return r.id;
}
