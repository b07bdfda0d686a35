// Customer queries only; rules live in customers.service.ts. Hot list path is hand-written SQL.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import type { CustomersTable, PoolEventsTable } from '../../platform/schema.js';
import type { SearchTerm } from './search-keys.js';
import { BROAD_TERM_MATCHES, searchHeadIds, searchMatchIds, searchPredicate } from './search.sql.js';

export interface CustomerRow {
  id: string; number: string; name: string; credit_code: string | null; industry: string | null; region: string | null;
  grade: string | null; source: string; phone: string | null; address: string | null; website: string | null;
  remark: string | null; owner_id: string | null; owner_name: string | null; parent_id: string | null;
  parent_name: string | null; pool_entered_at: string | null; last_followup_at: string | null; owner_since: string;
  version: number; created_at: string; updated_at: string;
}

export const customerSelect = sql`c.id, c.number, c.name, c.credit_code, c.industry, c.region, c.grade, c.source,
  c.phone, c.address, c.website, c.remark, c.owner_id, o.name as owner_name, c.parent_id, p.name as parent_name,
  c.pool_entered_at, c.last_followup_at, c.owner_since, c.version, c.created_at, c.updated_at`;
export const customerFrom = sql`customers c left join users o on o.id = c.owner_id left join customers p on p.id = c.parent_id`;

/** The data-scope predicate: the rows an 'own' / 'team' / 'all' user may see. */
export function scopePredicate(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  // 'own' is the user alone; said plainly, the planner can use the (tenant, owner, …) index instead of a semi-join
  if (scope === 'own') return sql`c.owner_id = ${userId}::uuid`;
  return sql`c.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope}))`;
}

/** The list's sort keys as expressions (the keyset cursor compares the same expression). */
export const SORT_EXPR = {
  name: sql`c.name`,
  createdAt: sql`c.created_at`,
  lastFollowUpAt: sql`coalesce(c.last_followup_at, 'epoch'::timestamptz)`,
  number: sql`c.number`,
} as const;
export type CustomerSortKey = keyof typeof SORT_EXPR;

export interface CustomerListWhere {
  poolOnly: boolean; userId: string; scope: DataScope;
  search?: SearchTerm | undefined; industry?: string | undefined; region?: string | undefined; grade?: string | undefined;
  source?: string | undefined; ownerId?: string | undefined;
}

/** The list's conditions: the pool or the caller's scope, then each filter given. */
export function listWhere(f: CustomerListWhere): RawBuilder<unknown>[] {
  // a customer merged into another (flows/merge) stays for its history, out of every list
  const where = [f.poolOnly ? sql`c.owner_id is null` : scopePredicate(f.userId, f.scope), sql`c.merged_into_id is null`];
  if (f.search) where.push(searchPredicate(f.search));
  if (f.industry) where.push(sql`c.industry = ${f.industry}`);
  if (f.region) where.push(sql`c.region = ${f.region}`);
  if (f.grade) where.push(sql`c.grade = ${f.grade}`);
  if (f.source) where.push(sql`c.source = ${f.source}`);
  if (f.ownerId) where.push(sql`c.owner_id = ${f.ownerId}`);
  return where;
}

/** Serialise creators of one tenant around the duplicate check (create and import). */
export async function lockCreation(tx: Tx, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${tenantId + ':customers:create'}))`.execute(tx);
}

export interface ListFilter {
  where: RawBuilder<unknown>[];
  orderExpr: RawBuilder<unknown>;
  desc: boolean;
  after: [unknown, string] | null;
  limit: number;
  /** A search: rows sort by this rank first (search.sql.ts searchRank, 0 exact · 1 prefix · 2 contains), ascending. */
  rank?: { expr: RawBuilder<number>; term: SearchTerm; after: number | null;
    /** true: the term is known broad (search-broad.ts), the count is skipped; null: the statement counts. */
    knownBroad: true | null } | undefined;
}

/** A LIMIT written into a statement's text: a positive integer (the page size is validated before it comes here). */
function rowLimit(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a row limit: ${n}`);
  return n;
}

