// Merging a duplicate into its master (customers, contacts, leads), in one transaction: the records in the caller's
// scope and locked (customers: both money locks in id order, ADR 0004), the field-by-field choice applied to the master
// through its owner, every reference moved by its owner's function, the facts kept (domains/dedup merge_jobs) so an
// undo moves exactly those ids back. A duplicate with money facts, or referenced from a table nothing moves, is refused
// before anything is written. The preview runs the same checks and counts, and writes nothing.
import { MERGE_FIELDS, type MergeChoices, type MergeJob, type MergePreview } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { lockCustomer } from '../../domains/credit/index.js';
import { dedupError, latestMergeOfTx, listMergesTx, markMergeUndoneTx, mergeJobTx, recordMergeTx, type MergeJobRow } from '../../domains/dedup/index.js';
import {
  contactForMergeTx, customerForMergeTx, mergeContactIntoTx, setContactMergeValuesTx, setCustomerMergeValuesTx, unmergeContactTx,
} from '../../domains/customers/index.js';
import { getLeadTx, loadVisibleLeadTx, markLeadMergedTx, unmarkLeadMergedTx, updateLeadFieldsTx } from '../../domains/leads/index.js';
import { dropCustomerRfmTx, scoreLeadTx } from '../../domains/scoring/index.js';
import { KEPT, MONEY_TABLES, MOVERS, TARGET, mergeCustomerIntoTx, unmergeCustomerTx, type MergeObject } from './merge.plan.js';
import { countReferences, referencesTo } from './references.sql.js';

type Values = Record<string, unknown>;
interface Side { id: string; label: string; owner: { id: string; name: string } | null; values: Values; mergedIntoId: string | null; customerId?: string }

/** Load both records in the caller's scope and lock them (a record out of scope is not found, like an unknown id). */
async function load(tx: Tx, auth: AuthContext, object: MergeObject, masterId: string, loserId: string): Promise<[Side, Side]> {
  const scope = { userId: auth.userId, scope: auth.scope };
  const sides: Record<string, Side> = {};
  for (const id of [...new Set([masterId, loserId])].sort()) { // id order: two merges of the same pair lock alike
    if (object === 'customer') {
      if (!(await lockCustomer(tx, id, scope))) throw dedupError('record_not_found');
      const c = (await customerForMergeTx(tx, id))!;
      sides[id] = { id, label: `${c.name} (${c.number})`, owner: c.owner, values: pick(c as unknown as Values, MERGE_FIELDS.customer), mergedIntoId: c.mergedIntoId };
    } else if (object === 'contact') {
      const c = await contactForMergeTx(tx, id);
      if (!c || (c.deleted && !c.mergedIntoId)) throw dedupError('record_not_found');
      const customer = await lockCustomer(tx, c.customerId, scope);
      if (!customer) throw dedupError('record_not_found');
      sides[id] = { id, label: `${c.values.name} · ${customer.name}`, owner: null, values: c.values, mergedIntoId: c.mergedIntoId, customerId: c.customerId };
    } else {
      const row = await loadVisibleLeadTx(tx, auth, id, true).catch(() => null);
      if (!row) throw dedupError('record_not_found');
      const l = (await getLeadTx(tx, id))!;
      sides[id] = { id, label: `${l.companyName ?? l.contactName ?? ''} (${l.number})`, owner: l.owner, values: pick(l as unknown as Values, MERGE_FIELDS.lead), mergedIntoId: row.merged_into_id };
    }
  }
  // after the scope check: a record out of scope is not found, whatever else is wrong with the request
  if (masterId === loserId) throw dedupError('same_record', undefined, { errors: [{ path: `${object}Id`, message: 'the duplicate is the record itself' }] });
  const master = sides[masterId]!;
  const loser = sides[loserId]!;
  if (master.mergedIntoId || loser.mergedIntoId) throw dedupError('already_merged');
  if (object === 'contact' && master.customerId !== loser.customerId) throw dedupError('different_customers');
  return [master, loser];
}

function pick(x: Values, fields: readonly string[]): Values {
  return Object.fromEntries(fields.map((f) => [f, x[f] ?? null]));
}

/** The master's values after the merge: a field chosen 'duplicate' takes the duplicate's; otherwise the master's, or the duplicate's where the master has none. */
function resultOf(master: Values, loser: Values, choices: MergeChoices): Values {
  return Object.fromEntries(Object.keys(master).map((f) => [f, choices[f] === 'duplicate' ? loser[f] : choices[f] === 'master' ? master[f] : (master[f] ?? loser[f])]));
}

