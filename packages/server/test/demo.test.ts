// The demo tenant tells a believable story: every role can log in and sees what its role should.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { isValidCreditCode } from '@l2c/shared';
import { asSystem } from '../src/platform/db.js';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from '../src/demo/demo-data.js';
import { call, testApp } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  h = await testApp();
  const exists = await asSystem(h.db, async (tx) => (await sql`select 1 from tenants where slug = 'demo'`.execute(tx)).rows.length > 0);
  if (!exists) await loadDemo(h.db);
  for (const u of DEMO_USERS) {
    const res = await call(h.baseUrl, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: DEMO_PASSWORD, tenant: 'demo' } });
    expect(res.status, u.email).toBe(200);
    tokens[u.key] = res.body.token;
  }
});

const list = async (key: string, path = '/api/v1/customers?limit=200') => (await call(h.baseUrl, 'GET', path, { token: tokens[key] })).body.items as Array<{ creditCode: string; owner: { name: string } | null; region: string }>;

describe('demo tenant', () => {
  it('has customers with valid credit codes, some in the public pool', async () => {
    const all = await list('admin');
    expect(all.length).toBeGreaterThanOrEqual(50);
    // every code given is a valid one; customers made from converted leads may not have one (a lead seldom brings it)
    expect(all.filter((c) => c.creditCode).every((c) => isValidCreditCode(c.creditCode))).toBe(true);
    expect(all.filter((c) => c.creditCode).length).toBeGreaterThanOrEqual(50);
    expect((await list('repEast1', '/api/v1/pool/customers?limit=200')).length).toBeGreaterThan(0);
  });
  it('a rep sees only their own, a regional manager their region', async () => {
    const mine = await list('repEast1');
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((c) => c.owner?.name))).toEqual(new Set(['李娜']));
    const east = await list('mgrEast');
    expect(new Set(east.map((c) => c.owner?.name))).toEqual(new Set(['李娜', '刘洋', '张伟']));
    const north = await list('mgrNorth');
    expect(north.every((c) => ['北京市', '天津市', '山东省济南市', '山东省青岛市', '河北省石家庄市'].includes(c.region))).toBe(true);
  });
  it('tells the invoices story: issued, partly red-lettered, one waiting to be issued, one in approval', async () => {
    const get = async (path: string) => (await call(h.baseUrl, 'GET', path, { token: tokens.finance })).body;
    const requests = (await get('/api/v1/invoice-requests?limit=50')).items as Array<{ status: string; requestedBy: { name: string } }>;
    expect(requests.map((r) => r.status).sort()).toEqual(['approved', 'issued', 'issued', 'pending']);
    expect(new Set(requests.map((r) => r.requestedBy.name))).toEqual(new Set(['李娜']));
    const invoices = (await get('/api/v1/invoices?limit=50')).items as Array<{ color: string; number: string; redAmount: string }>;
    expect(invoices.map((i) => i.color).sort()).toEqual(['blue', 'blue', 'red']);
    expect(invoices.every((i) => /^\d{20}$/.test(i.number))).toBe(true);
    const red = (await get('/api/v1/red-confirmations')).items as Array<{ status: string; reason: string }>;
    expect(red.map((r) => [r.status, r.reason])).toEqual([['issued', 'allowance']]);
    expect((await get('/api/v1/invoice-settings')).effectiveSeller.taxpayerId).toBeTruthy();
  });
  it('tells the bank story: most lines of the month\'s statement matched by themselves, the rest waiting, one statement held', async () => {
    const get = async (path: string) => (await call(h.baseUrl, 'GET', path, { token: tokens.finance })).body;
    const statements = (await get('/api/v1/bank-statements')).items as Array<{ status: string; problem: string | null }>;
    expect(statements.map((s) => s.status).sort()).toEqual(['balanced', 'unbalanced']);
    const lines = (await get('/api/v1/bank-statement-lines?limit=50')).items as Array<{ status: string; matchedHow: string | null; proposal: { confidence: number } | null }>;
    expect(lines.filter((l) => l.matchedHow === 'auto')).toHaveLength(5);
    // the payment a rep registered by hand the day before is the statement's line of that money, not a second payment
    expect(lines.filter((l) => l.matchedHow === 'linked')).toHaveLength(1);
    expect(lines.filter((l) => l.status === 'unclaimed' && l.proposal).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => l.status === 'held')).toHaveLength(2);
  });
  it('tells the campaign story: 吴芳\'s year as a tree, costs rolled up, check-ins that became leads, one bill reversed', async () => {
    const get = async (path: string) => (await call(h.baseUrl, 'GET', path, { token: tokens.marketer })).body;
    const roots = (await get('/api/v1/campaigns?roots=true')).items as Array<{ id: string; name: string; childCount: number; rollup: { actualCost: string; budget: string; checkedIn: number; leads: number } }>;
    const plan = roots.find((c) => c.name.endsWith('年度市场计划'))!;
    expect(plan.childCount).toBe(5);
    expect(plan.rollup.budget).toBe('1740000.00');
    expect(Number(plan.rollup.actualCost)).toBeGreaterThan(400000);
    expect(plan.rollup.checkedIn).toBeGreaterThan(30);
    expect(plan.rollup.leads).toBeGreaterThanOrEqual(plan.rollup.checkedIn - 12); // customers' contacts check in without becoming leads
    const dinner = (await get(`/api/v1/campaigns?q=${encodeURIComponent('答谢晚宴')}`)).items[0] as { id: string };
    const costs = (await get(`/api/v1/campaigns/${dinner.id}/costs`)) as { total: string; items: Array<{ amount: string; reversesId: string | null }> };
    expect(costs.total).toBe('41400.00');
    expect(costs.items.filter((c) => c.reversesId).map((c) => c.amount)).toEqual(['-31800.00']);
  });
  it('tells the opportunity story: won (into contracts), lost with reasons, open across stages, a forecast adjusted, visits and a decision map', async () => {
    const get = async (key: string, path: string) => (await call(h.baseUrl, 'GET', path, { token: tokens[key] })).body;
    const won = (await get('repEast1', '/api/v1/opportunities?status=won&limit=200')).items as Array<{ contractId: string | null; owner: { name: string } }>;
    expect(won.length).toBeGreaterThanOrEqual(4);
    expect(won.every((o) => o.contractId !== null && o.owner.name === '李娜')).toBe(true);
    const lost = (await get('mgrEast', '/api/v1/opportunities?status=lost&limit=200')).items as Array<{ lostReason: string; competitor: string | null }>;
    expect(lost.length).toBeGreaterThanOrEqual(3);
    expect(lost.every((o) => o.lostReason)).toBe(true);
    const kanban = await get('repEast1', '/api/v1/opportunities/kanban');
    expect(kanban.columns.filter((c: { count: number }) => c.count > 0).length).toBeGreaterThanOrEqual(3);
    const funnel = await get('mgrEast', '/api/v1/opportunities/funnel');
    expect(funnel.won).toBeGreaterThan(0);
    expect(funnel.stages[0].reached).toBeGreaterThan(funnel.stages[3].reached);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString();
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const forecast = await get('mgrEast', `/api/v1/forecast?period=${quarter}`);
    const liNa = forecast.rows.find((r: { subject: { name: string } }) => r.subject.name === '李娜');
    expect(liNa.commit.adjusted).toBe('380000.00');
    const visits = (await get('repEast1', '/api/v1/visits?from=2000-01-01&to=2999-12-31&limit=100')).items as Array<{ status: string; checkIn: { distanceM: number | null } | null }>;
    expect(visits.filter((v) => v.status === 'completed')).toHaveLength(6);
    expect(visits.filter((v) => v.status === 'checked_in')).toHaveLength(1);
    expect(visits.some((v) => (v.checkIn?.distanceM ?? 0) > 1500)).toBe(true);
    const processes = await get('repEast1', '/api/v1/sales-processes');
    expect(processes.items.map((p: { name: string }) => p.name)).toEqual(['标准销售流程', '软件订阅流程']);
  });
});

