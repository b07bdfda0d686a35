// Visits: a rep plans a visit to one of her customers, checks in on arrival and out on leaving — each with where she
// was and when, and how far that was from the customer's location (haversine, geo.ts) — and writes the visit record.
// Checking out records the visit as the customer's follow-up (kind visit) with its next step and date: the follow-up
// task lives where the customer's other follow-ups do (the sales home page lists the due ones).
// Where a customer is: set by hand (PUT /customer-locations/{id}); without one, the first GPS check-in sets it
// (source checkin) and that visit's distance stays empty — there was nothing to measure against.
import type { z } from 'zod';
import type { CustomerLocationInput, Visit, VisitCheckIn, VisitCheckOut, VisitCreate, VisitListQuery } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit, recordAudits } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { createFollowUpTx } from '../customers/index.js';
import { visitError } from './visits.errors.js';
import { haversineMetres } from './geo.js';
import * as q from './visits.sql.js';

const scopeOf = (auth: AuthContext) => q.visitScope(auth.userId, auth.scope);

function minutesBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  return Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60000);
}

export function toVisit(r: q.VisitRow): Visit {
  const rec = r.record as Record<string, string | null> | null;
  return {
    id: r.id, owner: { id: r.owner_id, name: r.owner_name }, customer: { id: r.customer_id, name: r.customer_name, address: r.customer_address },
    contact: r.contact_id ? { id: r.contact_id, name: r.contact_name ?? '' } : null,
    opportunity: r.opportunity_id ? { id: r.opportunity_id, name: r.opportunity_name ?? '' } : null,
    plannedOn: r.planned_on, purpose: r.purpose, status: r.status,
    checkIn: r.checkin_at ? { at: r.checkin_at, lat: r.checkin_lat, lng: r.checkin_lng, source: r.checkin_source, distanceM: r.checkin_distance_m } : null,
    checkOut: r.checkout_at ? { at: r.checkout_at, lat: r.checkout_lat, lng: r.checkout_lng, source: null, distanceM: r.checkout_distance_m } : null,
    durationMinutes: minutesBetween(r.checkin_at, r.checkout_at),
    record: rec ? {
      attendees: rec.attendees ?? null, discussed: rec.discussed ?? '', outcome: (rec.outcome ?? 'neutral') as 'positive' | 'neutral' | 'negative',
      customerNeeds: rec.customerNeeds ?? null, competitorInfo: rec.competitorInfo ?? null, nextSteps: rec.nextSteps ?? null,
    } : null,
    followupId: r.followup_id, customerLocation: r.loc_lat && r.loc_lng ? { lat: r.loc_lat, lng: r.loc_lng } : null,
    version: r.version, createdAt: r.created_at,
  };
}

async function loadVisible(tx: Tx, auth: AuthContext, id: string, forUpdate = false) {
  const r = await q.findVisit(tx, id, scopeOf(auth), forUpdate);
  if (!r) throw visitError('not_found');
  return r;
}

const auditOf = (r: q.VisitRow) => ({
  status: r.status, customerId: r.customer_id, plannedOn: r.planned_on, ownerId: r.owner_id, checkinAt: r.checkin_at, checkinDistanceM: r.checkin_distance_m,
  checkoutAt: r.checkout_at, checkoutDistanceM: r.checkout_distance_m,
});

export async function createVisit(db: Db, auth: AuthContext, input: VisitCreate): Promise<Visit> {
  return inTenant(db, auth, async (tx) => {
    if (!(await q.customerFor(tx, input.customerId, auth.userId, auth.scope))) {
      throw visitError('customer_not_found', undefined, { errors: [{ path: 'customerId', message: 'no such customer in your scope' }] });
    }
    if (input.contactId && !(await q.contactOfCustomer(tx, input.contactId, input.customerId))) {
      throw visitError('contact_not_found', undefined, { errors: [{ path: 'contactId', message: 'not a contact of this customer' }] });
    }
    if (input.opportunityId && !(await q.opportunityOfCustomer(tx, input.opportunityId, input.customerId))) {
      throw visitError('opportunity_not_found', undefined, { errors: [{ path: 'opportunityId', message: 'not an opportunity of this customer' }] });
    }
    const id = await q.insertVisit(tx, auth.tenantId, { ...input, ownerId: auth.userId, createdBy: auth.userId });
    const row = (await q.findVisit(tx, id, scopeOf(auth)))!;
    await recordAudit(tx, auth, { action: 'create', entityType: 'visit', entityId: id, before: null, after: auditOf(row) });
    return toVisit(row);
  });
}

export async function getVisit(db: Db, auth: AuthContext, id: string): Promise<Visit> {
  return inTenant(db, auth, async (tx) => toVisit(await loadVisible(tx, auth, id)));
}

export async function listVisits(db: Db, auth: AuthContext, query: z.infer<typeof VisitListQuery>) {
  return inTenant(db, auth, async (tx) => {
    const after = decodeCursor(query.cursor, ['date', 'instant', 'uuid']) as [string, string, string] | null;
    const rows = await q.listVisits(tx, [scopeOf(auth), ...q.listWhere(query)], after, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(toVisit), nextCursor: rows.length > query.limit && last ? encodeCursor([last.planned_on, last.created_at, last.id]) : null };
  });
}

function distanceTo(row: q.VisitRow, lat: number | null, lng: number | null): number | null {
  if (lat === null || lng === null || !row.loc_lat || !row.loc_lng) return null;
  return Math.round(haversineMetres(lat, lng, Number(row.loc_lat), Number(row.loc_lng)));
}

/** Only the visit's own rep checks in and out: it is her presence that is recorded. */
function ownVisit(auth: AuthContext, row: q.VisitRow, version: number) {
  if (row.owner_id !== auth.userId) throw commonError('forbidden', 'Only the rep who visits checks in and out');
  if (row.version !== version) throw commonError('version_conflict');
}

