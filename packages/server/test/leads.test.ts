// Leads 线索 over real HTTP and a real database: capture with normalised keys and dedup flags, the lifecycle, who sees
// what, assignment rules, the lead pool and its recycle job, the public web form (origin, honeypot, consent, rate
// limit), the import job with its failed-rows report, and the conversion into customer + contact + opportunity.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../src/platform/db.js';
import { recycleStaleLeads } from '../src/domains/leads/index.js';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let baseUrl: string;
let db: Awaited<ReturnType<typeof testApp>>['db'];
let t: TestTenant;
let admin: Client, marketer: Client, rep: Client, repSub: Client, repNorth: Client, manager: Client;
const tag = crypto.randomBytes(3).toString('hex');
const digits = () => String(crypto.randomInt(10_000_000, 99_999_999));

async function ok<T = any>(res: { status: number; body: any }, status = 201): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
}
async function put(client: Client, path: string, body: unknown) {
  return call(baseUrl, 'PUT', path, { token: client.token, body });
}

beforeAll(async () => {
  ({ baseUrl, db } = await testApp());
  t = await makeTenant(db, { pool: { claimDailyCap: 2 } });
  [admin, marketer, rep, repSub, repNorth, manager] = await Promise.all([
    login(baseUrl, t.users.admin), login(baseUrl, t.users.marketer), login(baseUrl, t.users.repEast),
    login(baseUrl, t.users.repEastSub), login(baseUrl, t.users.repNorth), login(baseUrl, t.users.managerEast),
  ]);
});