describe('demo scoring (issue 10)', () => {
  it('has the marketer\'s scoring rules, a lead duplicate rule and an RFM grade for paying customers', async () => {
    const get = async (key: string, path: string) => (await call(h.baseUrl, 'GET', path, { token: tokens[key] })).body;
    const config = await get('marketer', '/api/v1/scoring/config');
    expect(config).toMatchObject({ custom: true, halfLifeDays: 21 });
    expect(config.fit).toContainEqual({ field: 'industry', value: 'manufacturing', points: 30 });
    expect((await get('admin', '/api/v1/duplicate-rules')).items.map((r: { object: string; action: string; builtIn: boolean }) => `${r.object}:${r.action}:${r.builtIn}`)).toContain('lead:block:false');
    // the oldest customers are the ones with two years of revenue (the newest came from converted leads)
    const customers = (await get('admin', '/api/v1/customers?limit=200&sort=createdAt')).items as Array<{ id: string }>;
    const rfm = await Promise.all(customers.slice(0, 20).map((c) => get('admin', `/api/v1/customers/${c.id}/rfm`)));
    const paying = rfm.filter((r) => r && r.frequency > 0);
    expect(paying.length).toBeGreaterThan(5);
    expect(new Set(paying.map((r) => r.grade)).size).toBeGreaterThan(1); // the grades tell customers apart
    const model = await get('marketer', '/api/v1/scoring/model');
    console.log(`demo scoring model: ${model?.samples} closed leads, ${model?.positives} converted, AUC ${model?.auc}`); // eslint-disable-line no-console
    expect(model.samples).toBeGreaterThanOrEqual(20); // learned from the year of demo leads
  });
});