export async function checkIn(db: Db, auth: AuthContext, id: string, input: z.infer<typeof VisitCheckIn>): Promise<Visit> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    ownVisit(auth, row, input.version);
    if (row.status !== 'planned') throw visitError('bad_status');
    if (!row.loc_lat && input.source === 'gps') await q.upsertLocation(tx, auth.tenantId, row.customer_id, { lat: input.lat, lng: input.lng, source: 'checkin', by: auth.userId });
    await q.checkIn(tx, id, { lat: input.lat, lng: input.lng, source: input.source, distanceM: distanceTo(row, input.lat, input.lng) });
    const after = (await q.findVisit(tx, id, scopeOf(auth)))!;
    await recordAudit(tx, auth, { action: 'check_in', entityType: 'visit', entityId: id, before: auditOf(row), after: auditOf(after) });
    return toVisit(after);
  });
}

export async function checkOut(db: Db, auth: AuthContext, id: string, input: z.infer<typeof VisitCheckOut>): Promise<Visit> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    ownVisit(auth, row, input.version);
    if (row.status !== 'checked_in') throw visitError('bad_status');
    const rec = input.record;
    // the follow-up: the customer's record of contact, with the next step as its task (not for a customer back in the pool)
    let followupId: string | null = null;
    if (row.customer_owner_id !== null) {
      const content = [rec.discussed, rec.customerNeeds ? `需求 Needs: ${rec.customerNeeds}` : null, rec.competitorInfo ? `竞品 Competition: ${rec.competitorInfo}` : null]
        .filter(Boolean).join('\n');
      const f = await createFollowUpTx(tx, auth, row.customer_id, {
        kind: 'visit', content, contactId: row.contact_id, nextStep: rec.nextSteps, nextDate: input.nextDate,
      });
      followupId = f.id;
    }
    await q.checkOut(tx, id, { lat: input.lat, lng: input.lng, distanceM: distanceTo(row, input.lat, input.lng), record: rec, followupId });
    const after = (await q.findVisit(tx, id, scopeOf(auth)))!;
    await recordAudit(tx, auth, { action: 'check_out', entityType: 'visit', entityId: id, before: auditOf(row), after: auditOf(after) });
    return toVisit(after);
  });
}

export async function cancelVisit(db: Db, auth: AuthContext, id: string, version: number): Promise<Visit> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.version !== version) throw commonError('version_conflict');
    if (row.status !== 'planned' && row.status !== 'checked_in') throw visitError('bad_status');
    await q.cancelVisit(tx, id);
    const after = (await q.findVisit(tx, id, scopeOf(auth)))!;
    await recordAudit(tx, auth, { action: 'cancel', entityType: 'visit', entityId: id, before: auditOf(row), after: auditOf(after) });
    return toVisit(after);
  });
}

function toLocation(l: NonNullable<Awaited<ReturnType<typeof q.locationOf>>>) {
  return { customerId: l.customer_id, lat: l.lat, lng: l.lng, source: l.source, updatedAt: l.updated_at };
}

export async function getLocation(db: Db, auth: AuthContext, customerId: string) {
  return inTenant(db, auth, async (tx) => {
    if (!(await q.customerFor(tx, customerId, auth.userId, auth.scope))) throw commonError('not_found', 'Customer not found');
    const l = await q.locationOf(tx, customerId);
    if (!l) throw commonError('not_found', 'This customer has no location yet');
    return toLocation(l);
  });
}

export async function setLocation(db: Db, auth: AuthContext, customerId: string, input: z.infer<typeof CustomerLocationInput>) {
  return inTenant(db, auth, async (tx) => {
    if (!(await q.customerFor(tx, customerId, auth.userId, auth.scope))) throw commonError('not_found', 'Customer not found');
    const before = await q.locationOf(tx, customerId);
    await q.upsertLocation(tx, auth.tenantId, customerId, { ...input, by: auth.userId });
    const after = (await q.locationOf(tx, customerId))!;
    await recordAudit(tx, auth, { action: 'update', entityType: 'customer_location', entityId: customerId, before: before ? { lat: before.lat, lng: before.lng, source: before.source } : null, after: { lat: after.lat, lng: after.lng, source: after.source } });
    return toLocation(after);
  });
}

/** Merges (flows/merge): a merged customer's or contact's visits move to the master, and back on undo. */
export async function moveVisitRefsTx(tx: Tx, actor: Actor, move: { kind: 'customer' | 'contact'; from: string; to: string; ids?: string[] | undefined }): Promise<string[]> {
  const moved = await q.moveRefs(tx, move.kind, move.from, move.to, move.ids ?? null);
  const field = `${move.kind}Id`;
  await recordAudits(tx, actor, moved.map((id) => ({ action: 'merge', entityType: 'visit', entityId: id, before: { [field]: move.from }, after: { [field]: move.to } })));
  return moved;
}

/**
 * For merges (flows/merge): the duplicate customer's location becomes the master's when the master has none (a
 * customer has one location; the master's own is kept, and then the duplicate keeps its). `ids` (an undo) moves exactly
 * those rows back. Audited under the customer it now belongs to.
 */
export async function moveCustomerLocationTx(tx: Tx, actor: Actor, move: { from: string; to: string; ids?: string[] | undefined }): Promise<string[]> {
  const moved = await q.moveLocation(tx, move.from, move.to, move.ids ?? null);
  await recordAudits(tx, actor, moved.map(() => ({ action: 'merge', entityType: 'customer_location', entityId: move.to, before: { customerId: move.from }, after: { customerId: move.to } })));
  return moved;
}