describe('capture and lifecycle', () => {
  let lead: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const mobile = `139${digits()}`;

  it('a rep types a lead in: numbered, normalised keys, owned by him, history starts raw', async () => {
    lead = await ok(await rep.post('/api/v1/leads', { companyName: `杭州恒通机电${tag}有限公司`, contactName: '陈明', phone: `+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`, email: ` Chen.Ming@HengTong-${tag}.CN `, source: 'manual' }));
    expect(lead.number).toMatch(/^XS-\d{4}-\d{6}$/);
    expect(lead.status).toBe('raw');
    expect(lead.owner.id).toBe(t.users.repEast.id);
    expect(lead.inPool).toBe(false);
    const keys = await asSystem(db, (tx) => sql<{ phone_key: string; email_key: string; company_key: string }>`select phone_key, email_key, company_key from leads where id = ${lead.id}`.execute(tx));
    expect(keys.rows[0]).toEqual({ phone_key: mobile, email_key: `chen.ming@hengtong-${tag}.cn`, company_key: `恒通机电${tag}` });
    const detail = await ok(await rep.get(`/api/v1/leads/${lead.id}`), 200);
    expect(detail.history.map((h: any) => h.toStatus)).toEqual(['raw']); // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  it('the same person typed differently is flagged as a duplicate of the first lead', async () => {
    const again = await ok(await marketer.post('/api/v1/leads', { contactName: '陈明', phone: `0086 ${mobile}`, source: 'api' }));
    expect(again.duplicate).toMatchObject({ kind: 'lead', id: lead.id });
    expect(again.duplicate.reasons).toContain('phone');
  });

  it('refuses a lead with nothing to reach anyone by', async () => {
    const res = await rep.post('/api/v1/leads', { title: '经理', source: 'manual' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('leads.empty');
  });

  it('moves raw → mql → sql; invalid needs a reason; history and audit keep every move', async () => {
    let cur = await ok(await rep.post(`/api/v1/leads/${lead.id}/status`, { status: 'mql', version: lead.version }), 200);
    cur = await ok(await rep.post(`/api/v1/leads/${lead.id}/status`, { status: 'sql', version: cur.version }), 200);
    expect(cur.status).toBe('sql');
    const noReason = await rep.post(`/api/v1/leads/${lead.id}/status`, { status: 'invalid', version: cur.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('leads.reason_required');
    const skip = await rep.post(`/api/v1/leads/${lead.id}/status`, { status: 'raw', version: cur.version });
    expect(skip.body.code).toBe('leads.bad_transition');
    const detail = await ok(await rep.get(`/api/v1/leads/${lead.id}`), 200);
    expect(detail.history.map((h: any) => `${h.fromStatus ?? '-'}>${h.toStatus}`)).toEqual(['->raw', 'raw>mql', 'mql>sql']); // eslint-disable-line @typescript-eslint/no-explicit-any
    const audit = await ok(await admin.get(`/api/v1/audit?entityType=lead&entityId=${lead.id}`), 200);
    expect(audit.items.map((a: any) => a.action).sort()).toEqual(['create', 'status', 'status']); // eslint-disable-line @typescript-eslint/no-explicit-any
    lead = cur;
  });

  it('a rep sees his own leads and the pool; another team does not; his manager and the marketer do', async () => {
    expect((await repNorth.get(`/api/v1/leads/${lead.id}`)).status).toBe(404);
    expect((await repSub.get(`/api/v1/leads/${lead.id}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/leads/${lead.id}`)).status).toBe(200);
    expect((await marketer.get(`/api/v1/leads/${lead.id}`)).status).toBe(200);
    const north = await ok(await repNorth.get('/api/v1/leads?limit=200'), 200);
    expect(north.items.some((l: any) => l.id === lead.id)).toBe(false); // eslint-disable-line @typescript-eslint/no-explicit-any
    const mine = await ok(await rep.get('/api/v1/leads?status=sql'), 200);
    expect(mine.items.map((l: any) => l.id)).toContain(lead.id); // eslint-disable-line @typescript-eslint/no-explicit-any
  });
});

describe('assignment rules', () => {
  it('round-robin alternates, weighted shares 3:1, a full quota passes the lead on, conditions pick the rule', async () => {
    const weighted = await ok(await marketer.post('/api/v1/lead-assignment-rules', {
      name: `华北 weighted ${tag}`, position: 1, strategy: 'weighted', regions: [`华北${tag}`],
      members: [{ userId: t.users.repNorth.id, weight: 3 }, { userId: t.users.managerNorth.id, weight: 1 }],
    }));
    const rr = await ok(await marketer.post('/api/v1/lead-assignment-rules', {
      name: `华东 rr ${tag}`, position: 2, strategy: 'round_robin', regions: [`华东${tag}`],
      members: [{ userId: t.users.repEast.id }, { userId: t.users.repEastSub.id, dailyQuota: 1 }],
    }));
    const capture = async (region: string) => (await ok(await marketer.post('/api/v1/leads', { companyName: `分配测试${crypto.randomBytes(4).toString('hex')}`, region, source: 'api' }))).owner?.id;
    const north: string[] = [];
    for (let i = 0; i < 8; i++) north.push(await capture(`华北${tag}北京`));
    expect(north.filter((o) => o === t.users.repNorth.id)).toHaveLength(6);
    expect(north.filter((o) => o === t.users.managerNorth.id)).toHaveLength(2);
    const east: string[] = [];
    for (let i = 0; i < 4; i++) east.push(await capture(`华东${tag}`));
    // repEastSub's quota is one a day: after his one lead, repEast takes the rest
    expect(east.filter((o) => o === t.users.repEastSub.id)).toHaveLength(1);
    expect(east.filter((o) => o === t.users.repEast.id)).toHaveLength(3);
    // no rule for this region: a marketer's lead goes to the pool
    const pooled = await ok(await marketer.post('/api/v1/leads', { companyName: `无人认领${tag}`, region: '西南', source: 'api' }));
    expect(pooled.inPool).toBe(true);
    const list = await ok(await marketer.get('/api/v1/lead-assignment-rules'), 200);
    const row = list.items.find((r: any) => r.id === rr.id); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(row.members.find((m: any) => m.userId === t.users.repEastSub.id).assignedToday).toBe(1); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect((await rep.post('/api/v1/lead-assignment-rules', { ...weighted, members: [{ userId: t.users.repEast.id }] })).status).toBe(403);
    for (const r of [weighted, rr]) expect((await marketer.delete(`/api/v1/lead-assignment-rules/${r.id}`)).status).toBe(204);
  });
});

describe('the lead pool', () => {
  it('release, claim up to the customer pool\'s daily cap, assign; the recycle job returns untouched leads', async () => {
    const mk = async () => ok(await rep.post('/api/v1/leads', { companyName: `公海线索${crypto.randomBytes(4).toString('hex')}`, source: 'manual' }));
    const [a, b, c] = [await mk(), await mk(), await mk()];
    for (const l of [a, b, c]) await ok(await rep.post(`/api/v1/leads/${l.id}/release`, { reason: '暂不跟进' }), 200);
    const pool = await ok(await repNorth.get('/api/v1/pool/leads?limit=200'), 200);
    expect(pool.items.map((l: any) => l.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id])); // eslint-disable-line @typescript-eslint/no-explicit-any
    await ok(await repNorth.post(`/api/v1/leads/${a.id}/claim`), 200);
    await ok(await repNorth.post(`/api/v1/leads/${b.id}/claim`), 200);
    const third = await repNorth.post(`/api/v1/leads/${c.id}/claim`);
    expect(third.status).toBe(422);
    expect(third.body.code).toBe('leads.claim_cap_reached');
    expect((await rep.post(`/api/v1/leads/${a.id}/claim`)).body.code).toBe('leads.not_found'); // repNorth's now: out of repEast's sight

    const stale = await ok(await rep.post('/api/v1/leads', { companyName: `长期未跟进${tag}`, source: 'manual' }));
    await asSystem(db, (tx) => sql`update leads set last_touched_at = now() - interval '30 days' where id = ${stale.id}`.execute(tx));
    const { recycled } = await recycleStaleLeads(db);
    expect(recycled).toBeGreaterThanOrEqual(1);
    const back = await ok(await rep.get(`/api/v1/leads/${stale.id}`), 200);
    expect(back.lead.inPool).toBe(true);
    expect((await recycleStaleLeads(db)).recycled).toBe(0);
    const assigned = await ok(await manager.post(`/api/v1/leads/${stale.id}/assign`, { ownerId: t.users.repEastSub.id, version: back.lead.version }), 200);
    expect(assigned.owner.id).toBe(t.users.repEastSub.id);
  });
});

describe('the public web form', () => {
  let form: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const site = 'https://www.example-customer.cn';
  const submit = (body: unknown, origin?: string) => call(baseUrl, 'POST', `/api/v1/public/lead-forms/${form.key}/submissions`, { body, headers: origin ? { origin } : {} });

  beforeAll(async () => {
    form = await ok(await marketer.post('/api/v1/lead-forms', { name: `官网咨询 ${tag}`, allowedOrigins: [site], fields: ['companyName', 'contactName', 'phone', 'email', 'message'], consentText: '我同意贵司按隐私政策联系我' }));
  });

  it('takes a submission from an allowed origin with CORS and records the consent', async () => {
    const phone = `137${digits()}`;
    const res = await submit({ companyName: `官网客户${tag}`, contactName: '王芳', phone, consent: true }, site);
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe(site);
    const found = await ok(await marketer.get(`/api/v1/leads?q=${phone}`), 200);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ source: 'web_form', consent: { text: '我同意贵司按隐私政策联系我', ip: expect.any(String) } });
    const preflight = await fetch(`${baseUrl}/api/v1/public/lead-forms/${form.key}/submissions`, { method: 'OPTIONS', headers: { origin: site, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(site);
  });

  it('refuses another origin, a missing consent and an unknown key; a filled honeypot stores nothing', async () => {
    const other = await submit({ contactName: '李雷', phone: `136${digits()}`, consent: true }, 'https://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await submit({ contactName: '李雷', phone: `136${digits()}` }, site)).status).toBe(400);
    const unknown = await call(baseUrl, 'POST', '/api/v1/public/lead-forms/lf_doesnotexist000000000/submissions', { body: { contactName: 'x', consent: true } });
    expect(unknown.status).toBe(404);
    const botPhone = `135${digits()}`;
    expect((await submit({ contactName: 'bot', phone: botPhone, website: 'http://spam', consent: true }, site)).status).toBe(202);
    expect((await ok(await marketer.get(`/api/v1/leads?q=${botPhone}`), 200)).items).toHaveLength(0);
  });

  it('limits submissions per address and form', async () => {
    const limited = await ok(await marketer.post('/api/v1/lead-forms', { name: `限流 ${tag}`, consentText: '同意' }));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await call(baseUrl, 'POST', `/api/v1/public/lead-forms/${limited.key}/submissions`, { body: { contactName: `访客${i}`, phone: `134${digits()}`, consent: true } })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

async function upload(client: Client, bytes: Buffer, filename: string) {
  const body = new FormData();
  body.append('file', new Blob([bytes]), filename);
  const res = await fetch(`${baseUrl}/api/v1/lead-imports`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
async function finished(client: Client, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = await ok(await client.get(`/api/v1/lead-imports/${id}`), 200);
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('import', () => {
  it('imports a CSV in batches, reports the rows that failed with their reasons as .xlsx', async () => {
    const p = () => `158${digits()}`;
    const dupPhone = p();
    const csv = [
      '公司名称,联系人,手机,邮箱,行业,规模,地区',
      `导入甲${tag}有限公司,张三,${p()},zhang@a-${tag}.cn,制造业,120,浙江杭州`,
      `导入乙${tag},李四,12345,,,,`,
      `导入丙${tag},王五,${dupPhone},,it,1000+,上海`,
      `导入丁${tag},赵六,+86 ${dupPhone},,,,`,
      `导入戊${tag},钱七,,bad-email,,,`,
      `导入己${tag},孙八,${p()},,未知行业,,`,
      ',,,,,,',
    ].join('\r\n');
    const started = await upload(marketer, Buffer.from(`\uFEFF${csv}`), 'leads.csv');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.totalRows).toBe(6);
    const job = await finished(marketer, started.body.id);
    expect(job).toMatchObject({ status: 'done', processedRows: 6, created: 2, failed: 4 });
    const res = await fetch(`${baseUrl}/api/v1/lead-imports/${job.id}/failures.xlsx?lang=zh`, { headers: { authorization: `Bearer ${marketer.token}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => r[0])).toEqual([3, 5, 6, 7]);
    const reasons = rows.map((r) => String(r[r.length - 1]));
    expect(reasons[0]).toMatch(/phone/);
    expect(reasons[1]).toMatch(/the same person as row 4/);
    expect(reasons[2]).toMatch(/email/);
    expect(reasons[3]).toMatch(/industry/);
    const created = await ok(await marketer.get(`/api/v1/leads?q=${encodeURIComponent(`导入甲${tag}`)}`), 200);
    expect(created.items[0]).toMatchObject({ source: 'import', industry: 'manufacturing', companySize: '50-199', number: expect.stringMatching(/^XS-\d{4}-\d{6}-0001$/) });
  });

  it('reads .xlsx, refuses a file without a lead column, and a rep may not import', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('线索');
    ws.addRow(['Company', 'Contact name', 'Phone']);
    ws.addRow([`Excel客户${tag}`, 'Tom', `+86 157${digits()}`]);
    const started = await upload(marketer, Buffer.from(await wb.xlsx.writeBuffer()), 'leads.xlsx');
    expect(started.status, JSON.stringify(started.body)).toBe(202); // the refusal says why, should it ever come
    expect(await finished(marketer, started.body.id)).toMatchObject({ status: 'done', created: 1, failed: 0 });
    const bad = await upload(marketer, Buffer.from('foo,bar\n1,2\n'), 'x.csv');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('leads.bad_file');
    expect((await upload(rep, Buffer.from('公司名称\nx\n'), 'x.csv')).status).toBe(403);
  });
});

describe('conversion', () => {
  it('turns a lead into customer + contact + opportunity at once; twice is refused; a key replays', async () => {
    const lead = await ok(await rep.post('/api/v1/leads', { companyName: `转化科技${tag}有限公司`, contactName: '周杰', title: '采购经理', phone: `186${digits()}`, email: `zhou@zh-${tag}.cn`, source: 'manual' }));
    const key = `convert-${tag}-1`;
    const res = await rep.post(`/api/v1/leads/${lead.id}/convert`, { amount: '120000.00', opportunityName: `转化商机 ${tag}` }, { 'idempotency-key': key });
    const done = await ok(res);
    expect(done).toMatchObject({ leadId: lead.id, customerCreated: true, contactId: expect.any(String), opportunityId: expect.any(String) });
    const customer = await ok(await rep.get(`/api/v1/customers/${done.customerId}`), 200);
    expect(customer).toMatchObject({ name: `转化科技${tag}有限公司`, owner: { id: t.users.repEast.id } });
    const contacts = await ok(await rep.get(`/api/v1/customers/${done.customerId}/contacts`), 200);
    expect(contacts.items).toMatchObject([{ name: '周杰', title: '采购经理', isPrimary: true }]);
    const opp = await ok(await rep.get(`/api/v1/opportunities/${done.opportunityId}`), 200);
    expect(JSON.stringify(opp)).toContain(lead.id);
    const detail = await ok(await rep.get(`/api/v1/leads/${lead.id}`), 200);
    expect(detail.lead).toMatchObject({ status: 'converted', converted: { customerId: done.customerId, opportunityId: done.opportunityId } });
    expect(detail.history.map((h: any) => h.toStatus)).toEqual(['raw', 'converted']); // eslint-disable-line @typescript-eslint/no-explicit-any

    const replay = await rep.post(`/api/v1/leads/${lead.id}/convert`, { amount: '120000.00', opportunityName: `转化商机 ${tag}` }, { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(done);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const twice = await rep.post(`/api/v1/leads/${lead.id}/convert`, { amount: '1.00' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('leads.converted');
  });

  it('converts into the existing customer dedup found; a failure leaves nothing half-converted', async () => {
    const existing = await ok(await rep.post('/api/v1/customers', { name: `已有客户${tag}有限公司` }));
    const lead = await ok(await rep.post('/api/v1/leads', { companyName: `已有客户${tag}`, contactName: '吴刚', source: 'manual' }));
    const refused = await rep.post(`/api/v1/leads/${lead.id}/convert`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('customers.duplicate');
    expect((await ok(await rep.get(`/api/v1/leads/${lead.id}`), 200)).lead.status).toBe('raw');
    const done = await ok(await rep.post(`/api/v1/leads/${lead.id}/convert`, { customerId: existing.id, createOpportunity: false }));
    expect(done).toMatchObject({ customerId: existing.id, customerCreated: false, opportunityId: null });
    const contacts = await ok(await rep.get(`/api/v1/customers/${existing.id}/contacts`), 200);
    expect(contacts.items.map((c: any) => c.name)).toEqual(['吴刚']); // eslint-disable-line @typescript-eslint/no-explicit-any
  });
});