export async function listCustomers(tx: Tx, f: ListFilter): Promise<Array<CustomerRow & { sort_key: unknown; search_rank: number | null; search_broad?: boolean }>> {
  const where = [...f.where];
  // the cursor's condition for the rows walked in sort order (a broad search's tail), when it can be a range
  let tailWhere = where;
  if (f.after) {
    const past = f.desc ? sql`(${f.orderExpr}, c.id) < (${f.after[0]}, ${f.after[1]}::uuid)` : sql`(${f.orderExpr}, c.id) > (${f.after[0]}, ${f.after[1]}::uuid)`;
    // ranked: a later rank, or the same rank and past the sort key (the rank ascends whatever the sort's direction)
    where.push(f.rank && f.rank.after !== null ? sql`(${f.rank.expr} > ${f.rank.after}::int or (${f.rank.expr} = ${f.rank.after}::int and ${past}))` : past);
    // past the last rank (2) only the sort key counts, and the index range can start at the cursor
    if (f.rank && f.rank.after === 2) tailWhere = [...where.slice(0, -1), sql`${f.rank.expr} = 2`, past];
  }
  const dir = f.desc ? sql`desc` : sql`asc`;
  // The page size is written into the text, not sent as a parameter: a plan made for an unknown LIMIT assumes it keeps
  // a tenth of the rows, which makes the generic plan of a named statement (platform/prepared.ts) look many times
  // costlier than the custom ones, so PostgreSQL kept planning the list on every call: server CPU per statement at
  // 100k customers 0.81 → 0.27 ms for the grade list, 2.4 → 1.3 ms for a pinyin search (docs/benchmarks.md).
  // A handful of page sizes are used, so a handful of texts. Served by GET, the list is now planned per call anyway
  // (platform/auth.ts plansPerCall: a generic plan made for the average owner walks the sort index for a rare one);
  // the literals keep a generic plan sound should the route ever be checked and opted in (`genericPlans`).
  const pageLimit = sql.lit(rowLimit(f.limit + 1));
  // The sort key as text for the cursor: a timestamp parsed to a JS ISO string loses its microseconds, and the next page
  // would repeat (or skip) rows of the same millisecond.
  if (f.rank) {
    // Where the matches come from depends on how many there are (migration 034), decided inside the statement: the
    // decision is computed once (a CTE), and each branch runs only when its one-time filter holds.
    // - narrow (≤ BROAD_TERM_MATCHES in the tenant): every match, from the gram index, ranked; the page cut after.
    // - broad: the rows that may rank first (prefix indexes), and the first page of matches along the sort index —
    //   a broad term matches every few rows, so the walk is short. Both give the same rows in the same order.
    // The decision is the caller's when it knows the term is broad (search-broad.ts): coalesce() never evaluates the
    // count then, and `matches` is never read. Otherwise the matches are counted (to the cap) and the outcome comes
    // back in search_broad — for the service to remember, never for the client (it is a tenant-wide figure).
    // Only the page's rows then get their owner and parent names.
    // The decision and the cap are in the text, not parameters, for the reason given for the page size: with them the
    // generic plan of the named statement would cost what the custom ones do (a known-broad term gets its own text, in
    // which the narrow branch is planned away); under a GET the statement is planned per call, as said above.
    const t = f.rank.term;
    const cols = sql`c.id, ${f.orderExpr} as sort_value, ${f.orderExpr}::text as sort_key, ${f.rank.expr} as search_rank`;
    const cond = sql.join(where, sql` and `);
    const isBroad = sql`(select broad from decision)`;
    const r = await sql<CustomerRow & { sort_key: unknown; search_rank: number; search_broad: boolean }>`with matches as materialized (select ${searchMatchIds(t)} as id),
      decision as (select coalesce(${f.rank.knownBroad ? sql`true` : sql`null::boolean`}, (select count(*) from matches) > ${sql.lit(BROAD_TERM_MATCHES)}) as broad),
      hits as (
        select ${cols} from customers c
          where not ${isBroad} and c.id in (select id from matches) and ${cond}
        union
        select ${cols} from customers c
          where ${isBroad} and c.id in (select ${searchHeadIds(t)}) and ${cond}
        union
        (select ${cols} from customers c
          where ${isBroad} and ${sql.join(tailWhere, sql` and `)}
          order by sort_value ${dir}, c.id ${dir} limit ${pageLimit}))
      select ${customerSelect}, s.sort_key, s.search_rank, ${isBroad} as search_broad
      from (select * from hits order by search_rank, sort_value ${dir}, id ${dir} limit ${pageLimit}) s
      join customers c on c.id = s.id left join users o on o.id = c.owner_id left join customers p on p.id = c.parent_id
      order by s.search_rank, s.sort_value ${dir}, c.id ${dir}`.execute(tx);
    return r.rows;
  }
  const r = await sql<CustomerRow & { sort_key: unknown; search_rank: null }>`select ${customerSelect}, ${f.orderExpr}::text as sort_key,
    null::int as search_rank
    from ${customerFrom} where ${sql.join(where, sql` and `)}
    order by ${f.orderExpr} ${dir}, c.id ${dir} limit ${pageLimit}`.execute(tx);
  return r.rows;
}

