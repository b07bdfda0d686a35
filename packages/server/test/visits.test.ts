// Visits and key accounts over HTTP on a real database: the haversine distance, a visit planned, checked in (distance
// from the customer's location recorded), checked out with its record — the customer's follow-up with the next step
// written then —, only the visiting rep checks in, the first GPS check-in of a customer without a location sets it;
// the group tree with a subsidiary outside the rep's scope shown by name only; the decision map's roles and relations,
// and the decision-chain health of an opportunity that reads them.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres } from '../src/domains/visits/index.js';
import { contractsWorld, newCustomer, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;
let contactId: string;

async function ok(res: { status: number; body: any }, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

beforeAll(async () => {
  w = await contractsWorld();
  customerId = await newCustomer(w.rep);
  contactId = (await ok(await w.rep.post(`/api/v1/customers/${customerId}/contacts`, { name: '孙经理', mobile: '13800138009' }), 201)).id;
});

describe('haversine', () => {
  it('one degree of latitude is 111,195 m on the mean-radius sphere; Hangzhou to Shanghai about 165 km', () => {
    expect(Math.round(haversineMetres(30, 120, 31, 120))).toBe(111195);
    expect(Math.round(haversineMetres(30.2741, 120.1551, 31.2304, 121.4737) / 1000)).toBe(165);
    expect(haversineMetres(30.2741, 120.1551, 30.2741, 120.1551)).toBe(0);
  });
});

describe('a visit', () => {
  it('planned, checked in 111 m from the customer, checked out with its record and the follow-up', async () => {
    await ok(await w.put(w.rep, `/api/v1/customer-locations/${customerId}`, { lat: 30.2741, lng: 120.1551 }));
    const v = await ok(await w.rep.post('/api/v1/visits', { customerId, contactId, plannedOn: '2026-12-07', purpose: '方案交流' }), 201);
    expect(v).toMatchObject({ status: 'planned', checkIn: null, customerLocation: { lat: '30.274100', lng: '120.155100' } });
    // her manager sees it but does not check in for her
    expect((await w.manager.post(`/api/v1/visits/${v.id}/check-in`, { version: v.version, lat: 30.2751, lng: 120.1551 })).status).toBe(403);
    expect((await w.repNorth.get(`/api/v1/visits/${v.id}`)).status).toBe(404);
    const inV = await ok(await w.rep.post(`/api/v1/visits/${v.id}/check-in`, { version: v.version, lat: 30.2751, lng: 120.1551 }));
    expect(inV.status).toBe('checked_in');
    expect(inV.checkIn).toMatchObject({ source: 'gps', distanceM: 111, lat: '30.275100' });
    expect((await w.rep.post(`/api/v1/visits/${v.id}/check-in`, { version: inV.version, lat: 30.2751, lng: 120.1551 })).body.code).toBe('visits.bad_status');
    const out = await ok(await w.rep.post(`/api/v1/visits/${v.id}/check-out`, {
      version: inV.version, lat: 30.2741, lng: 120.1561, nextDate: '2026-12-14',
      record: { attendees: '设备部', discussed: '振动监测试点', outcome: 'positive', customerNeeds: '希望分期', nextSteps: '发送报价单' },
    }));
    expect(out).toMatchObject({ status: 'completed', checkOut: { distanceM: 96 }, record: { discussed: '振动监测试点', nextSteps: '发送报价单' } });
    expect(out.durationMinutes).toBeGreaterThanOrEqual(0);
    const followUps = await ok(await w.rep.get(`/api/v1/customers/${customerId}/followups`));
    const f = followUps.items.find((x: { id: string }) => x.id === out.followupId);
    expect(f).toMatchObject({ kind: 'visit', nextStep: '发送报价单', nextDate: '2026-12-14', contactId });
    expect(f.content).toContain('振动监测试点');
    const audit = await ok(await w.admin.get(`/api/v1/audit?entityType=visit&entityId=${v.id}`));
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['create', 'check_in', 'check_out']));
  });

  it('without a location, the first GPS check-in becomes the customer\'s location and measures nothing', async () => {
    const other = await newCustomer(w.rep);
    const v = await ok(await w.rep.post('/api/v1/visits', { customerId: other, plannedOn: '2026-12-08', purpose: '首次拜访' }), 201);
    const inV = await ok(await w.rep.post(`/api/v1/visits/${v.id}/check-in`, { version: v.version, lat: 31.2304, lng: 121.4737 }));
    expect(inV.checkIn.distanceM).toBeNull();
    expect(await ok(await w.rep.get(`/api/v1/customer-locations/${other}`))).toMatchObject({ source: 'checkin', lat: '31.230400' });
    // a manual check-in far away is recorded with its distance, not refused: the manager judges
    const v2 = await ok(await w.rep.post('/api/v1/visits', { customerId: other, plannedOn: '2026-12-09', purpose: '二次拜访' }), 201);
    const far = await ok(await w.rep.post(`/api/v1/visits/${v2.id}/check-in`, { version: v2.version, lat: 30.2741, lng: 120.1551, source: 'manual' }));
    expect(far.checkIn).toMatchObject({ source: 'manual' });
    expect(Math.round(far.checkIn.distanceM / 1000)).toBe(165);
    const cancelled = await ok(await w.rep.post(`/api/v1/visits/${v2.id}/cancel`, { version: far.version }));
    expect(cancelled.status).toBe('cancelled');
  });

  it('only a customer in the rep\'s scope is visited; lists stay in scope', async () => {
    const north = await newCustomer(w.repNorth);
    expect((await w.rep.post('/api/v1/visits', { customerId: north, plannedOn: '2026-12-07', purpose: 'x' })).status).toBe(400);
    expect((await w.rep.get(`/api/v1/customer-locations/${north}`)).status).toBe(404);
    const mine = await ok(await w.manager.get(`/api/v1/visits?customerId=${customerId}`));
    expect(mine.items.length).toBeGreaterThan(0);
    expect((await ok(await w.managerNorth.get(`/api/v1/visits?customerId=${customerId}`))).items).toEqual([]);
    expect((await w.rep.post('/api/v1/visits', { customerId, plannedOn: '2026-12-07', purpose: 'x' })).status).toBe(201);
  });
});

