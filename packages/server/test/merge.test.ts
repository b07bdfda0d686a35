// Merges (issue 10): a dry-run preview, the field-by-field choice, every related record moved through its owner, the
// refusal of a duplicate with money facts, scope, and the undo from the merge's facts — customers, contacts, leads.
import { beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Actor } from '../src/platform/db.js';
import { captureLeadTx } from '../src/domains/leads/index.js';
import { recordBehaviourTx } from '../src/domains/scoring/index.js';
import { call, login, makeTenant, randomCreditCode, testApp, type Client, type TestTenant } from './helpers.js';

const h = await testApp();
let t: TestTenant;
let admin: Client, repEast: Client, repNorth: Client, finance: Client;

beforeAll(async () => {
  t = await makeTenant(h.db);
  [admin, repEast, repNorth, finance] = await Promise.all([login(h.baseUrl, t.users.admin), login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repNorth), login(h.baseUrl, t.users.finance)]);
});

async function customer(name: string, extra: Record<string, unknown> = {}) {
  const res = await repEast.post('/api/v1/customers', { name, allowDuplicate: true, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: string; version: number };
}

describe('customer merge', () => {
  it('previews, merges field by field with every contact and follow-up moved, and undoes it', async () => {
    const code = await randomCreditCode();
    const master = await customer('杭州云帆智能科技有限公司', { region: '华东' });
    const dup = await customer('云帆智能科技（杭州）有限公司', { phone: '0571-8888 6666', creditCode: code, industry: 'manufacturing' });
    const contact = (await repEast.post(`/api/v1/customers/${dup.id}/contacts`, { name: '陈晓', mobile: '13900001111' })).body;
    await repEast.post(`/api/v1/customers/${dup.id}/followups`, { kind: 'call', content: '约了下周演示', contactId: contact.id });

    const body = { customerId: dup.id, fields: { creditCode: 'duplicate', name: 'master' } };
    const preview = await repEast.post(`/api/v1/customers/${master.id}/merge-preview`, body);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.moves).toEqual([
      { table: 'contacts.customer_id', owner: 'customers', count: 1 },
      { table: 'followups.customer_id', owner: 'customers', count: 1 },
    ]);
    // name kept, credit code chosen from the duplicate, phone and industry filled from it (the master had none)
    expect(preview.body.result).toMatchObject({ name: '杭州云帆智能科技有限公司', creditCode: code, phone: '0571-8888 6666', industry: 'manufacturing', region: '华东' });
    expect((await repEast.get(`/api/v1/customers/${dup.id}/contacts`)).body.length ?? (await repEast.get(`/api/v1/customers/${dup.id}/contacts`)).body.items?.length).toBe(1); // the preview wrote nothing

    const merged = await repEast.post(`/api/v1/customers/${master.id}/merge`, body);
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    expect(merged.body).toMatchObject({ object: 'customer', masterId: master.id, duplicateId: dup.id, status: 'merged' });
    const after = (await repEast.get(`/api/v1/customers/${master.id}`)).body;
    expect(after).toMatchObject({ creditCode: code, phone: '0571-8888 6666', industry: 'manufacturing', region: '华东' });
    const contacts = await repEast.get(`/api/v1/customers/${master.id}/contacts`);
    expect(JSON.stringify(contacts.body)).toContain('陈晓');
    const list = await repEast.get(`/api/v1/customers?q=${encodeURIComponent('云帆')}`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([master.id]); // the duplicate left the lists
    // and matching: the credit code finds the master only
    expect((await repEast.post('/api/v1/duplicates/check', { creditCode: code })).body.items.map((m: { id: string }) => m.id)).toEqual([master.id]);

    const undone = await repEast.post(`/api/v1/merges/${merged.body.id}/undo`, {});
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body).toMatchObject({ status: 'undone', undoneBy: { id: t.users.repEast.id } });
    expect((await repEast.get(`/api/v1/customers/${master.id}`)).body).toMatchObject({ creditCode: null, phone: null, industry: null });
    expect((await repEast.get(`/api/v1/customers/${dup.id}`)).body).toMatchObject({ creditCode: code, phone: '0571-8888 6666' });
    expect(JSON.stringify((await repEast.get(`/api/v1/customers/${dup.id}/contacts`)).body)).toContain('陈晓');
    expect(JSON.stringify((await repEast.get(`/api/v1/customers/${master.id}/contacts`)).body)).not.toContain('陈晓');
    expect((await repEast.post(`/api/v1/merges/${merged.body.id}/undo`, {})).body.code).toBe('dedup.already_undone');
    const audit = await admin.get(`/api/v1/audit?entityType=merge_job&entityId=${merged.body.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action).sort()).toEqual(['merge', 'undo']);
  });

  it('refuses a duplicate with money facts, and says which', async () => {
    const master = await customer('宁波港城物流有限公司');
    const dup = await customer('宁波港城物流股份有限公司');
    expect((await finance.post('/api/v1/receivables', { customerId: dup.id, amount: '500.00', dueDate: '2026-12-31', reason: '合并测试' })).status).toBe(201);
    const res = await repEast.post(`/api/v1/customers/${master.id}/merge`, { customerId: dup.id });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'dedup.money_facts', tables: [{ table: 'receivables', count: 1 }] });
    // the other way round the money stays where it is: the customer with the receivable is the master
    expect((await repEast.post(`/api/v1/customers/${dup.id}/merge-preview`, { customerId: master.id })).status).toBe(200);
  });

  it('finds nothing out of scope; an edit since the merge stops its undo', async () => {
    const master = await customer('苏州工业园区恒达电子有限公司');
    const dup = await customer('恒达电子（苏州）有限公司', { phone: '0512-6666 8888' });
    expect((await repNorth.post(`/api/v1/customers/${master.id}/merge-preview`, { customerId: dup.id })).status).toBe(404);
    expect((await repNorth.post(`/api/v1/customers/${master.id}/merge`, { customerId: dup.id })).status).toBe(404);
    const merged = (await repEast.post(`/api/v1/customers/${master.id}/merge`, { customerId: dup.id })).body;
    expect((await repNorth.get(`/api/v1/merges/${merged.id}`)).status).toBe(404);
    expect((await repNorth.get('/api/v1/merges')).body.items).toEqual([]);
    expect((await repEast.get('/api/v1/merges?object=customer')).body.items.map((m: { id: string }) => m.id)).toContain(merged.id);
    const cur = (await repEast.get(`/api/v1/customers/${master.id}`)).body;
    expect((await repEast.patch(`/api/v1/customers/${master.id}`, { phone: '0512-1234 5678', version: cur.version })).status).toBe(200);
    expect((await repEast.post(`/api/v1/merges/${merged.id}/undo`, {})).body.code).toBe('dedup.changed_since');
    expect((await repEast.post(`/api/v1/customers/${master.id}/merge`, { customerId: dup.id })).body.code).toBe('dedup.already_merged');
  });
});

describe('merge moves the location and the decision map', () => {
  const put = (c: Client, path: string, body: unknown) => call(h.baseUrl, 'PUT', path, { token: c.token, body });
  const nodes = async (customerId: string) => (await repEast.get(`/api/v1/key-accounts/${customerId}/decision-map`)).body as {
    nodes: Array<{ contactId: string; role: string | null }>; edges: Array<{ id: string; from: string; to: string; kind: string }>;
  };

  it('a customer merge takes the duplicate\'s location (the master had none) and its decision map; undo puts both back', async () => {
    const master = await customer('无锡锡山精工机械有限公司');
    const dup = await customer('锡山精工机械（无锡）有限公司');
    const boss = (await repEast.post(`/api/v1/customers/${dup.id}/contacts`, { name: '钱总', mobile: '13900003333' })).body;
    const buyer = (await repEast.post(`/api/v1/customers/${dup.id}/contacts`, { name: '孙采购', mobile: '13900004444' })).body;
    expect((await put(repEast, `/api/v1/customer-locations/${dup.id}`, { lat: 31.491, lng: 120.312 })).status).toBe(200);
    expect((await put(repEast, `/api/v1/decision-roles/${boss.id}`, { role: 'decision_maker', influence: 5, attitude: 'supporter' })).status).toBe(200);
    expect((await repEast.post('/api/v1/contact-relations', { fromContactId: buyer.id, toContactId: boss.id, kind: 'reports_to' })).status).toBe(201);

    const preview = (await repEast.post(`/api/v1/customers/${master.id}/merge-preview`, { customerId: dup.id })).body;
    expect(preview.moves).toEqual(expect.arrayContaining([
      { table: 'customer_locations.customer_id', owner: 'visits', count: 1 },
      { table: 'decision_roles.customer_id', owner: 'key-accounts', count: 1 },
      { table: 'contact_relations.customer_id', owner: 'key-accounts', count: 1 },
    ]));
    const merged = await repEast.post(`/api/v1/customers/${master.id}/merge`, { customerId: dup.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    expect((await repEast.get(`/api/v1/customer-locations/${master.id}`)).body).toMatchObject({ lat: '31.491000', lng: '120.312000' });
    const map = await nodes(master.id);
    expect(map.nodes.find((n) => n.contactId === boss.id)?.role).toBe('decision_maker');
    expect(map.edges).toMatchObject([{ from: buyer.id, to: boss.id, kind: 'reports_to' }]);

    expect((await repEast.post(`/api/v1/merges/${merged.body.id}/undo`, {})).status).toBe(200);
    expect((await repEast.get(`/api/v1/customer-locations/${dup.id}`)).body).toMatchObject({ lat: '31.491000' });
    expect((await repEast.get(`/api/v1/customer-locations/${master.id}`)).status).toBe(404);
    expect((await nodes(dup.id)).edges).toHaveLength(1);
    expect((await nodes(master.id)).edges).toHaveLength(0);
  });

  it('a contact merge keeps the master\'s own role, moves the duplicate\'s relations, and never relates the master to itself', async () => {
    const c = await customer('常州龙城新材料有限公司');
    const a = (await repEast.post(`/api/v1/customers/${c.id}/contacts`, { name: '周敏', mobile: '13700005555' })).body;
    const b = (await repEast.post(`/api/v1/customers/${c.id}/contacts`, { name: '周敏', email: 'zhou.min@longcheng.cn' })).body;
    const boss = (await repEast.post(`/api/v1/customers/${c.id}/contacts`, { name: '吴总', mobile: '13700006666' })).body;
    expect((await put(repEast, `/api/v1/decision-roles/${a.id}`, { role: 'technical_buyer', influence: 3, attitude: 'neutral' })).status).toBe(200);
    expect((await put(repEast, `/api/v1/decision-roles/${b.id}`, { role: 'influencer', influence: 2, attitude: 'champion' })).status).toBe(200);
    expect((await repEast.post('/api/v1/contact-relations', { fromContactId: b.id, toContactId: boss.id, kind: 'reports_to' })).status).toBe(201);
    expect((await repEast.post('/api/v1/contact-relations', { fromContactId: b.id, toContactId: a.id, kind: 'ally' })).status).toBe(201);

    const merged = await repEast.post(`/api/v1/contacts/${a.id}/merge`, { contactId: b.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    const map = await nodes(c.id);
    expect(map.nodes.find((n) => n.contactId === a.id)?.role).toBe('technical_buyer'); // the master's own role stays
    expect(map.edges.filter((e) => e.from === a.id).map((e) => [e.to, e.kind])).toEqual([[boss.id, 'reports_to']]); // b → a (ally) would be a → a: left with b
    expect((await repEast.post(`/api/v1/merges/${merged.body.id}/undo`, {})).status).toBe(200);
    const back = await nodes(c.id);
    expect(back.edges.filter((e) => e.from === b.id).map((e) => e.kind).sort()).toEqual(['ally', 'reports_to']);
    expect(back.nodes.find((n) => n.contactId === b.id)?.role).toBe('influencer');
  });
});

describe('contact merge', () => {
  it('merges a duplicate contact of the same customer, its follow-ups moving with it', async () => {
    const c = await customer('合肥星河光电有限公司');
    const a = (await repEast.post(`/api/v1/customers/${c.id}/contacts`, { name: '刘强', mobile: '13700002222' })).body;
    const b = (await repEast.post(`/api/v1/customers/${c.id}/contacts`, { name: '刘强', email: 'liu.qiang@xinghe.cn', title: '采购经理' })).body;
    await repEast.post(`/api/v1/customers/${c.id}/followups`, { kind: 'visit', content: '拜访采购', contactId: b.id });
    const dups = await repEast.get(`/api/v1/contacts/${a.id}/duplicates`);
    expect(dups.status).toBe(200);
    const preview = await repEast.post(`/api/v1/contacts/${a.id}/merge-preview`, { contactId: b.id });
    expect(preview.body.moves).toEqual([{ table: 'followups.contact_id', owner: 'customers', count: 1 }]);
    expect(preview.body.result).toMatchObject({ name: '刘强', mobile: '13700002222', email: 'liu.qiang@xinghe.cn', title: '采购经理' });
    const merged = await repEast.post(`/api/v1/contacts/${a.id}/merge`, { contactId: b.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    const contacts = (await repEast.get(`/api/v1/customers/${c.id}/contacts`)).body;
    const items = Array.isArray(contacts) ? contacts : contacts.items;
    expect(items.map((x: { id: string; email: string | null }) => [x.id, x.email])).toEqual([[a.id, 'liu.qiang@xinghe.cn']]);
    const followups = (await repEast.get(`/api/v1/customers/${c.id}/followups`)).body;
    expect(JSON.stringify(followups)).toContain(a.id);
    expect((await repEast.post(`/api/v1/merges/${merged.body.id}/undo`, {})).status).toBe(200);
    const back = (await repEast.get(`/api/v1/customers/${c.id}/contacts`)).body;
    expect((Array.isArray(back) ? back : back.items).length).toBe(2);
  });
});

describe('lead merge', () => {
  it('merges a duplicate lead: fields, behaviour points and score move to the master; undo moves them back', async () => {
    const actor: Actor = { tenantId: t.tenantId, userId: t.users.repEast.id, requestId: 'test' };
    const [m, d] = await inTenant(h.db, actor, async (tx) => {
      const one = await captureLeadTx(tx, actor, { source: 'manual', companyName: '武汉光谷云链科技有限公司', contactName: '周敏', ownerId: t.users.repEast.id });
      const two = await captureLeadTx(tx, actor, { source: 'manual', companyName: '云链科技（武汉）', phone: '027-8765 4321', ownerId: t.users.repEast.id });
      await recordBehaviourTx(tx, { leadId: two.leadId, event: 'demo_requested' });
      return [one.leadId, two.leadId];
    });
    const preview = await repEast.post(`/api/v1/leads/${m}/merge-preview`, { leadId: d });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.moves).toEqual([{ table: 'score_events.lead_id', owner: 'scoring', count: 1 }]);
    const merged = await repEast.post(`/api/v1/leads/${m}/merge`, { leadId: d });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    const score = (await repEast.get(`/api/v1/leads/${m}/score`)).body;
    expect(score.behaviour).toBeCloseTo(30, 0); // demo_requested, 30 points by default, now the master's
    expect((await repEast.get(`/api/v1/leads/${d}/duplicates`)).status).toBe(404); // merged away
    expect((await repEast.post(`/api/v1/merges/${merged.body.id}/undo`, {})).status).toBe(200);
    expect((await repEast.get(`/api/v1/leads/${m}/score`)).body.behaviour).toBe(0);
    expect((await repEast.get(`/api/v1/leads/${d}/score`)).body.behaviour).toBeCloseTo(30, 0);
  });
});
