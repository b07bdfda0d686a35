// Opportunities end to end over HTTP on a real database: exact line amounts, stage-entry requirements refused with
// what is missing, history with time in stage, won → a draft order contract carrying customer, products and amount,
// lost with reason and competitor, data scope, kanban, funnel, forecast with a manager's adjustment beside the system
// figure, and the audit trail.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../src/platform/db.js';
import { contractsWorld, newCustomer, type ContractsWorld } from './contracts-helpers.js';
import type { Client } from './helpers.js';

let w: ContractsWorld;
let customerId: string;
let contactId: string;
let stages: Array<{ id: string; name: string; seq: number; kind: string }>;

async function ok(res: { status: number; body: any }, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

const stage = (seq: number) => stages.find((s) => s.seq === seq)!.id;

async function newOpportunity(client: Client, body: Record<string, unknown> = {}) {
  return ok(await client.post('/api/v1/opportunities', { name: `商机${crypto.randomBytes(3).toString('hex')}`, customerId, ...body }), 201);
}

beforeAll(async () => {
  w = await contractsWorld();
  customerId = await newCustomer(w.rep);
  contactId = (await ok(await w.rep.post(`/api/v1/customers/${customerId}/contacts`, { name: '钱总', mobile: '13800138001' }), 201)).id;
  const processes = await ok(await w.rep.get('/api/v1/sales-processes'));
  expect(processes.items).toHaveLength(1);
  expect(processes.items[0].isDefault).toBe(true);
  stages = processes.items[0].stages;
});

describe('an opportunity through its stages', () => {
  it('prices lines exactly: the amount is the sum of quantity × price × (1 − discount), each line rounded once', async () => {
    const o = await newOpportunity(w.rep, {
      lines: [
        { productCode: 'GW-200', productName: '工业网关 GW-200', quantity: '3', unitPrice: '1999.99', discountRate: '0.05' },
        { productName: '传感器校准服务', quantity: '3', unitPrice: '0.333333' },
      ],
    });
    expect(o.lines.map((l: { amount: string }) => l.amount)).toEqual(['5699.97', '1.00']);
    expect(o.amount).toBe('5700.97');
    expect(o.stage.name).toBe('初步接洽');
    expect(o.weightedAmount).toBe('570.10'); // 10 %
    expect(o.number).toMatch(/^SJ-\d{4}-\d{6}$/);
    expect(o.history).toHaveLength(1);
  });

  it('refuses a stage whose requirements are not met, naming each missing one, then moves when they are', async () => {
    let o = await newOpportunity(w.rep, { amount: '480000.00' });
    // skipping to 方案报价 needs 需求确认's contact and need rating too
    const refused = await w.rep.post(`/api/v1/opportunities/${o.id}/stage`, { version: o.version, stageId: stage(3) });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('opportunities.stage_requirements');
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['closeDate', 'contactId', 'health.need', 'lines']);

    o = await ok(await w.rep.patch(`/api/v1/opportunities/${o.id}`, {
      version: o.version, contactId, closeDate: '2026-12-20', health: { need: { score: 2, note: '产线改造明确' } },
      lines: [{ productName: 'MES 二期', quantity: '1', unitPrice: '480000.00' }],
    }));
    expect(o.missing[stage(3)]).toEqual([]);
    o = await ok(await w.rep.post(`/api/v1/opportunities/${o.id}/stage`, { version: o.version, stageId: stage(3) }));
    expect(o.stage.name).toBe('方案报价');

    const needsDemo = await w.rep.post(`/api/v1/opportunities/${o.id}/stage`, { version: o.version, stageId: stage(4) });
    expect(needsDemo.status).toBe(422);
    expect(needsDemo.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['health.budget', 'tasks.demo']);
    o = await ok(await w.rep.post(`/api/v1/opportunities/${o.id}/tasks`, { title: '现场演示', key: 'demo' }), 201);
    o = await ok(await w.rep.post(`/api/v1/opportunity-tasks/${o.tasks[0].id}/done`, {}));
    o = await ok(await w.rep.patch(`/api/v1/opportunities/${o.id}`, { version: o.version, health: { budget: { score: 3, note: null } } }));
    o = await ok(await w.rep.post(`/api/v1/opportunities/${o.id}/stage`, { version: o.version, stageId: stage(4) }));
    expect(o.stage).toMatchObject({ name: '商务谈判', probability: '60' });
    expect(o.weightedAmount).toBe('288000.00');
    expect(o.history.map((h: { toStage: { name: string } }) => h.toStage.name)).toEqual(['初步接洽', '方案报价', '商务谈判']);
    expect(o.history.every((h: { hoursInStage: number }) => h.hoursInStage >= 0)).toBe(true);
    // moving back needs nothing; won and lost stages go through win / lose
    expect((await w.rep.post(`/api/v1/opportunities/${o.id}/stage`, { version: o.version, stageId: stage(6) })).body.code).toBe('opportunities.use_win_or_lose');
    const audit = await ok(await w.admin.get(`/api/v1/audit?entityType=opportunity&entityId=${o.id}`));
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'stage']));
  });

  it('scores health over the six dimensions with reasons', async () => {
    const o = await newOpportunity(w.rep, { closeDate: '2020-01-31' });
    expect(o.health.dimensions.map((d: { dimension: string }) => d.dimension)).toEqual(['need', 'budget', 'decision_chain', 'competition', 'value', 'timeline']);
    const byDim = Object.fromEntries(o.health.dimensions.map((d: { dimension: string }) => [d.dimension, d]));
    expect(byDim.need.reasons).toEqual(['not_rated', 'no_contact']);
    expect(byDim.budget.reasons).toContain('no_amount');
    expect(byDim.timeline.reasons).toContain('close_date_passed');
    expect(o.health.level).toBe('at_risk');
  });

  it('won: a draft order contract with the customer, the products and the amount, kept on the opportunity', async () => {
    const o = await newOpportunity(w.rep, {
      contactId, lines: [{ productCode: 'GW-200', productName: '工业网关 GW-200', quantity: '10', unitPrice: '1999.99', discountRate: '0.1' }],
    });
    expect(o.amount).toBe('17999.91');
    const res = await ok(await w.rep.post(`/api/v1/opportunities/${o.id}/win`, { version: o.version }));
    expect(res.opportunity).toMatchObject({ status: 'won', stage: { kind: 'won' }, contractId: res.contractId, forecastCategory: 'omitted' });
    expect(res.opportunity.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const contract = await ok(await w.rep.get(`/api/v1/contracts/${res.contractId}`));
    expect(contract).toMatchObject({ kind: 'order', status: 'draft', customer: { id: customerId }, amountInclTax: '17999.91', number: res.contractNumber });
    expect(contract.lines).toHaveLength(1);
    expect(contract.lines[0]).toMatchObject({ productCode: 'GW-200', description: '工业网关 GW-200', quantity: '10', taxRate: '0.13' });
    // closed: no more changes, no second win
    expect((await w.rep.post(`/api/v1/opportunities/${o.id}/win`, { version: res.opportunity.version })).body.code).toBe('opportunities.closed');
    const audit = await ok(await w.admin.get(`/api/v1/audit?entityType=opportunity&entityId=${o.id}`));
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['create', 'win']));
  });

  it('an opportunity without lines becomes one contract line for its amount', async () => {
    const o = await newOpportunity(w.rep, { amount: '88000.00' });
    const res = await ok(await w.rep.post(`/api/v1/opportunities/${o.id}/win`, { version: o.version }));
    const contract = await ok(await w.rep.get(`/api/v1/contracts/${res.contractId}`));
    expect(contract.amountInclTax).toBe('88000.00');
    expect(contract.lines[0]).toMatchObject({ description: o.name, quantity: '1' });
  });

  it('lost with a reason and a competitor', async () => {
    const o = await newOpportunity(w.rep, { amount: '1000.00' });
    const lost = await ok(await w.rep.post(`/api/v1/opportunities/${o.id}/lose`, { version: o.version, reason: 'price', competitor: '西门子' }));
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'price', competitor: '西门子', stage: { kind: 'lost' }, contractId: null });
    expect((await w.rep.post('/api/v1/opportunities/' + o.id + '/lose', { version: lost.version, reason: 'nonsense' })).status).toBe(400);
  });
});