export async function findCustomer(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}): Promise<CustomerRow | undefined> {
  // FOR UPDATE OF c: lock only the customer row, not the joined owner or parent.
  const r = await sql<CustomerRow>`select ${customerSelect} from ${customerFrom} where c.id = ${id}
    ${opts.forUpdate ? sql`for update of c` : sql``}`.execute(tx);
  return r.rows[0];
}

export async function isVisible(tx: Tx, id: string, userId: string, scope: DataScope): Promise<boolean> {
  const r = await sql`select 1 from customers c where c.id = ${id} and (c.owner_id is null or ${scopePredicate(userId, scope)})`.execute(tx);
  return r.rows.length > 0;
}

export interface DuplicateRow { id: string; number: string; name: string; credit_code: string | null; owner_id: string | null; owner_name: string | null; reason: string }

/** Customers that look like the same company; a null key or code is not looked for. */
export async function findDuplicates(tx: Tx, c: { creditCode: string | null; nameKey: string | null; phoneKey: string | null; excludeId?: string }): Promise<DuplicateRow[]> {
  // Similar name: same key, or one key contains the other (keys of 4+ characters, so "华为" does not match everything).
  const r = await sql<DuplicateRow>`
    with hits as (
      select id, 'credit_code' as reason, 1 as rank from customers where ${c.creditCode}::text is not null and credit_code = ${c.creditCode}
      union all
      select id, 'similar_name', 2 from customers where ${c.nameKey}::text is not null and (name_key = ${c.nameKey}
        or (length(${c.nameKey}) >= 4 and length(name_key) >= 4 and (name_key like '%' || ${c.nameKey} || '%' or ${c.nameKey} like '%' || name_key || '%')))
      union all
      select id, 'phone', 3 from customers where ${c.phoneKey}::text is not null and phone_key = ${c.phoneKey}
      union all
      select customer_id, 'phone', 3 from contacts where ${c.phoneKey}::text is not null and phone_key = ${c.phoneKey} and deleted_at is null
    ), best as (select distinct on (id) id, reason from hits order by id, rank)
    select c.id, c.number, c.name, c.credit_code, c.owner_id, o.name as owner_name, b.reason
    from best b join customers c on c.id = b.id left join users o on o.id = c.owner_id
    where ${c.excludeId ?? null}::uuid is null or c.id <> ${c.excludeId ?? null}::uuid
    order by b.reason, c.name limit 20`.execute(tx);
  return r.rows;
}

export interface CustomerWrite {
  name: string; nameKey: string; creditCode: string | null; industry: string | null; region: string | null;
  grade: CustomersTable['grade']; source: string; phone: string | null; phoneKey: string | null; address: string | null;
  website: string | null; remark: string | null; parentId: string | null;
  /** The name's pinyin and initials for the search (search-keys.ts), written with the name. */
  searchPinyin: string; searchInitials: string;
  /** The name's matching key for dedup (@l2c/shared normaliseCompanyName), written with the name. */
  companyKey: string;
}

