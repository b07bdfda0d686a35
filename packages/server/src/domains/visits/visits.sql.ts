// Visit statements: the visit with its names, check-in/out, the customer's location. Data scope follows the owner.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export function visitScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`v.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope}))`;
}

export interface VisitRow {
  id: string; owner_id: string; owner_name: string; customer_id: string; customer_name: string; customer_address: string | null;
  customer_owner_id: string | null; contact_id: string | null; contact_name: string | null; opportunity_id: string | null; opportunity_name: string | null;
  planned_on: string; purpose: string; status: 'planned' | 'checked_in' | 'completed' | 'cancelled';
  checkin_at: string | null; checkin_lat: string | null; checkin_lng: string | null; checkin_source: string | null; checkin_distance_m: number | null;
  checkout_at: string | null; checkout_lat: string | null; checkout_lng: string | null; checkout_distance_m: number | null;
  record: Record<string, unknown> | null; followup_id: string | null; loc_lat: string | null; loc_lng: string | null; version: number; created_at: string;
}

const SELECT = sql`select v.id, v.owner_id, u.name as owner_name, v.customer_id, c.name as customer_name, c.address as customer_address,
    c.owner_id as customer_owner_id, v.contact_id, ct.name as contact_name, v.opportunity_id, o.name as opportunity_name, v.planned_on, v.purpose,
    v.status, v.checkin_at, v.checkin_lat, v.checkin_lng, v.checkin_source, v.checkin_distance_m, v.checkout_at, v.checkout_lat, v.checkout_lng,
    v.checkout_distance_m, v.record, v.followup_id, l.lat as loc_lat, l.lng as loc_lng, v.version, v.created_at
  from visits v join users u on u.id = v.owner_id join customers c on c.id = v.customer_id
  left join contacts ct on ct.id = v.contact_id left join opportunities o on o.id = v.opportunity_id
  left join customer_locations l on l.customer_id = v.customer_id`;

export async function findVisit(tx: Tx, id: string, scope: RawBuilder<unknown>, forUpdate = false): Promise<VisitRow | undefined> {
  const r = await sql<VisitRow>`${SELECT} where v.id = ${id} and ${scope} ${forUpdate ? sql`for update of v` : sql``}`.execute(tx);
  return r.rows[0];
}

/** A page ordered by planned day then creation; keyset on (planned_on, created_at, id). */
export async function listVisits(tx: Tx, where: RawBuilder<unknown>[], after: [string, string, string] | null, limit: number): Promise<VisitRow[]> {
  const conds = [...where];
  if (after) conds.push(sql`(v.planned_on, v.created_at, v.id) > (${after[0]}::date, ${after[1]}::timestamptz, ${after[2]}::uuid)`);
  const r = await sql<VisitRow>`${SELECT} where ${sql.join(conds, sql` and `)} order by v.planned_on, v.created_at, v.id limit ${limit + 1}`.execute(tx);
  return r.rows;
}

export function listWhere(q: { from?: string | undefined; to?: string | undefined; ownerId?: string | undefined; customerId?: string | undefined; status?: string | undefined }): RawBuilder<unknown>[] {
  const w: RawBuilder<unknown>[] = [];
  if (q.from) w.push(sql`v.planned_on >= ${q.from}::date`);
  if (q.to) w.push(sql`v.planned_on <= ${q.to}::date`);
  if (q.ownerId) w.push(sql`v.owner_id = ${q.ownerId}`);
  if (q.customerId) w.push(sql`v.customer_id = ${q.customerId}`);
  if (q.status) w.push(sql`v.status = ${q.status}`);
  return w;
}

