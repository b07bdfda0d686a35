// Contacts and follow-up records of a customer; readable and writable by whoever may see the customer.
import type { z } from 'zod';
import type { ContactInput, FollowUpInput } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { customerError } from './customers.errors.js';
import { loadVisible } from './customers.service.js';
import { phoneKey } from './name-key.js';
import * as c from './contacts.sql.js';

type ContactIn = z.infer<typeof ContactInput>;

function toContact(r: c.ContactRow) {
  return {
    id: r.id, customerId: r.customer_id, name: r.name, title: r.title, mobile: r.mobile, phone: r.phone, email: r.email,
    decisionRole: r.decision_role, isPrimary: r.is_primary, remark: r.remark, version: r.version, createdAt: r.created_at,
  };
}
function contactAudit(x: ReturnType<typeof toContact>) {
  const { version: _v, createdAt: _c, id: _i, ...rest } = x;
  return rest;
}

export async function listContacts(db: Db, auth: AuthContext, customerId: string) {
  return inTenant(db, auth, async (tx) => {
    await loadVisible(tx, auth, customerId);
    return { items: (await c.listContacts(tx, customerId)).map(toContact) };
  });
}

export async function createContact(db: Db, auth: AuthContext, customerId: string, input: ContactIn) {
  return inTenant(db, auth, (tx) => createContactTx(tx, auth, customerId, input));
}

/** createContact inside the caller's transaction (flows/lead-conversion). */
export async function createContactTx(tx: Tx, auth: AuthContext, customerId: string, input: ContactIn) {
  await loadVisible(tx, auth, customerId, true);
  const id = await c.insertContact(tx, auth.tenantId, customerId, { ...input, phoneKey: phoneKey(input.mobile ?? input.phone) });
  if (input.isPrimary) await c.clearPrimary(tx, customerId, id);
  const created = toContact((await c.findContact(tx, id))!);
  await recordAudit(tx, auth, { action: 'create', entityType: 'contact', entityId: id, after: contactAudit(created) });
  return created;
}


/** Lock the contact's customer, then the contact: the same order everywhere, so writers never deadlock. */
async function loadContactForWrite(tx: Parameters<Parameters<typeof inTenant>[2]>[0], auth: AuthContext, id: string) {
  const existing = await c.findContact(tx, id);
  if (!existing) throw customerError('contact_not_found');
  // A contact of a customer outside the caller's scope does not exist for them: the same 404 as an unknown id.
  await loadVisible(tx, auth, existing.customer_id, true, 'contact_not_found');
  return (await c.findContact(tx, id, true))!;
}

export async function updateContact(db: Db, auth: AuthContext, id: string, patch: Partial<ContactIn> & { version: number }) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadContactForWrite(tx, auth, id);
    if (row.version !== patch.version) throw commonError('version_conflict');
    const before = toContact(row);
    const merged = {
      name: patch.name ?? row.name, title: patch.title !== undefined ? patch.title : row.title,
      mobile: patch.mobile !== undefined ? patch.mobile : row.mobile, phone: patch.phone !== undefined ? patch.phone : row.phone,
      email: patch.email !== undefined ? patch.email : row.email, decisionRole: patch.decisionRole ?? row.decision_role,
      isPrimary: patch.isPrimary ?? row.is_primary, remark: patch.remark !== undefined ? patch.remark : row.remark,
    };
    await c.updateContact(tx, id, { ...merged, phoneKey: phoneKey(merged.mobile ?? merged.phone) });
    if (merged.isPrimary && !row.is_primary) await c.clearPrimary(tx, row.customer_id, id);
    const after = toContact((await c.findContact(tx, id))!);
    await recordAudit(tx, auth, { action: 'update', entityType: 'contact', entityId: id, before: contactAudit(before), after: contactAudit(after) });
    return after;
  });
}

export async function deleteContact(db: Db, auth: AuthContext, id: string) {
  await inTenant(db, auth, async (tx) => {
    const row = await loadContactForWrite(tx, auth, id);
    await c.softDeleteContact(tx, id);
    await recordAudit(tx, auth, { action: 'delete', entityType: 'contact', entityId: id, before: contactAudit(toContact(row)), after: null });
  });
}

function toFollowUp(r: c.FollowUpRow) {
  return {
    id: r.id, customerId: r.customer_id, contactId: r.contact_id, contactName: r.contact_name, kind: r.kind, content: r.content,
    occurredAt: r.occurred_at, nextStep: r.next_step, nextDate: r.next_date,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? '' } : null, createdAt: r.created_at,
  };
}

export async function listFollowUps(db: Db, auth: AuthContext, customerId: string) {
  return inTenant(db, auth, async (tx) => {
    await loadVisible(tx, auth, customerId);
    return { items: (await c.listFollowUps(tx, customerId)).map(toFollowUp) };
  });
}

export async function createFollowUp(db: Db, auth: AuthContext, customerId: string, input: z.infer<typeof FollowUpInput>) {
  return inTenant(db, auth, (tx) => createFollowUpTx(tx, auth, customerId, input));
}

/** createFollowUp inside the caller's transaction: a visit's check-out records its follow-up (and next step) with it. */
export async function createFollowUpTx(tx: Tx, auth: AuthContext, customerId: string, input: z.infer<typeof FollowUpInput>) {
  const customer = await loadVisible(tx, auth, customerId, true);
  if (customer.owner_id === null) throw customerError('in_pool');
  if (input.contactId) {
    const contact = await c.findContact(tx, input.contactId);
    if (!contact || contact.customer_id !== customerId) {
      throw customerError('contact_not_found', undefined, { errors: [{ path: 'contactId', message: 'not a contact of this customer' }] });
    }
  }
  const occurredAt = input.occurredAt ?? new Date().toISOString();
  const id = await c.insertFollowUp(tx, { tenantId: auth.tenantId, customerId, contactId: input.contactId, kind: input.kind,
    content: input.content, occurredAt, nextStep: input.nextStep, nextDate: input.nextDate, authorId: auth.userId });
  await recordAudit(tx, auth, { action: 'create', entityType: 'followup', entityId: id,
    after: { customerId, kind: input.kind, content: input.content, occurredAt } });
  // Read back by id: a record dated before the customer's newest ones is not in the first page of the list.
  return toFollowUp((await c.findFollowUp(tx, id))!);
}
