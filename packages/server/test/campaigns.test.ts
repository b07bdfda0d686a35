// Campaigns 市场活动 over real HTTP and a real database: the tree and its roll-ups, cost facts and their reversal,
// members through the event flow, the return on a campaign (won amount and the cash collected on the resulting
// contract), and who sees and changes what. The figures are the ones a marketer checks on the campaign page.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, inTenant } from '../src/platform/db.js';
import { moveCampaignMemberRefsTx } from '../src/domains/campaigns/index.js';
import { call, login, type Client } from './helpers.js';
import { approvedContract, contractsWorld, newCustomer, orderBody, setCredit, signBody, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let marketer: Client;
const tag = crypto.randomBytes(3).toString('hex');

async function ok<T = any>(res: { status: number; body: any }, status = 201): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
}

const campaign = (over: Record<string, unknown>) => ({ type: 'event', startOn: '2026-03-01', endOn: '2026-03-31', ...over });

beforeAll(async () => {
  w = await contractsWorld();
  marketer = await login(w.baseUrl, w.t.users.marketer);
});

describe('the campaign tree and its roll-up', () => {
  let year: any, expo: any, booth: any, online: any; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    year = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `2026 年度市场计划 ${tag}`, type: 'other', budget: '100000.00', startOn: '2026-01-01', endOn: '2026-12-31' })));
    expo = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `工博会 ${tag}`, parentId: year.id, budget: '30000.00' })));
    booth = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `工博会展位 ${tag}`, parentId: expo.id, type: 'trade_show', budget: '10000.00' })));
    online = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `线上直播 ${tag}`, parentId: year.id, type: 'webinar', budget: '20000.00' })));
  });

  it('numbers campaigns, makes the caller the owner and puts children in the parent\'s currency', () => {
    expect(year.number).toMatch(/^HD-2026-\d{6}$/);
    expect(year.owner.id).toBe(w.t.users.marketer.id);
    expect(expo.parent).toEqual({ id: year.id, name: year.name });
    expect(booth.currency).toBe('CNY');
    expect(year.own.budget).toBe('100000.00');
  });

  it('sums budget and actual cost over the subtree, with reversed costs netted out', async () => {
    await ok(await marketer.post(`/api/v1/campaigns/${year.id}/costs`, { category: 'agency', amount: '5000.00', incurredOn: '2026-01-10' }));
    await ok(await marketer.post(`/api/v1/campaigns/${expo.id}/costs`, { category: 'venue', amount: '12000.50', incurredOn: '2026-03-05', vendor: '国展中心' }));
    const wrong = await ok(await marketer.post(`/api/v1/campaigns/${expo.id}/costs`, { category: 'catering', amount: '3000.25', incurredOn: '2026-03-06' }));
    await ok(await marketer.post(`/api/v1/campaigns/${booth.id}/costs`, { category: 'materials', amount: '1999.99', incurredOn: '2026-03-07' }));
    await ok(await marketer.post(`/api/v1/campaigns/${online.id}/costs`, { category: 'media', amount: '8000.00', incurredOn: '2026-04-01' }));
    const reversal = await ok(await marketer.post(`/api/v1/campaign-costs/${wrong.id}/reverse`, { memo: '重复录入' }));
    expect(reversal).toMatchObject({ amount: '-3000.25', reversesId: wrong.id, category: 'catering' });
    // A second reversal, and a reversal of the reversal, are refused.
    expect((await marketer.post(`/api/v1/campaign-costs/${wrong.id}/reverse`, {})).body.code).toBe('campaigns.cost_reversed');
    expect((await marketer.post(`/api/v1/campaign-costs/${reversal.id}/reverse`, {})).body.code).toBe('campaigns.cost_is_reversal');

    const costs = await ok(await marketer.get(`/api/v1/campaigns/${expo.id}/costs`), 200);
    expect(costs.total).toBe('12000.50');
    expect(costs.items.find((c: { id: string }) => c.id === wrong.id).reversedBy).toBe(reversal.id);

    const top = await ok(await marketer.get(`/api/v1/campaigns/${year.id}`), 200);
    expect(top.own).toMatchObject({ budget: '100000.00', actualCost: '5000.00' });
    // 5,000.00 + 12,000.50 + 1,999.99 + 8,000.00; budgets 100,000 + 30,000 + 10,000 + 20,000.
    expect(top.rollup).toMatchObject({ budget: '160000.00', actualCost: '27000.49' });
    expect(top.childCount).toBe(2);
    const mid = await ok(await marketer.get(`/api/v1/campaigns/${expo.id}`), 200);
    expect(mid.rollup).toMatchObject({ budget: '40000.00', actualCost: '14000.49' });
  });

  it('records a cost once per Idempotency-Key', async () => {
    const body = { category: 'gifts', amount: '66.60', incurredOn: '2026-04-02' };
    const key = `cost-${tag}-1`;
    const first = await marketer.post(`/api/v1/campaigns/${online.id}/costs`, body, { 'idempotency-key': key });
    const again = await marketer.post(`/api/v1/campaigns/${online.id}/costs`, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await marketer.get(`/api/v1/campaigns/${online.id}/costs`)).body.total).toBe('8066.60');
  });

  it('lists roots and children, and refuses a cycle or another currency under a parent', async () => {
    const roots = await ok(await marketer.get(`/api/v1/campaigns?roots=true&q=${encodeURIComponent(tag)}`), 200);
    expect(roots.items.map((c: { id: string }) => c.id)).toEqual([year.id]);
    const children = await ok(await marketer.get(`/api/v1/campaigns?parentCampaignId=${year.id}`), 200);
    expect(children.items.map((c: { name: string }) => c.name).sort()).toEqual([expo.name, online.name].sort());

    const cycle = await marketer.patch(`/api/v1/campaigns/${year.id}`, { parentId: booth.id, version: year.version });
    expect(cycle.status).toBe(409);
    expect(cycle.body.code).toBe('campaigns.parent_cycle');
    const usd = await marketer.post('/api/v1/campaigns', campaign({ name: `海外展 ${tag}`, parentId: year.id, currency: 'USD' }));
    expect(usd.status).toBe(409);
    expect(usd.body.code).toBe('campaigns.currency_mismatch');
    const period = await marketer.post('/api/v1/campaigns', campaign({ name: `倒序 ${tag}`, startOn: '2026-05-02', endOn: '2026-05-01' }));
    expect(period.status).toBe(400);
  });

  it('audits a status and budget change, and refuses a stale version', async () => {
    const current = await ok(await marketer.get(`/api/v1/campaigns/${online.id}`), 200);
    const changed = await ok(await marketer.patch(`/api/v1/campaigns/${online.id}`, { status: 'active', budget: '25000.00', version: current.version }), 200);
    expect(changed).toMatchObject({ status: 'active', budget: '25000.00', version: current.version + 1 });
    expect((await marketer.patch(`/api/v1/campaigns/${online.id}`, { status: 'completed', version: current.version })).body.code).toBe('campaigns.version_conflict');
    const audit = await ok(await w.admin.get(`/api/v1/audit?entityType=campaign&entityId=${online.id}`), 200);
    const update = audit.items.find((e: { action: string }) => e.action === 'update');
    expect(update.changes).toEqual(expect.arrayContaining([
      { field: 'status', before: 'planned', after: 'active' }, { field: 'budget', before: '20000.00', after: '25000.00' },
    ]));
  });
});