describe('data scope', () => {
  it('a rep sees her own, her manager her team\'s, the other team nobody\'s', async () => {
    const o = await newOpportunity(w.rep, { amount: '2000.00' });
    expect((await w.manager.get(`/api/v1/opportunities/${o.id}`)).status).toBe(200);
    expect((await w.repNorth.get(`/api/v1/opportunities/${o.id}`)).status).toBe(404);
    expect((await w.managerNorth.get(`/api/v1/opportunities/${o.id}`)).status).toBe(404);
    expect((await w.managerNorth.post(`/api/v1/opportunities/${o.id}/stage`, { version: o.version, stageId: stage(2) })).status).toBe(404);
    const northList = await ok(await w.managerNorth.get(`/api/v1/opportunities?customerId=${customerId}`));
    expect(northList.items).toEqual([]);
    // a rep cannot sell to a customer she cannot see
    const north = await newCustomer(w.repNorth);
    expect((await w.rep.post('/api/v1/opportunities', { name: '越界', customerId: north })).status).toBe(400);
  });
});

describe('kanban, funnel, forecast', () => {
  it('kanban columns carry counts, amounts and weighted amounts of the open opportunities', async () => {
    const k = await ok(await w.rep.get('/api/v1/opportunities/kanban'));
    expect(k.columns.map((c: { stage: { name: string } }) => c.stage.name)).toEqual(['初步接洽', '需求确认', '方案报价', '商务谈判', '合同审批']);
    const first = k.columns[0];
    expect(first.count).toBe(first.cards.length);
    const sum = first.cards.reduce((s: number, c: { amount: string }) => s + Math.round(Number(c.amount) * 100), 0);
    expect(Math.round(Number(first.totals[0].amount) * 100)).toBe(sum);
    expect(k.columns[3].totals[0]).toMatchObject({ currency: 'CNY', amount: '480000.00', weighted: '288000.00' });
  });

  it('funnel: reached per stage, conversion to the next, win rate', async () => {
    const f = await ok(await w.rep.get('/api/v1/opportunities/funnel'));
    const reached = f.stages.map((s: { reached: number }) => s.reached);
    // every later stage was reached by at most as many as the one before
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]);
    expect(f.won).toBe(2);
    expect(f.lost).toBe(1);
    expect(f.winRate).toBe('66.7');
    expect(f.stages[0].conversionToNext).toBe((reached[1] * 100 / reached[0]).toFixed(1));
  });

  it('forecast per rep: won, commit, best case, pipeline, weighted; a manager adjusts beside the system figure', async () => {
    const period = '2031-Q2';
    await newOpportunity(w.rep, { amount: '100000.00', closeDate: '2031-04-15', forecastCategory: 'commit' });
    await newOpportunity(w.rep, { amount: '50000.00', closeDate: '2031-05-15', forecastCategory: 'best_case' });
    await newOpportunity(w.rep, { amount: '33333.33', closeDate: '2031-06-30' });
    await newOpportunity(w.rep, { amount: '99.99', closeDate: '2031-07-01', forecastCategory: 'commit' }); // next quarter
    const fc = await ok(await w.manager.get(`/api/v1/forecast?period=${period}&groupBy=rep`));
    const mine = fc.rows.find((r: { subject: { id: string } }) => r.subject.id === w.t.users.repEast.id);
    expect(mine).toMatchObject({
      currency: 'CNY', won: '0.00', commit: { system: '100000.00', adjusted: null }, bestCase: { system: '150000.00' },
      pipeline: { system: '183333.33' }, weighted: { system: '18333.33' }, openCount: 3,
    });
    // a rep reads, only a manager adjusts, and only for her own team
    expect((await w.rep.post('/api/v1/forecast/adjustments', { period, subjectKind: 'rep', subjectId: w.t.users.repEast.id, category: 'commit', amount: '120000.00', reason: '客户口头确认' })).status).toBe(403);
    expect((await w.managerNorth.post('/api/v1/forecast/adjustments', { period, subjectKind: 'rep', subjectId: w.t.users.repEast.id, category: 'commit', amount: '1.00', reason: '越权' })).status).toBe(400);
    const adj = await ok(await w.manager.post('/api/v1/forecast/adjustments', { period, subjectKind: 'rep', subjectId: w.t.users.repEast.id, category: 'commit', amount: '120000.00', reason: '客户口头确认' }), 201);
    expect(adj).toMatchObject({ systemAmount: '100000.00', adjustedAmount: '120000.00', author: { id: w.t.users.managerEast.id } });
    const after = await ok(await w.rep.get(`/api/v1/forecast?period=${period}`));
    expect(after.rows[0].commit).toMatchObject({ system: '100000.00', adjusted: '120000.00', reason: '客户口头确认' });
    const team = await ok(await w.manager.get(`/api/v1/forecast?period=2031-04&groupBy=team`));
    expect(team.rows[0]).toMatchObject({ subject: { id: w.t.teams.east, name: 'East' }, pipeline: { system: '100000.00' } });
    const history = await ok(await w.rep.get(`/api/v1/forecast/adjustments?period=${period}`));
    expect(history.items).toHaveLength(1);
    // the adjustment is a fact: the trail has it
    const audit = await ok(await w.admin.get(`/api/v1/audit?entityType=forecast_adjustment&entityId=${adj.id}`));
    expect(audit.items).toHaveLength(1);
  });
});