describe('key accounts', () => {
  it('the group tree shows a subsidiary outside the rep\'s scope by name only', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const parent = await ok(await w.rep.post('/api/v1/customers', { name: `集团总部${tag}有限公司`, allowDuplicate: true }), 201);
    const own = await ok(await w.rep.post('/api/v1/customers', { name: `集团宁波${tag}有限公司`, parentId: parent.id, allowDuplicate: true }), 201);
    const others = await ok(await w.admin.post('/api/v1/customers', { name: `集团天津${tag}有限公司`, parentId: parent.id, ownerId: w.t.users.repNorth.id, allowDuplicate: true }), 201);
    const tree = await ok(await w.rep.get(`/api/v1/key-accounts/${own.id}/tree`));
    expect(tree.rootId).toBe(parent.id);
    expect(tree.focusId).toBe(own.id);
    const byId = Object.fromEntries(tree.nodes.map((n: { id: string }) => [n.id, n]));
    expect(byId[parent.id]).toMatchObject({ depth: 0, visible: true, parentId: null });
    expect(byId[own.id]).toMatchObject({ depth: 1, visible: true, parentId: parent.id, owner: { id: w.t.users.repEast.id } });
    expect(byId[others.id]).toMatchObject({ visible: false, owner: null, grade: null, number: '', name: `集团天津${tag}有限公司` });
    expect((await w.repNorth.get(`/api/v1/key-accounts/${own.id}/tree`)).status).toBe(404);
  });

  it('the decision map: roles, influence, attitude and relations; the opportunity\'s decision chain reads it', async () => {
    const boss = (await ok(await w.rep.post(`/api/v1/customers/${customerId}/contacts`, { name: '周总', mobile: '13800138010' }), 201)).id;
    let map = await ok(await w.put(w.rep, `/api/v1/decision-roles/${boss}`, { role: 'decision_maker', influence: 5, attitude: 'supporter', note: '看重回报' }));
    map = await ok(await w.put(w.rep, `/api/v1/decision-roles/${contactId}`, { role: 'technical_buyer', influence: 3, attitude: 'champion' }));
    map = await ok(await w.rep.post('/api/v1/contact-relations', { fromContactId: contactId, toContactId: boss, kind: 'reports_to' }), 201);
    expect(map.nodes.find((n: { contactId: string }) => n.contactId === boss)).toMatchObject({ role: 'decision_maker', influence: 5, attitude: 'supporter' });
    expect(map.edges).toEqual([expect.objectContaining({ from: contactId, to: boss, kind: 'reports_to' })]);
    expect((await w.rep.post('/api/v1/contact-relations', { fromContactId: boss, toContactId: boss, kind: 'ally' })).status).toBe(400);
    expect((await w.repNorth.get(`/api/v1/key-accounts/${customerId}/decision-map`)).status).toBe(404);
    expect((await w.put(w.repNorth, `/api/v1/decision-roles/${boss}`, { role: 'coach', influence: 1, attitude: 'neutral' })).status).toBe(404);
    const opp = await ok(await w.rep.post('/api/v1/opportunities', { name: '决策链测试', customerId, amount: '1000.00' }), 201);
    const chain = opp.health.dimensions.find((d: { dimension: string }) => d.dimension === 'decision_chain');
    expect(chain.reasons).toContain('decision_maker_supports:周总');
    const removed = await ok(await w.rep.delete(`/api/v1/contact-relations/${map.edges[0].id}`));
    expect(removed.edges).toEqual([]);
  });
});