describe('members through the event flow', () => {
  let event: any; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    event = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `智能制造沙龙 ${tag}`, status: 'active' })));
  });

  it('moves a member plan → invite → register → check-in, never back, and counts each step', async () => {
    const a = await ok(await marketer.post(`/api/v1/campaigns/${event.id}/members`, { name: '钱多多', company: '宁波精工机械有限公司', phone: '13900001111' }));
    const b = await ok(await marketer.post(`/api/v1/campaigns/${event.id}/members`, { name: '孙悦', company: '嘉兴织造有限公司', email: 'sun@jxzz.cn' }));
    await ok(await marketer.post(`/api/v1/campaigns/${event.id}/members`, { name: '周全', phone: '13900003333' }));
    expect(a.status).toBe('planned');
    const invited = await ok(await marketer.post(`/api/v1/campaign-members/${a.id}/invite`, {}), 200);
    expect(invited.invitedAt).not.toBeNull();
    await ok(await marketer.post(`/api/v1/campaign-members/${a.id}/register`, {}), 200);
    // A walk-in goes straight to check-in: the skipped steps get the same moment.
    const walkIn = await ok(await marketer.post(`/api/v1/campaign-members/${b.id}/check-in`, {}), 200);
    expect(walkIn.status).toBe('checked_in');
    expect(walkIn.registeredAt).toBe(walkIn.checkedInAt);
    const back = await marketer.post(`/api/v1/campaign-members/${b.id}/invite`, {});
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('campaigns.backwards');
    // The same step twice changes nothing.
    expect((await marketer.post(`/api/v1/campaign-members/${a.id}/register`, {})).status).toBe(200);

    const figures = (await ok(await marketer.get(`/api/v1/campaigns/${event.id}`), 200)).own;
    expect(figures).toMatchObject({ members: 3, invited: 2, registered: 2, checkedIn: 1 });
    const list = await ok(await marketer.get(`/api/v1/campaigns/${event.id}/members?status=checked_in`), 200);
    expect(list.items.map((m: { name: string }) => m.name)).toEqual(['孙悦']);
  });

  it('makes a checked-in person a lead of the campaign, scored for the check-in', async () => {
    const guest = await ok(await marketer.post(`/api/v1/campaigns/${event.id}/members`, { name: '冯晓', company: `绍兴纺机${tag}有限公司`, phone: '13700007777', status: 'registered' }));
    expect(guest.lead).toBeNull();
    const checked = await ok(await marketer.post(`/api/v1/campaign-members/${guest.id}/check-in`, {}), 200);
    expect(checked).toMatchObject({ status: 'checked_in', leadCreated: true });
    expect(checked.lead).toMatchObject({ name: '冯晓', status: 'raw' });
    const leadId = checked.lead.id as string;
    const lead = await asSystem(w.db, async (tx) => (await sql<{ source: string; campaign_id: string; company_name: string }>`
      select source, campaign_id, company_name from leads where id = ${leadId}`.execute(tx)).rows[0]);
    expect(lead).toEqual({ source: 'campaign', campaign_id: event.id, company_name: `绍兴纺机${tag}有限公司` });
    // The capture counted the check-in once for scoring (25 points by default), not twice.
    const events = await asSystem(w.db, async (tx) => (await sql<{ event: string; points: number }>`
      select event, points from score_events where lead_id = ${leadId}`.execute(tx)).rows);
    expect(events).toEqual([{ event: 'checked_in', points: 25 }]);
    const figures = (await ok(await marketer.get(`/api/v1/campaigns/${event.id}`), 200)).own;
    expect(figures.leads).toBeGreaterThanOrEqual(1);
    // A second check-in changes nothing: no second lead.
    const again = await ok(await marketer.post(`/api/v1/campaign-members/${guest.id}/check-in`, {}), 200);
    expect(again.lead.id).toBe(leadId);
  });

  it('registers a visitor of the campaign\'s web form as a member, with the lead the form captured', async () => {
    const form = await ok(await marketer.post('/api/v1/lead-forms', { name: `沙龙报名表 ${tag}`, campaignId: event.id, fields: ['companyName', 'contactName', 'phone'], consentText: '同意' }));
    const before = (await ok(await marketer.get(`/api/v1/campaigns/${event.id}`), 200)).own;
    const sent = await call(w.baseUrl, 'POST', `/api/v1/public/lead-forms/${form.key}/submissions`, { body: { companyName: `湖州表单${tag}有限公司`, contactName: '沈报名', phone: '13600006666', consent: true } });
    expect(sent.status).toBe(202);
    const lead = await asSystem(w.db, async (tx) => (await sql<{ id: string; source: string; campaign_id: string }>`
      select id, source, campaign_id from leads where company_name = ${`湖州表单${tag}有限公司`}`.execute(tx)).rows[0]!);
    expect(lead).toMatchObject({ source: 'web_form', campaign_id: event.id });
    const members = await ok(await marketer.get(`/api/v1/campaigns/${event.id}/members?status=registered`), 200);
    const member = members.items.find((m: { lead: { id: string } | null }) => m.lead?.id === lead.id);
    expect(member).toMatchObject({ status: 'registered' });
    expect(member.registeredAt).not.toBeNull();
    const after = (await ok(await marketer.get(`/api/v1/campaigns/${event.id}`), 200)).own;
    expect(after.members).toBe(before.members + 1);
    expect(after.registered).toBe(before.registered + 1);
    expect(after.leads).toBe(before.leads + 1);
  });

  it('an import for the campaign makes every imported lead a planned member', async () => {
    const csv = ['公司名称,联系人,手机', `展会名录甲${tag}有限公司,韩一,159${tag.replace(/\D/g, '0').padEnd(8, '1').slice(0, 8)}`, `展会名录乙${tag}有限公司,韩二,,`].join('\r\n');
    const before = (await ok(await marketer.get(`/api/v1/campaigns/${event.id}`), 200)).own;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(`\uFEFF${csv}`)]), '展会名录.csv');
    const res = await fetch(`${w.baseUrl}/api/v1/lead-imports?campaignId=${event.id}`, { method: 'POST', headers: { authorization: `Bearer ${marketer.token}` }, body: form });
    expect(res.status).toBe(202);
    const started = await res.json() as { id: string };
    let job: { status: string; created: number } = { status: 'running', created: 0 };
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      job = await ok(await marketer.get(`/api/v1/lead-imports/${started.id}`), 200);
      if (job.status === 'running') await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'done', created: 2 });
    const members = await ok(await marketer.get(`/api/v1/campaigns/${event.id}/members?status=planned`), 200);
    const imported = members.items.filter((m: { lead: { name: string } | null }) => m.lead && /韩[一二]/.test(JSON.stringify(m.lead)));
    expect(imported).toHaveLength(2);
    const after = (await ok(await marketer.get(`/api/v1/campaigns/${event.id}`), 200)).own;
    expect(after.members).toBe(before.members + 2);
    expect(after.leads).toBe(before.leads + 2);
  });

  it('refuses a person without a phone or email, a second membership and an unknown contact', async () => {
    const noWay = await marketer.post(`/api/v1/campaigns/${event.id}/members`, { name: '无联系方式' });
    expect(noWay.status).toBe(400);
    expect(noWay.body).toMatchObject({ code: 'campaigns.bad_member', errors: [{ path: 'phone' }] });
    const customerId = await newCustomer(w.rep);
    const contact = await ok(await w.rep.post(`/api/v1/customers/${customerId}/contacts`, { name: '郑经理', mobile: '13800001234' }));
    await ok(await marketer.post(`/api/v1/campaigns/${event.id}/members`, { contactId: contact.id, status: 'invited' }));
    const twice = await marketer.post(`/api/v1/campaigns/${event.id}/members`, { contactId: contact.id });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('campaigns.member_exists');
    const unknown = await marketer.post(`/api/v1/campaigns/${event.id}/members`, { contactId: crypto.randomUUID() });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('campaigns.contact_not_found');
    const listed = await ok(await marketer.get(`/api/v1/campaigns/${event.id}/members?q=${encodeURIComponent('郑经理')}`), 200);
    expect(listed.items[0].contact).toMatchObject({ id: contact.id, name: '郑经理', customerId });
  });

  it('takes no new members in a cancelled campaign', async () => {
    const gone = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `取消的活动 ${tag}`, status: 'cancelled' })));
    const res = await marketer.post(`/api/v1/campaigns/${gone.id}/members`, { name: '某人', phone: '13900009999' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('campaigns.cancelled');
  });
});