describe('sales processes', () => {
  it('an admin adds a process for a product line; a process needs one won and one lost stage', async () => {
    const bad = await w.admin.post('/api/v1/sales-processes', { name: '坏流程', stages: [{ name: 'a', probability: '10' }, { name: 'b', probability: '20' }, { name: 'c', kind: 'won', probability: '100' }] });
    expect(bad.status).toBe(400);
    const p = await ok(await w.admin.post('/api/v1/sales-processes', {
      name: '软件订阅', productLine: 'SaaS', stages: [
        { name: '试用', probability: '20' }, { name: '赢单', kind: 'won', probability: '100' }, { name: '报价', probability: '50', requirements: [{ kind: 'field', field: 'amount' }] },
        { name: '输单', kind: 'lost', probability: '0' },
      ],
    }), 201);
    expect(p.stages.map((s: { name: string }) => s.name)).toEqual(['试用', '报价', '赢单', '输单']);
    expect((await w.rep.post('/api/v1/sales-processes', { name: 'x', stages: [{ name: 'a', probability: '1' }, { name: 'w', kind: 'won', probability: '100' }, { name: 'l', kind: 'lost', probability: '0' }] })).status).toBe(403);
    const o = await newOpportunity(w.rep, { processId: p.id });
    expect(o.stage.name).toBe('试用');
    const r = await w.rep.post(`/api/v1/opportunities/${o.id}/stage`, { version: o.version, stageId: p.stages[1].id });
    expect(r.body.errors).toEqual([{ path: 'amount', message: 'required' }]);
  });

  it('opportunities of a campaign and a lead are found by them (campaign ROI and conversion read these)', async () => {
    const campaignId = crypto.randomUUID();
    const o = await newOpportunity(w.rep, { amount: '1.00', campaignId });
    const list = await ok(await w.rep.get(`/api/v1/opportunities?campaignId=${campaignId}`));
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([o.id]);
    const n = await asSystem(w.db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from opportunity_stage_history where opportunity_id = ${o.id}`.execute(tx)).rows[0]!.n);
    expect(n).toBe(1);
  });
});
