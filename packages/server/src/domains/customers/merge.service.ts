// Merging customers and contacts (flows/merge calls these inside its transaction, after the customer locks): the master
// takes the chosen values through the same write path as an edit (keys recomputed, credit code unique), the duplicate
// is marked merged (a customer leaves every list; a contact is removed from its customer), and what belonged to the
// duplicate moves. Every function returns what it moved; the undo functions take those ids back. Audited.
import type { Customer, CustomerInput } from '@l2c/shared';
import type { Actor, Tx } from '../../platform/db.js';
import { recordAudit } from '../../platform/audit.js';
import { phoneKey } from './name-key.js';
import { customerError } from './customers.errors.js';
import { toCustomer, toWrite } from './customers.service.js';
import * as q from './customers.sql.js';
import * as c from './contacts.sql.js';
import * as m from './merge.sql.js';

export type CustomerMergeValues = Partial<Pick<Customer, 'name' | 'creditCode' | 'industry' | 'region' | 'grade' | 'phone' | 'address' | 'website' | 'remark'>>;

/** A customer as merge shows and compares it (no scope check: the flow checked it). */
export async function customerForMergeTx(tx: Tx, id: string): Promise<(Customer & { mergedIntoId: string | null }) | null> {
  const row = await q.findCustomer(tx, id);
  if (!row) return null;
  return { ...toCustomer(row), mergedIntoId: (await m.mergedInto(tx, 'customers', id)) ?? null };
}

function inputOf(x: Customer, values: CustomerMergeValues): CustomerInput {
  const v = { ...x, ...values };
  return {
    name: v.name, creditCode: v.creditCode, industry: v.industry as CustomerInput['industry'], region: v.region, grade: v.grade as CustomerInput['grade'],
    source: v.source as CustomerInput['source'], phone: v.phone, address: v.address, website: v.website, remark: v.remark, parentId: x.parent?.id ?? null,
  };
}

/** Set a customer's fields to merge values (or back, at an undo), through the edit's write path. */
export async function setCustomerMergeValuesTx(tx: Tx, actor: Actor, id: string, values: CustomerMergeValues): Promise<Customer> {
  const row = await q.findCustomer(tx, id, { forUpdate: true });
  if (!row) throw customerError('not_found');
  const before = toCustomer(row);
  await q.updateCustomer(tx, id, toWrite(inputOf(before, values)));
  const after = toCustomer((await q.findCustomer(tx, id))!);
  await recordAudit(tx, actor, { action: 'merge_values', entityType: 'customer', entityId: id, before: { ...values, ...pick(before, values) }, after: pick(after, values) });
  return after;
}

function pick(x: Customer, values: CustomerMergeValues): Record<string, unknown> {
  return Object.fromEntries(Object.keys(values).map((k) => [k, x[k as keyof Customer]]));
}

export interface CustomerMoves { contacts: string[]; followups: string[]; subsidiaries: string[] }

/**
 * The duplicate is merged into the master: marked (its credit code released when the master takes it), its contacts,
 * follow-ups and subsidiaries moved. Returns the ids moved.
 */
export async function mergeCustomerIntoTx(tx: Tx, actor: Actor, loserId: string, masterId: string, opts: { releaseCreditCode: boolean }): Promise<CustomerMoves> {
  await m.setCustomerMerged(tx, loserId, masterId, { clear: opts.releaseCreditCode });
  const moves = {
    contacts: await m.moveContacts(tx, loserId, masterId),
    followups: await m.moveFollowUps(tx, 'customer_id', loserId, masterId),
    subsidiaries: await m.moveSubsidiaries(tx, loserId, masterId),
  };
  await recordAudit(tx, actor, { action: 'merge', entityType: 'customer', entityId: loserId, changes: [{ field: 'mergedIntoId', before: null, after: masterId }, { field: 'moved', before: null, after: { contacts: moves.contacts.length, followups: moves.followups.length, subsidiaries: moves.subsidiaries.length } }] });
  return moves;
}

/** Undo: the moved ids go back to the duplicate, which is a customer of its own again (with its credit code). */
export async function unmergeCustomerTx(tx: Tx, actor: Actor, loserId: string, masterId: string, moves: CustomerMoves, creditCode: string | null): Promise<void> {
  await m.moveContacts(tx, masterId, loserId, moves.contacts);
  await m.moveFollowUps(tx, 'customer_id', masterId, loserId, moves.followups);
  await m.moveSubsidiaries(tx, masterId, loserId, moves.subsidiaries);
  await m.setCustomerMerged(tx, loserId, null, { restore: creditCode });
  await recordAudit(tx, actor, { action: 'unmerge', entityType: 'customer', entityId: loserId, changes: [{ field: 'mergedIntoId', before: masterId, after: null }] });
}

export type ContactMergeValues = Partial<{ name: string; title: string | null; mobile: string | null; phone: string | null; email: string | null; decisionRole: string; remark: string | null }>;

export async function contactForMergeTx(tx: Tx, id: string) {
  const r = await m.findContactAny(tx, id);
  if (!r) return null;
  return {
    id: r.id, customerId: r.customer_id, mergedIntoId: r.merged_into_id, deleted: r.deleted_at !== null, version: r.version, isPrimary: r.is_primary,
    values: { name: r.name, title: r.title, mobile: r.mobile, phone: r.phone, email: r.email, decisionRole: r.decision_role, remark: r.remark } as Required<ContactMergeValues>,
  };
}

export async function setContactMergeValuesTx(tx: Tx, actor: Actor, id: string, values: ContactMergeValues): Promise<void> {
  const cur = await contactForMergeTx(tx, id);
  if (!cur) throw customerError('contact_not_found');
  const next = { ...cur.values, ...values };
  await c.updateContact(tx, id, { ...next, phoneKey: phoneKey(next.mobile ?? next.phone), isPrimary: cur.isPrimary });
  await recordAudit(tx, actor, { action: 'merge_values', entityType: 'contact', entityId: id, before: Object.fromEntries(Object.keys(values).map((k) => [k, cur.values[k as keyof ContactMergeValues]])), after: values });
}

/** The duplicate contact leaves its customer (removed, merged into the master); its follow-ups move. */
export async function mergeContactIntoTx(tx: Tx, actor: Actor, loserId: string, masterId: string): Promise<{ followups: string[] }> {
  await m.setContactMerged(tx, loserId, masterId);
  const followups = await m.moveFollowUps(tx, 'contact_id', loserId, masterId);
  await recordAudit(tx, actor, { action: 'merge', entityType: 'contact', entityId: loserId, changes: [{ field: 'mergedIntoId', before: null, after: masterId }] });
  return { followups };
}

export async function unmergeContactTx(tx: Tx, actor: Actor, loserId: string, masterId: string, moves: { followups: string[] }): Promise<void> {
  await m.moveFollowUps(tx, 'contact_id', masterId, loserId, moves.followups);
  await m.setContactMerged(tx, loserId, null);
  await recordAudit(tx, actor, { action: 'unmerge', entityType: 'contact', entityId: loserId, changes: [{ field: 'mergedIntoId', before: masterId, after: null }] });
}