describe('the return on a campaign', () => {
  it('counts won opportunities and the cash collected on their contracts, per campaign and rolled up', async () => {
    const parent = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `华东渠道季 ${tag}`, type: 'other' })));
    const child = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `杭州路演 ${tag}`, parentId: parent.id })));
    await ok(await marketer.post(`/api/v1/campaigns/${parent.id}/costs`, { category: 'agency', amount: '2000.00', incurredOn: '2026-03-01' }));
    await ok(await marketer.post(`/api/v1/campaigns/${child.id}/costs`, { category: 'venue', amount: '6000.00', incurredOn: '2026-03-02' }));

    // A signed contract of 113,000.00 whose receivable gets 45,200.00 of a confirmed payment written off.
    const customerId = await newCustomer(w.rep);
    await setCredit(w.db, w.t.tenantId, customerId, '1000000.00');
    const approved = await approvedContract(w, orderBody(customerId));
    const signed = await ok(await w.rep.post(`/api/v1/contracts/${approved.id}/sign`, signBody(approved.version)), 200);
    const receivableId = signed.instalments[0].receivableId;
    const payment = await ok(await w.rep.post('/api/v1/payments', { customerId, amount: '50000.00', receivedOn: '2026-03-20' }));
    await ok(await w.finance.post(`/api/v1/payments/${payment.id}/confirm`, { version: payment.version }), 200);
    await ok(await w.finance.post('/api/v1/write-offs', {
      customerId, appliedOn: '2026-03-21', lines: [{ receivableId, amount: '45200.00', source: { type: 'payment', paymentId: payment.id } }],
    }));

    // The opportunities the campaign brought: one won that became the contract, one still open, one lost.
    // (Opportunities are domains/opportunities' table; written here as the won flow leaves them.)
    await asSystem(w.db, async (tx) => {
      const proc = (await sql<{ id: string }>`insert into sales_processes (tenant_id, name) values (${w.t.tenantId}, ${`ROI ${tag}`})
        returning id`.execute(tx)).rows[0]!;
      const stage = (await sql<{ id: string }>`insert into sales_stages (tenant_id, process_id, seq, name, probability)
        values (${w.t.tenantId}, ${proc.id}, 1, '赢单', 100) returning id`.execute(tx)).rows[0]!;
      const add = (n: string, status: string, amount: string, contract: string | null) => sql`insert into opportunities
          (tenant_id, number, name, customer_id, owner_id, process_id, stage_id, status, amount, campaign_id, contract_id, closed_on, lost_reason)
        values (${w.t.tenantId}, ${`SJ-ROI-${tag}-${n}`}, ${`商机 ${n}`}, ${customerId}, ${w.t.users.repEast.id}, ${proc.id}, ${stage.id}, ${status},
          ${amount}::numeric, ${child.id}, ${contract}, ${status === 'open' ? null : '2026-03-01'}::date, ${status === 'lost' ? '价格' : null})`.execute(tx);
      await add('1', 'won', '113000.00', approved.id);
      await add('2', 'open', '50000.00', null);
      await add('3', 'lost', '30000.00', null);
    });

    const roi = await ok(await marketer.get(`/api/v1/campaigns/${parent.id}/roi`), 200);
    // Child: cost 6,000.00; won 113,000.00 → (113000 − 6000) / 6000 = 17.8333…; collected 45,200.00 → 6.5333…
    const childFigures = roi.children.find((c: { id: string }) => c.id === child.id).rollup;
    expect(childFigures).toMatchObject({ actualCost: '6000.00', opportunities: 3, won: 1, wonAmount: '113000.00', collected: '45200.00', roiWon: '17.8333', roiCollected: '6.5333' });
    // Rolled up: cost 8,000.00; (113000 − 8000) / 8000 = 13.125 → 13.1250; (45200 − 8000) / 8000 = 4.65 → 4.6500.
    expect(roi.rollup).toMatchObject({ actualCost: '8000.00', wonAmount: '113000.00', collected: '45200.00', roiWon: '13.1250', roiCollected: '4.6500' });
    expect(roi.own).toMatchObject({ actualCost: '2000.00', wonAmount: '0.00', collected: '0.00', roiWon: '-1.0000' });
    // The marketer sees the figures; the opportunities behind them are the rep's, listed to whoever sees her.
    expect(roi.opportunities).toEqual([]);
    const forManager = await ok(await w.manager.get(`/api/v1/campaigns/${parent.id}/roi`), 404); // the marketer is in no team of his
    expect(forManager.code).toBe('campaigns.not_found');
    const forAdmin = await ok(await w.admin.get(`/api/v1/campaigns/${parent.id}/roi`), 200);
    expect(forAdmin.opportunities[0]).toMatchObject({ status: 'won', amount: '113000.00', contractNumber: signed.number, collected: '45200.00' });

    // Reversing the write-off takes the cash back out of the ROI.
    const writeOffs = await ok(await w.finance.get(`/api/v1/write-offs?customerId=${customerId}`), 200);
    await ok(await w.finance.post(`/api/v1/write-offs/${writeOffs.items[0].id}/reverse`, { reason: '错账' }));
    const after = await ok(await marketer.get(`/api/v1/campaigns/${parent.id}`), 200);
    expect(after.rollup).toMatchObject({ collected: '0.00', roiCollected: '-1.0000', wonAmount: '113000.00' });
  });
});