export async function insertCustomer(tx: Tx, tenantId: string, number: string, ownerId: string | null, createdBy: string | null, w: CustomerWrite) {
  const r = await tx.insertInto('customers').values({
    tenant_id: tenantId, number, name: w.name, name_key: w.nameKey, credit_code: w.creditCode, industry: w.industry, region: w.region,
    grade: w.grade, source: w.source, phone: w.phone, phone_key: w.phoneKey, address: w.address, website: w.website, remark: w.remark,
    owner_id: ownerId, parent_id: w.parentId, pool_entered_at: ownerId ? null : sql<string>`now()`, created_by: createdBy,
    search_pinyin: w.searchPinyin, search_initials: w.searchInitials, company_key: w.companyKey,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCustomer(tx: Tx, id: string, w: CustomerWrite) {
  await tx.updateTable('customers').set((eb) => ({
    name: w.name, name_key: w.nameKey, credit_code: w.creditCode, industry: w.industry, region: w.region, grade: w.grade,
    source: w.source, phone: w.phone, phone_key: w.phoneKey, address: w.address, website: w.website, remark: w.remark,
    parent_id: w.parentId, search_pinyin: w.searchPinyin, search_initials: w.searchInitials, company_key: w.companyKey, version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export async function setOwner(tx: Tx, id: string, ownerId: string | null) {
  await tx.updateTable('customers').set((eb) => ({
    owner_id: ownerId, pool_entered_at: ownerId ? null : sql<string>`now()`, owner_since: sql`now()`, version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export type PoolEventKind = PoolEventsTable['kind'];

export async function insertPoolEvent(tx: Tx, e: { tenantId: string; customerId: string; kind: PoolEventKind; userId: string | null; reason: string | null }) {
  await tx.insertInto('pool_events').values({ tenant_id: e.tenantId, customer_id: e.customerId, kind: e.kind, user_id: e.userId, reason: e.reason }).execute();
}

export async function countClaimsSince(tx: Tx, userId: string, since: string): Promise<number> {
  const r = await tx.selectFrom('pool_events').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('kind', '=', 'claim').where('at', '>=', since).executeTakeFirstOrThrow();
  return r.n;
}

/** Is `candidate` an ancestor-or-self of `id` (would setting id.parent = candidate make a cycle)? */
export async function wouldCycle(tx: Tx, id: string, candidateParent: string): Promise<boolean> {
  const r = await sql`with recursive up as (
      select id, parent_id from customers where id = ${candidateParent}
      union select c.id, c.parent_id from customers c join up on c.id = up.parent_id
    ) select 1 from up where id = ${id} limit 1`.execute(tx);
  return r.rows.length > 0;
}

export async function userInScope(tx: Tx, targetUserId: string, userId: string, scope: DataScope): Promise<boolean> {
  const r = await sql`select 1 from users u where u.id = ${targetUserId} and u.active
    and u.id in (select visible_owner_ids(${userId}::uuid, ${scope}))`.execute(tx);
  return r.rows.length > 0;
}

/** Customers whose owner has not followed up for `days` days: candidates for automatic return to the pool. */
export async function staleOwnedCustomers(tx: Tx, days: number, limit: number): Promise<Array<{ id: string; owner_id: string; owner_name: string | null }>> {
  const r = await sql<{ id: string; owner_id: string; owner_name: string | null }>`
    select c.id, c.owner_id, o.name as owner_name from customers c left join users o on o.id = c.owner_id
    where c.owner_id is not null
      and greatest(coalesce(c.last_followup_at, c.owner_since), c.owner_since) < now() - make_interval(days => ${days})
    order by c.id limit ${limit} for update of c skip locked`.execute(tx);
  return r.rows;
}

export interface Existing { number: string; credit_code: string | null; name_key: string }

/** Existing customers of the tenant (any owner, the pool too) with one of these credit codes or name keys. */
export async function findExisting(tx: Tx, creditCodes: string[], nameKeys: string[]): Promise<Existing[]> {
  if (creditCodes.length === 0 && nameKeys.length === 0) return [];
  const r = await sql<Existing>`select number, credit_code, name_key from customers
    where credit_code = any(${creditCodes}::text[]) or name_key = any(${nameKeys}::text[])`.execute(tx);
  return r.rows;
}

/** The tenant's pool rules as stored (settings.pool), or undefined when none are set. */
export async function tenantPoolSettings(tx: Tx): Promise<Partial<{ reclaimDays: number; claimDailyCap: number }> | undefined> {
  const r = await sql<{ settings: { pool?: Partial<{ reclaimDays: number; claimDailyCap: number }> } }>`select settings from tenants where id = app_tenant_id()`.execute(tx);
  return r.rows[0]?.settings.pool;
}

/** Lock the claimer's user row so one rep's parallel claims count each other. */
export async function lockClaimer(tx: Tx, userId: string): Promise<void> {
  await tx.selectFrom('users').select(sql`1`.as('one')).where('id', '=', userId).forUpdate().execute();
}