/** The duplicate's references, per table, checked against the plan: refused when money or an unmovable table has any. */
async function movesOf(tx: Tx, object: MergeObject, loserId: string) {
  const counts = await countReferences(tx, await referencesTo(tx, TARGET[object]), loserId);
  const movers = new Map(MOVERS[object].flatMap((m) => m.keys.map((k) => [k, m.owner] as const)));
  const money = counts.filter((c) => MONEY_TABLES.has(c.table));
  if (money.length) throw dedupError('money_facts', undefined, { tables: money.map((c) => ({ table: c.table, count: c.count })) });
  const stuck = counts.filter((c) => !movers.has(`${c.table}.${c.column}`) && !KEPT[object].includes(`${c.table}.${c.column}`));
  if (stuck.length) throw dedupError('not_movable', `Merge cannot move ${stuck.map((c) => `${c.table} (${c.count})`).join(', ')} yet; the merge is refused`, { tables: stuck.map((c) => ({ table: c.table, count: c.count })) });
  return counts.filter((c) => movers.has(`${c.table}.${c.column}`)).map((c) => ({ table: `${c.table}.${c.column}`, owner: movers.get(`${c.table}.${c.column}`)!, count: c.count }));
}

export async function previewMerge(db: Db, auth: AuthContext, object: MergeObject, masterId: string, loserId: string, choices: MergeChoices): Promise<MergePreview> {
  return inTenant(db, auth, async (tx) => {
    const [master, loser] = await load(tx, auth, object, masterId, loserId);
    const moves = await movesOf(tx, object, loserId);
    return { object, master: side(master), duplicate: side(loser), result: resultOf(master.values, loser.values, choices), moves };
  });
}

function side(s: Side) {
  return { id: s.id, label: s.label, owner: s.owner, values: s.values };
}

function changed(before: Values, after: Values): Values {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k] ?? null)));
}

export async function executeMerge(db: Db, auth: AuthContext, object: MergeObject, masterId: string, loserId: string, choices: MergeChoices): Promise<MergeJob> {
  return inTenant(db, auth, async (tx) => {
    const [master, loser] = await load(tx, auth, object, masterId, loserId);
    await movesOf(tx, object, loserId); // the guard, before anything is written
    const result = resultOf(master.values, loser.values, choices);
    const values = changed(master.values, result);
    const moved: Record<string, string[]> = {};
    if (object === 'customer') {
      const takesCode = 'creditCode' in values && values.creditCode !== null && values.creditCode === loser.values.creditCode;
      Object.assign(moved, prefix(await mergeCustomerIntoTx(tx, auth, loserId, masterId, { releaseCreditCode: takesCode })));
      if (Object.keys(values).length) await setCustomerMergeValuesTx(tx, auth, masterId, values);
    } else if (object === 'contact') {
      if (Object.keys(values).length) await setContactMergeValuesTx(tx, auth, masterId, values);
      moved['followups.contact_id'] = (await mergeContactIntoTx(tx, auth, loserId, masterId)).followups;
    } else {
      if (Object.keys(values).length) await updateLeadFieldsTx(tx, auth, masterId, values);
      await markLeadMergedTx(tx, auth, loserId, masterId);
    }
    for (const mover of MOVERS[object]) Object.assign(moved, await mover.move(tx, auth, loserId, masterId));
    if (object === 'customer') await dropCustomerRfmTx(tx, auth, { from: loserId, to: masterId });
    if (object === 'lead') await scoreLeadTx(tx, masterId);
    const id = await recordMergeTx(tx, auth, {
      object, masterId, loserId, ownerId: master.owner?.id ?? null, fields: choices as Record<string, string>,
      masterBefore: master.values, masterAfter: result, loserBefore: loser.values, moved,
    });
    await recordAudit(tx, auth, { action: 'merge', entityType: 'merge_job', entityId: id, after: { object, masterId, duplicateId: loserId, fields: values, moved: counts(moved) } });
    return view((await mergeJobTx(tx, id, null))!, master.label, loser.label);
  });
}

function prefix(m: { contacts: string[]; followups: string[]; subsidiaries: string[] }): Record<string, string[]> {
  return { 'contacts.customer_id': m.contacts, 'followups.customer_id': m.followups, 'customers.parent_id': m.subsidiaries };
}

function counts(moved: Record<string, string[]>) {
  return Object.fromEntries(Object.entries(moved).filter(([, ids]) => ids.length).map(([k, ids]) => [k, ids.length]));
}

function view(j: MergeJobRow, masterLabel: string, loserLabel: string): MergeJob {
  const owners = new Map(MOVERS[j.object].flatMap((m) => m.keys.map((k) => [k, m.owner] as const)));
  return {
    id: j.id, object: j.object, masterId: j.master_id, duplicateId: j.loser_id, masterLabel, duplicateLabel: loserLabel, status: j.status, fields: j.fields,
    moves: Object.entries(j.moved).filter(([, ids]) => ids.length).map(([table, ids]) => ({ table, owner: owners.get(table) ?? 'leads', count: ids.length })),
    mergedAt: j.merged_at, mergedBy: j.merged_by ? { id: j.merged_by, name: j.merged_by_name ?? '' } : null,
    undoneAt: j.undone_at, undoneBy: j.undone_by ? { id: j.undone_by, name: j.undone_by_name ?? '' } : null,
  };
}