describe('who sees and changes campaigns', () => {
  let mine: any; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    mine = await ok(await w.admin.post('/api/v1/campaigns', campaign({ name: `李娜的客户答谢会 ${tag}`, ownerId: w.t.users.repEast.id })));
  });

  it('lets only marketers and admins write', async () => {
    expect((await w.rep.post('/api/v1/campaigns', campaign({ name: 'x' }))).status).toBe(403);
    expect((await w.finance.post(`/api/v1/campaigns/${mine.id}/costs`, { category: 'other', amount: '1.00', incurredOn: '2026-03-01' })).status).toBe(403);
    expect((await w.manager.patch(`/api/v1/campaigns/${mine.id}`, { status: 'active', version: 1 })).status).toBe(403);
  });

  it('shows a campaign to whoever sees its owner, and to the whole-tenant roles', async () => {
    expect((await w.rep.get(`/api/v1/campaigns/${mine.id}`)).status).toBe(200);
    expect((await w.manager.get(`/api/v1/campaigns/${mine.id}`)).status).toBe(200); // her manager
    expect((await w.exec.get(`/api/v1/campaigns/${mine.id}`)).status).toBe(200);
    expect((await w.finance.get(`/api/v1/campaigns/${mine.id}`)).status).toBe(200);
    for (const outsider of [w.repNorth, w.managerNorth, w.repSub, marketer]) {
      const res = await outsider.get(`/api/v1/campaigns/${mine.id}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('campaigns.not_found');
      expect((await outsider.get(`/api/v1/campaigns?q=${encodeURIComponent('李娜的客户答谢会')}`)).body.items).toEqual([]);
    }
    // A marketer cannot hang her campaign under one she does not see.
    const hidden = await marketer.post('/api/v1/campaigns', campaign({ name: `挂靠 ${tag}`, parentId: mine.id }));
    expect(hidden.status).toBe(422);
    expect(hidden.body.code).toBe('campaigns.parent_not_found');
  });
});

describe('the marketer\'s funnel', () => {
  it('sums her campaigns of a year once each: members, check-ins, leads, cost and the ROI of the sums', async () => {
    const parent = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `2025 渠道 ${tag}`, startOn: '2025-05-01', endOn: '2025-05-31', status: 'active' })));
    const child = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `2025 路演 ${tag}`, parentId: parent.id, startOn: '2025-05-10', endOn: '2025-05-10', status: 'active' })));
    await ok(await marketer.post(`/api/v1/campaigns/${parent.id}/costs`, { category: 'agency', amount: '400.00', incurredOn: '2025-05-01' }));
    await ok(await marketer.post(`/api/v1/campaigns/${child.id}/costs`, { category: 'venue', amount: '600.00', incurredOn: '2025-05-10' }));
    await ok(await marketer.post(`/api/v1/campaigns/${child.id}/members`, { name: '褚衡', company: `温州阀门${tag}有限公司`, phone: '13600006666', status: 'checked_in' }));
    await ok(await marketer.post(`/api/v1/campaigns/${child.id}/members`, { name: '卫青', phone: '13600006667', status: 'invited' }));
    const funnel = await ok(await marketer.get('/api/v1/campaigns/funnel?year=2025'), 200);
    expect(funnel).toMatchObject({
      year: 2025, currency: 'CNY', campaigns: 2, activeCampaigns: 2, members: 2, invited: 2, checkedIn: 1, leads: 1, mql: 0,
      actualCost: '1000.00', wonAmount: '0.00', collected: '0.00', roiCollected: '-1.0000',
    });
    // Nobody else's: the rep's funnel of that year is empty.
    expect(await ok(await w.rep.get('/api/v1/campaigns/funnel?year=2025'), 200)).toMatchObject({ campaigns: 0, actualCost: '0.00', roiCollected: null });
  });
});

describe('merging leads moves their memberships', () => {
  it('moves a loser lead\'s memberships to the master, except where the master is a member already, and back on undo', async () => {
    const a = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `合并甲 ${tag}` })));
    const b = await ok(await marketer.post('/api/v1/campaigns', campaign({ name: `合并乙 ${tag}` })));
    const loser = await ok(await marketer.post(`/api/v1/campaigns/${a.id}/members`, { name: '陶然', company: `嘉善电机${tag}有限公司`, phone: '13300001111', status: 'checked_in' }));
    const master = await ok(await marketer.post(`/api/v1/campaigns/${a.id}/members`, { name: '陶然', company: `嘉善电机${tag}股份公司`, email: `taoran-${tag}@jsdj.cn`, status: 'checked_in' }));
    const [loserLead, masterLead] = [loser.lead.id as string, master.lead.id as string];
    expect(loserLead).not.toBe(masterLead);
    const inB = await ok(await marketer.post(`/api/v1/campaigns/${b.id}/members`, { leadId: loserLead, status: 'invited' }));
    const actor = { tenantId: w.t.tenantId, userId: w.t.users.admin.id };
    const moved = await inTenant(w.db, actor, (tx) => moveCampaignMemberRefsTx(tx, actor, { kind: 'lead', from: loserLead, to: masterLead }));
    expect(moved).toEqual([inB.id]); // in campaign 甲 the master is a member already: that row stays
    const listB = await ok(await marketer.get(`/api/v1/campaigns/${b.id}/members`), 200);
    expect(listB.items.map((m: { lead: { id: string } }) => m.lead.id)).toEqual([masterLead]);
    const back = await inTenant(w.db, actor, (tx) => moveCampaignMemberRefsTx(tx, actor, { kind: 'lead', from: masterLead, to: loserLead, ids: moved }));
    expect(back).toEqual([inB.id]);
    expect((await ok(await marketer.get(`/api/v1/campaigns/${b.id}/members`), 200)).items[0].lead.id).toBe(loserLead);
  });
});
