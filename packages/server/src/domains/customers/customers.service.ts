// Customer rules: data scope, duplicate check, optimistic versions, ownership changes with the public pool.
import { can, normaliseCompanyName, type Customer, type CustomerInput, type CustomerListQuery } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit, diffRecords } from '../../platform/audit.js';
import { emitEvent } from '../../platform/outbox.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { commonError } from '../../platform/errors.js';
import { todayFor } from '../../platform/clock.js';
import { customerError } from './customers.errors.js';
import { nameKey, phoneKey } from './name-key.js';
import { searchKeys, searchTerm } from './search-keys.js';
import { searchRank } from './search.sql.js';
import { knownBroad, rememberBroad } from './search-broad.js';
import * as q from './customers.sql.js';

export function toCustomer(r: q.CustomerRow): Customer {
  return {
    id: r.id, number: r.number, name: r.name, creditCode: r.credit_code, industry: r.industry, region: r.region,
    grade: r.grade, source: r.source, phone: r.phone, address: r.address, website: r.website, remark: r.remark,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    parent: r.parent_id ? { id: r.parent_id, name: r.parent_name ?? '' } : null,
    inPool: r.owner_id === null, poolEnteredAt: r.pool_entered_at, lastFollowUpAt: r.last_followup_at,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** The audited view of a customer: the fields a person changes, with owner as an id. */
function auditView(c: Customer): Record<string, unknown> {
  const { owner, parent, version: _v, createdAt: _c, updatedAt: _u, lastFollowUpAt: _l, poolEnteredAt: _p, inPool: _i, ...rest } = c;
  return { ...rest, ownerId: owner?.id ?? null, ownerName: owner?.name ?? null, parentId: parent?.id ?? null };
}

const SORT_KIND: Record<q.CustomerSortKey, 'text' | 'instant'> = { name: 'text', createdAt: 'instant', lastFollowUpAt: 'instant', number: 'text' } as const;

export interface ListOptions { poolOnly?: boolean }

/**
 * A page of the customers the caller may see. With `q`, a search (search-keys.ts, migration 019): rows whose name,
 * pinyin, initials, number, phone or credit code contain the term, exact matches first, then prefixes, then the rest,
 * each group in the requested sort; the cursor then carries the rank too.
 */
export async function listCustomers(db: Db, auth: AuthContext, query: CustomerListQuery, opts: ListOptions = {}) {
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as q.CustomerSortKey;
  const search = query.q ? searchTerm(query.q) : undefined;
  const where = q.listWhere({ ...query, search, poolOnly: opts.poolOnly ?? false, userId: auth.userId, scope: auth.scope });
  const kinds = search ? (['int', SORT_KIND[key], 'uuid'] as const) : ([SORT_KIND[key], 'uuid'] as const);
  const cursor = decodeCursor(query.cursor, kinds);
  const after = cursor ? (cursor.slice(-2) as [unknown, string]) : null;
  const rank = search
    ? { expr: searchRank(search), term: search, after: cursor ? (cursor[0] as number) : null, knownBroad: knownBroad(auth.tenantId, search) }
    : undefined;
  const rows = await inTenant(db, auth, (tx) =>
    q.listCustomers(tx, { where, orderExpr: q.SORT_EXPR[key], desc, after, limit: query.limit, rank }));
  // a counted term's outcome (tenant-wide: it chooses the plan of later pages and searches, and goes no further);
  // an empty page says nothing, and the term is simply counted again next time
  if (search && rank?.knownBroad === null && rows[0]?.search_broad !== undefined) rememberBroad(auth.tenantId, search, rows[0].search_broad);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const position = (r: typeof last & object) => (search ? [r.search_rank, r.sort_key, r.id] : [r.sort_key, r.id]);
  return {
    items: page.map(toCustomer),
    nextCursor: rows.length > query.limit && last ? encodeCursor(position(last)) : null,
  };
}

/**
 * Load a customer the caller may see (its owner is in their scope, or it is in the pool), else 404 — `notFound` when
 * the id the caller sent named something else (a contact's customer must answer as a missing contact).
 */
export async function loadVisible(tx: Tx, auth: AuthContext, id: string, forUpdate = false, notFound: 'not_found' | 'contact_not_found' = 'not_found'): Promise<q.CustomerRow> {
  if (!(await q.isVisible(tx, id, auth.userId, auth.scope))) throw customerError(notFound);
  const row = await q.findCustomer(tx, id, { forUpdate });
  if (!row) throw customerError(notFound);
  return row;
}

export async function getCustomer(db: Db, auth: AuthContext, id: string): Promise<Customer> {
  return inTenant(db, auth, async (tx) => toCustomer(await loadVisible(tx, auth, id)));
}

/** Can the caller see this customer? Used by the audit trail to let reps read their own customers' history. */
export async function canSeeCustomer(db: Db, auth: AuthContext, id: string): Promise<boolean> {
  return inTenant(db, auth, (tx) => q.isVisible(tx, id, auth.userId, auth.scope));
}

export function toWrite(input: CustomerInput): q.CustomerWrite {
  const keys = searchKeys(input.name);
  return {
    name: input.name, nameKey: nameKey(input.name), creditCode: input.creditCode, industry: input.industry,
    region: input.region, grade: input.grade, source: input.source, phone: input.phone, phoneKey: phoneKey(input.phone),
    address: input.address, website: input.website, remark: input.remark, parentId: input.parentId,
    searchPinyin: keys.pinyin, searchInitials: keys.initials, companyKey: normaliseCompanyName(input.name),
  };
}

async function checkParent(tx: Tx, auth: AuthContext, id: string | null, parentId: string | null) {
  if (!parentId) return;
  if (parentId === id || !(await q.isVisible(tx, parentId, auth.userId, auth.scope))) throw customerError('parent_invalid', undefined, { errors: [{ path: 'parentId', message: 'not a customer you can see' }] });
  if (id && (await q.wouldCycle(tx, id, parentId))) throw customerError('parent_invalid', undefined, { errors: [{ path: 'parentId', message: 'would make a cycle' }] });
}

async function resolveOwner(tx: Tx, auth: AuthContext, requested: string | null | undefined): Promise<string> {
  if (!requested || requested === auth.userId) return auth.userId;
  if (!can(auth.role, 'customers', 'assign') || !(await q.userInScope(tx, requested, auth.userId, auth.scope))) {
    throw customerError('owner_not_found', undefined, { errors: [{ path: 'ownerId', message: 'not a user you may assign to' }] });
  }
  return requested;
}

export async function createCustomer(db: Db, auth: AuthContext, input: CustomerInput & { allowDuplicate: boolean }, opts: { now?: Date } = {}) {
  return inTenant(db, auth, (tx) => createCustomerTx(tx, auth, input, opts));
}

/** createCustomer inside the caller's transaction (flows/lead-conversion: customer + contact + opportunity at once). */
export async function createCustomerTx(tx: Tx, auth: AuthContext, input: CustomerInput & { allowDuplicate: boolean }, opts: { now?: Date } = {}): Promise<Customer> {
  const write = toWrite(input);
  await createChecks(tx, auth, write, input.allowDuplicate);
  const ownerId = await resolveOwner(tx, auth, input.ownerId);
  const number = await nextDocNumber(tx, auth, 'KH', todayFor(auth, opts.now));
  const id = await q.insertCustomer(tx, auth.tenantId, number, ownerId, auth.userId, write);
  const created = toCustomer((await q.findCustomer(tx, id))!);
  await recordAudit(tx, auth, { action: 'create', entityType: 'customer', entityId: id, before: null, after: auditView(created) });
  await emitEvent(tx, auth, { type: 'customer.created', entityType: 'customer', entityId: id, data: { id, number: created.number, name: created.name, ownerId: ownerId } });
  return created;
}


/** Serialise creators of one tenant around the duplicate check, so two people cannot both pass it with the same company. */
export async function lockCustomerCreation(tx: Tx, auth: AuthContext) {
  await q.lockCreation(tx, auth.tenantId);
}

/** Duplicate check on create: a matching credit code is always refused; similar names or phones can be overridden. */
export async function createChecks(tx: Tx, auth: AuthContext, write: q.CustomerWrite, allowDuplicate: boolean) {
  await lockCustomerCreation(tx, auth);
  const dups = await q.findDuplicates(tx, { creditCode: write.creditCode, nameKey: write.nameKey, phoneKey: write.phoneKey });
  const candidates = dups.map((d) => ({
    id: d.id, number: d.number, name: d.name, creditCode: d.credit_code, reason: d.reason,
    owner: d.owner_id ? { id: d.owner_id, name: d.owner_name ?? '' } : null,
  }));
  if (candidates.some((c) => c.reason === 'credit_code')) {
    throw customerError('duplicate_credit_code', undefined, { candidates, errors: [{ path: 'creditCode', message: 'already used by another customer' }] });
  }
  if (candidates.length > 0 && !allowDuplicate) throw customerError('duplicate', undefined, { candidates });
  await checkParent(tx, auth, null, write.parentId);
}

export async function updateCustomer(db: Db, auth: AuthContext, id: string, patch: Partial<CustomerInput> & { version: number }) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.owner_id === null) throw customerError('in_pool');
    if (row.version !== patch.version) throw commonError('version_conflict');
    const before = toCustomer(row);
    const merged: CustomerInput = {
      name: patch.name ?? row.name, creditCode: patch.creditCode !== undefined ? patch.creditCode : row.credit_code,
      industry: (patch.industry !== undefined ? patch.industry : row.industry) as CustomerInput['industry'],
      region: patch.region !== undefined ? patch.region : row.region,
      grade: (patch.grade !== undefined ? patch.grade : row.grade) as CustomerInput['grade'],
      source: (patch.source ?? row.source) as CustomerInput['source'],
      phone: patch.phone !== undefined ? patch.phone : row.phone, address: patch.address !== undefined ? patch.address : row.address,
      website: patch.website !== undefined ? patch.website : row.website, remark: patch.remark !== undefined ? patch.remark : row.remark,
      parentId: patch.parentId !== undefined ? patch.parentId : row.parent_id, ownerId: undefined,
    };
    const write = toWrite(merged);
    if (write.creditCode && write.creditCode !== row.credit_code) {
      // Only the credit code: a NUL name key as "match nothing" was a database error (PostgreSQL text holds no NUL).
      const dups = await q.findDuplicates(tx, { creditCode: write.creditCode, nameKey: null, phoneKey: null, excludeId: id });
      if (dups.some((d) => d.reason === 'credit_code')) {
        throw customerError('duplicate_credit_code', undefined, { errors: [{ path: 'creditCode', message: 'already used by another customer' }] });
      }
    }
    if (write.parentId !== row.parent_id) await checkParent(tx, auth, id, write.parentId);
    await q.updateCustomer(tx, id, write);
    const after = toCustomer((await q.findCustomer(tx, id))!);
    await recordAudit(tx, auth, { action: 'update', entityType: 'customer', entityId: id, before: auditView(before), after: auditView(after) });
    await emitEvent(tx, auth, { type: 'customer.updated', entityType: 'customer', entityId: id, data: { id, number: after.number, name: after.name, changed: diffRecords(auditView(before), auditView(after)).map((c) => c.field) } });
    return after;
  });
}

export { auditView };