describe('demo leads (issue 10)', () => {
  it('tells the lead story: a year captured from the form, campaigns, referrals and an import; assigned, worked, converted', async () => {
    const get = async (key: string, path: string) => (await call(h.baseUrl, 'GET', path, { token: tokens[key] })).body;
    const all = async (key: string, path: string) => {
      const out: Array<{ status: string; source: string; owner: { name: string } | null; inPool: boolean; consent: unknown; converted: { opportunityId: string | null } | null }> = [];
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const page = await get(key, `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        out.push(...page.items);
        cursor = page.nextCursor;
      }
      return out;
    };
    const leads = await all('marketer', '/api/v1/leads');
    expect(leads.length).toBeGreaterThanOrEqual(240);
    expect(new Set(leads.map((l) => l.source))).toEqual(new Set(['web_form', 'campaign', 'referral', 'manual', 'other', 'import']));
    const converted = leads.filter((l) => l.status === 'converted');
    expect(converted.length).toBeGreaterThanOrEqual(15);
    expect(converted.every((l) => l.converted?.opportunityId)).toBe(true);
    expect(leads.filter((l) => l.status === 'invalid').length).toBeGreaterThanOrEqual(15);
    expect(leads.some((l) => l.source === 'web_form' && l.consent)).toBe(true);
    expect(leads.filter((l) => l.inPool).length).toBeGreaterThan(10);
    const mine = await all('repEast1', '/api/v1/leads?status=raw,mql,sql');
    expect(new Set(mine.filter((l) => !l.inPool).map((l) => l.owner?.name))).toEqual(new Set(['李娜']));
    const imports = (await get('marketer', '/api/v1/lead-imports')).items as Array<{ status: string; failed: number; created: number }>;
    expect(imports[0]).toMatchObject({ status: 'done', failed: 3, created: 21 });
    const rules = (await get('marketer', '/api/v1/lead-assignment-rules')).items as Array<{ strategy: string }>;
    expect(rules.map((r) => r.strategy)).toEqual(['round_robin', 'weighted']);
  });
});