function labelOf(j: MergeJobRow, which: 'master' | 'loser'): string {
  const v = which === 'master' ? j.master_after : j.loser_before;
  return String(v.name ?? v.companyName ?? v.contactName ?? (which === 'master' ? j.master_id : j.loser_id));
}

export async function listMerges(db: Db, auth: AuthContext, object: MergeObject | undefined, limit: number): Promise<{ items: MergeJob[] }> {
  return inTenant(db, auth, async (tx) => ({
    items: (await listMergesTx(tx, { userId: auth.userId, scope: auth.scope }, object ?? null, limit)).map((j) => view(j, labelOf(j, 'master'), labelOf(j, 'loser'))),
  }));
}

export async function getMerge(db: Db, auth: AuthContext, id: string): Promise<MergeJob> {
  return inTenant(db, auth, async (tx) => {
    const j = await mergeJobTx(tx, id, { userId: auth.userId, scope: auth.scope });
    if (!j) throw dedupError('merge_not_found');
    return view(j, labelOf(j, 'master'), labelOf(j, 'loser'));
  });
}

/**
 * Undo a merge from its facts: refused when a later merge involves the records, or when the master's merged fields
 * were changed since (an undo would overwrite a person's edit). The master's values go back, every moved id moves
 * back through its owner, the duplicate is a record of its own again.
 */
export async function undoMerge(db: Db, auth: AuthContext, id: string): Promise<MergeJob> {
  return inTenant(db, auth, async (tx) => {
    const j = await mergeJobTx(tx, id, { userId: auth.userId, scope: auth.scope }, { lock: true });
    if (!j) throw dedupError('merge_not_found');
    if (j.status === 'undone') throw dedupError('already_undone');
    const latest = await latestMergeOfTx(tx, [j.master_id, j.loser_id]);
    if (latest && latest.id !== j.id) throw dedupError('not_latest');
    const object = j.object;
    // lock both again, in id order (the duplicate is merged: load() would refuse it, so lock directly)
    for (const rid of [j.master_id, j.loser_id].sort()) {
      if (object === 'customer') await lockCustomer(tx, rid);
    }
    const current: Values = object === 'customer' ? pick((await customerForMergeTx(tx, j.master_id)) as unknown as Values, MERGE_FIELDS.customer)
      : object === 'contact' ? (await contactForMergeTx(tx, j.master_id))!.values : pick((await getLeadTx(tx, j.master_id)) as unknown as Values, MERGE_FIELDS.lead);
    const mergedFields = changed(j.master_before, j.master_after);
    if (Object.keys(mergedFields).some((f) => JSON.stringify(current[f] ?? null) !== JSON.stringify(j.master_after[f] ?? null))) throw dedupError('changed_since');
    const restore = Object.fromEntries(Object.keys(mergedFields).map((f) => [f, j.master_before[f] ?? null]));
    for (const mover of MOVERS[object]) await mover.move(tx, auth, j.master_id, j.loser_id, j.moved);
    if (object === 'customer') {
      if (Object.keys(restore).length) await setCustomerMergeValuesTx(tx, auth, j.master_id, restore);
      await unmergeCustomerTx(tx, auth, j.loser_id, j.master_id, {
        contacts: j.moved['contacts.customer_id'] ?? [], followups: j.moved['followups.customer_id'] ?? [], subsidiaries: j.moved['customers.parent_id'] ?? [],
      }, (j.loser_before.creditCode as string | null) ?? null);
      await dropCustomerRfmTx(tx, auth, { from: j.loser_id, to: j.master_id });
    } else if (object === 'contact') {
      await unmergeContactTx(tx, auth, j.loser_id, j.master_id, { followups: j.moved['followups.contact_id'] ?? [] });
      if (Object.keys(restore).length) await setContactMergeValuesTx(tx, auth, j.master_id, restore);
    } else {
      await unmarkLeadMergedTx(tx, auth, j.loser_id);
      if (Object.keys(restore).length) await updateLeadFieldsTx(tx, auth, j.master_id, restore);
      await scoreLeadTx(tx, j.master_id);
      await scoreLeadTx(tx, j.loser_id);
    }
    await markMergeUndoneTx(tx, auth, j.id);
    await recordAudit(tx, auth, { action: 'undo', entityType: 'merge_job', entityId: j.id, changes: [{ field: 'status', before: 'merged', after: 'undone' }] });
    const after = (await mergeJobTx(tx, j.id, null))!;
    return view(after, labelOf(after, 'master'), labelOf(after, 'loser'));
  });
}