export async function insertVisit(tx: Tx, tenantId: string, v: { ownerId: string; customerId: string; contactId: string | null; opportunityId: string | null; plannedOn: string; purpose: string; createdBy: string }): Promise<string> {
  const r = await tx.insertInto('visits').values({
    tenant_id: tenantId, owner_id: v.ownerId, customer_id: v.customerId, contact_id: v.contactId, opportunity_id: v.opportunityId,
    planned_on: v.plannedOn, purpose: v.purpose, created_by: v.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function checkIn(tx: Tx, id: string, p: { lat: number; lng: number; source: 'gps' | 'manual'; distanceM: number | null }) {
  await tx.updateTable('visits').set({
    status: 'checked_in', checkin_at: sql`now()`, checkin_lat: String(p.lat), checkin_lng: String(p.lng), checkin_source: p.source,
    checkin_distance_m: p.distanceM, version: sql`version + 1`, updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

export async function checkOut(tx: Tx, id: string, p: { lat: number | null; lng: number | null; distanceM: number | null; record: unknown; followupId: string | null }) {
  await tx.updateTable('visits').set({
    status: 'completed', checkout_at: sql`now()`, checkout_lat: p.lat === null ? null : String(p.lat), checkout_lng: p.lng === null ? null : String(p.lng),
    checkout_distance_m: p.distanceM, record: JSON.stringify(p.record), followup_id: p.followupId, version: sql`version + 1`, updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

export async function cancelVisit(tx: Tx, id: string) {
  await tx.updateTable('visits').set({ status: 'cancelled', version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** The customer if the caller may visit it: owned by someone in her scope (not in the public pool). */
export async function customerFor(tx: Tx, id: string, userId: string, scope: DataScope) {
  const visible = scope === 'all' ? sql`c.owner_id is not null` : sql`c.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope}))`;
  const r = await sql<{ id: string; name: string; owner_id: string | null }>`select c.id, c.name, c.owner_id from customers c where c.id = ${id} and ${visible}`.execute(tx);
  return r.rows[0];
}

export async function contactOfCustomer(tx: Tx, contactId: string, customerId: string): Promise<boolean> {
  const r = await sql`select 1 from contacts where id = ${contactId} and customer_id = ${customerId} and deleted_at is null`.execute(tx);
  return r.rows.length > 0;
}

export async function opportunityOfCustomer(tx: Tx, opportunityId: string, customerId: string): Promise<boolean> {
  const r = await sql`select 1 from opportunities where id = ${opportunityId} and customer_id = ${customerId}`.execute(tx);
  return r.rows.length > 0;
}

export async function locationOf(tx: Tx, customerId: string) {
  return tx.selectFrom('customer_locations').select(['customer_id', 'lat', 'lng', 'source', 'updated_at']).where('customer_id', '=', customerId).executeTakeFirst();
}

export async function upsertLocation(tx: Tx, tenantId: string, customerId: string, p: { lat: number; lng: number; source: 'manual' | 'geocode' | 'checkin'; by: string | null }) {
  await sql`insert into customer_locations (tenant_id, customer_id, lat, lng, source, updated_by) values (${tenantId}, ${customerId}, ${p.lat}, ${p.lng}, ${p.source}, ${p.by})
    on conflict (tenant_id, customer_id) do update set lat = excluded.lat, lng = excluded.lng, source = excluded.source, updated_by = excluded.updated_by, updated_at = now()`.execute(tx);
}

/** Where a merged customer's or contact's visits move (flows/merge); the ids moved. */
export async function moveRefs(tx: Tx, kind: 'customer' | 'contact', from: string, to: string, ids: string[] | null): Promise<string[]> {
  const col = kind === 'customer' ? sql.ref('customer_id') : sql.ref('contact_id');
  const r = await sql<{ id: string }>`update visits set ${col} = ${to}, version = version + 1, updated_at = now()
    where ${col} = ${from} ${ids ? sql`and id = any(${ids}::uuid[])` : sql``} returning id`.execute(tx);
  return r.rows.map((x) => x.id).sort();
}

/** Move a customer's location to another customer that has none (or exactly `ids`, for an undo). */
export async function moveLocation(tx: Tx, from: string, to: string, ids: string[] | null): Promise<string[]> {
  const r = await sql<{ id: string }>`update customer_locations l set customer_id = ${to}, updated_at = now()
    where l.customer_id = ${from} ${ids ? sql`and l.id = any(${ids}::uuid[])` : sql`and not exists (select 1 from customer_locations m where m.tenant_id = l.tenant_id and m.customer_id = ${to})`}
    returning l.id`.execute(tx);
  return r.rows.map((x) => x.id).sort();
}
