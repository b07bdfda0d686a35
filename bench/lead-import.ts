// Lead import end to end (issue 10 §11; `npm run bench:lead-import`, also part of `npm run bench`).
// A tenant with BENCH_LEAD_CONTACTS customers and as many contacts (100,000 each); a CSV of BENCH_LEAD_ROWS leads
// (100,000): a fifth are existing contacts' mobiles typed with +86 and dashes, a tenth their e-mails in capitals, a
// tenth existing companies written another way (province prefix, "(中国)", another legal form), 1 % with a phone
// nobody can dial, the rest new. Measured:
//   (a) the API: POST /api/v1/lead-imports over HTTP (upload, parse, check), then GET …/{id} every 250 ms until the
//       job is done — every row normalised, deduplicated against leads, contacts and customers through dedup's
//       matcher (1,000 per call), assigned, numbered, written with its history and audit entry, failures kept;
//   (b) in the same run, a bare COPY of the same CSV bytes into a plain table of the same columns (no keys, no
//       checks, no dedup): the floor of getting those rows into the database at all. On PostgreSQL the same server
//       (COPY FROM STDIN); on PGlite a second in-memory PGlite in this process (its node-postgres adapter has no COPY).
// Target: under 60 s end to end. The machine may be shared: read the ratio, not the seconds. See docs/benchmarks.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { normaliseCompanyName } from '../packages/shared/src/index.js';
import { createApp, type L2C } from '../packages/server/src/app.js';
import { asSystem } from '../packages/server/src/platform/db.js';
import { hashPassword } from '../packages/server/src/domains/identity/index.js';
import { envInt, log, table } from './lib.js';
import { recordFigure } from './figures.js';

const DATABASE_URL = process.env.DATABASE_URL || null;
const CONTACTS = envInt('BENCH_LEAD_CONTACTS', 100_000);
const ROWS = envInt('BENCH_LEAD_ROWS', 100_000);
const TARGET_MS = 60_000;
const PASSWORD = 'bench-pass-1';

const CITIES: Array<[string, string]> = [['杭州', '浙江省杭州市'], ['宁波', '浙江省宁波市'], ['苏州', '江苏省苏州市'], ['无锡', '江苏省无锡市'], ['上海', '上海市'], ['天津', '天津市'], ['济南', '山东省济南市'], ['成都', '四川省成都市'], ['武汉', '湖北省武汉市'], ['深圳', '广东省深圳市']];
const CHARS = '云帆星河华辰恒达瑞丰鼎盛海天锦程宏远安泰明德永康信诚联创博雅卓越金源中科新宇同兴万通嘉禾富强东方正大国泰天成鸿运'.split('');
const TRADES = ['智能科技', '精密机械', '电子', '新材料', '物流', '自动化', '软件', '化工', '医疗器械', '环保科技'];
const FORMS = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司'];
const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗'.split('');
const COLUMNS = ['company_name', 'contact_name', 'phone', 'email', 'industry', 'company_size', 'region'];

function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
}
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function bareCopyPostgres(csv: Buffer): Promise<number> {
  const client = new pg.Client({ connectionString: DATABASE_URL! });
  await client.connect();
  try {
    await client.query(`drop table if exists bench_lead_copy; create unlogged table bench_lead_copy (${COLUMNS.map((c) => `${c} text`).join(', ')})`);
    const t0 = performance.now();
    await pipeline(Readable.from([csv]), client.query(copyFrom(`copy bench_lead_copy (${COLUMNS.join(', ')}) from stdin with (format csv, header true)`)));
    const ms = performance.now() - t0;
    await client.query('drop table bench_lead_copy');
    return ms;
  } finally {
    await client.end();
  }
}

async function bareCopyPglite(csv: Buffer): Promise<number> {
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create('memory://');
  try {
    await lite.exec(`create table bench_lead_copy (${COLUMNS.map((c) => `${c} text`).join(', ')})`);
    const t0 = performance.now();
    await lite.query(`copy bench_lead_copy (${COLUMNS.join(', ')}) from '/dev/blob' with (format csv, header true)`, [], { blob: new Blob([csv]) });
    return performance.now() - t0;
  } finally {
    await lite.close();
  }
}

async function main() {
  const tmp = DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-leads-'));
  let l2c: L2C | null = null;
  try {
    l2c = await createApp({ databaseUrl: DATABASE_URL, ...(tmp ? { dataDir: path.join(tmp, 'data') } : {}), demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
    await l2c.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = l2c.app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const db = l2c.db;
    const r = rng(11);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;

    // The tenant: CONTACTS customers, each with one contact (a mobile and an e-mail).
    const existing = Array.from({ length: CONTACTS }, (_, i) => {
      const [city, province] = pick(CITIES);
      const core = pick(CHARS) + pick(CHARS);
      const trade = pick(TRADES);
      return { name: `${city}${core}${trade}${pick(FORMS)}`, other: `${province}${core}${trade}（中国）${pick(FORMS)}`, mobile: `139${String(i).padStart(8, '0')}`, email: `c${i}@bench-${i % 97}.cn` };
    });
    const slug = `bench-leads-${crypto.randomBytes(3).toString('hex')}`;
    const email = `marketer@${slug}.test`;
    const passwordHash = await hashPassword(PASSWORD);
    let t0 = performance.now();
    await asSystem(db, async (tx) => {
      const tenantId = (await sql<{ id: string }>`insert into tenants (slug, name) values (${slug}, '线索导入基准') returning id`.execute(tx)).rows[0]!.id;
      const userId = (await sql<{ id: string }>`insert into users (tenant_id, email, name, role, password_hash) values (${tenantId}, ${email}, '市场', 'marketer', ${passwordHash}) returning id`.execute(tx)).rows[0]!.id;
      for (let i = 0; i < existing.length; i += 10_000) {
        const part = existing.slice(i, i + 10_000);
        await sql`with c as (
            insert into customers (tenant_id, number, name, name_key, company_key, owner_id, search_pinyin, search_initials)
            select ${tenantId}::uuid, 'KH-L-' || lpad((${i}::int + n)::text, 7, '0'), v.name, v.key, v.key, ${userId}::uuid, '', ''
            from unnest(${part.map((p) => p.name)}::text[], ${part.map((p) => normaliseCompanyName(p.name))}::text[]) with ordinality as v(name, key, n)
            returning id, number)
          insert into contacts (tenant_id, customer_id, name, mobile, phone_key, email)
          select ${tenantId}::uuid, c.id, '联系人', v.mobile, v.mobile, v.email from c
          join unnest(${part.map((p) => p.mobile)}::text[], ${part.map((p) => p.email)}::text[]) with ordinality as v(mobile, email, n)
            on c.number = 'KH-L-' || lpad((${i}::int + v.n)::text, 7, '0')`.execute(tx);
      }
      await sql`analyze customers`.execute(tx);
      await sql`analyze contacts`.execute(tx);
    });
    log(`seeded ${CONTACTS.toLocaleString('en')} customers and contacts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // The file: a fifth known mobiles, a tenth known e-mails, a tenth known companies written another way, 1 % bad.
    const lines = [['公司名称', '联系人', '电话', '邮箱', '行业', '规模', '地区'].join(',')];
    let known = 0;
    for (let i = 0; i < ROWS; i++) {
      const e = existing[(i * 7919) % existing.length]!;
      const [city, province] = pick(CITIES);
      const person = pick(SURNAMES) + pick(SURNAMES);
      const fresh = `${city}${pick(CHARS)}${pick(CHARS)}${pick(CHARS)}${pick(TRADES)}${i}有限公司`;
      const m = i % 100;
      let row: string[];
      if (m < 20) { row = [fresh, person, `+86 ${e.mobile.slice(0, 3)}-${e.mobile.slice(3, 7)}-${e.mobile.slice(7)}`, '', '制造业', '200-999', province]; known++; }
      else if (m < 30) { row = [fresh, person, '', e.email.toUpperCase(), '信息技术', '50-199', province]; known++; }
      else if (m < 40) { row = [e.other, person, '', '', '制造业', '1000+', province]; known++; }
      else if (m === 40) row = [fresh, person, '12345', '', '', '', province];
      else row = [fresh, person, `137${String(i).padStart(8, '0')}`, `lead${i}@new-${i % 89}.cn`, pick(['制造业', '零售', '物流']), pick(['1-49', '50-199']), province];
      lines.push(row.map(csvCell).join(','));
    }
    const csv = Buffer.from(`${lines.join('\n')}\n`);
    log(`CSV of ${ROWS.toLocaleString('en')} leads, ${(csv.length / 1024 / 1024).toFixed(1)} MB (${known.toLocaleString('en')} name an existing contact or customer)`);

    const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };

    // (a) the API, end to end
    t0 = performance.now();
    const form = new FormData();
    form.append('file', new Blob([csv]), 'leads.csv');
    const started = await fetch(`${baseUrl}/api/v1/lead-imports`, { method: 'POST', headers: auth, body: form });
    if (started.status !== 202) throw new Error(`upload: ${started.status} ${await started.text()}`);
    const { id } = (await started.json()) as { id: string };
    const accepted = performance.now() - t0;
    let job: { status: string; processedRows: number; created: number; duplicates: number; failed: number; totalRows: number };
    let polls = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await (await fetch(`${baseUrl}/api/v1/lead-imports/${id}`, { headers: auth })).json()) as typeof job;
      polls++;
      if (polls % 20 === 0) log(`  ${job.processedRows.toLocaleString('en')} / ${job.totalRows.toLocaleString('en')} rows`);
      if (job.status !== 'running') break;
    }
    const apiMs = performance.now() - t0;
    if (job.status !== 'done') throw new Error(`import ended ${job.status}`);

    // (b) the bare COPY of the same bytes
    const copyMs = DATABASE_URL ? await bareCopyPostgres(csv) : await bareCopyPglite(csv);

    const database = DATABASE_URL ? 'postgresql' : 'pglite';
    console.log(table(['database', 'rows', 'existing contacts', 'created', 'duplicates', 'failed', 'accepted (upload) ms', 'end to end ms', 'bare COPY ms', 'ratio', 'rows/s'],
      [[database, ROWS, CONTACTS, job.created, job.duplicates, job.failed, Math.round(accepted), Math.round(apiMs), Math.round(copyMs), (apiMs / copyMs).toFixed(1), Math.round(ROWS / (apiMs / 1000))]]));
    recordFigure({ bench: 'lead-import', figure: `import ${ROWS} leads with dedup vs ${CONTACTS} contacts`, api: apiMs, sql: copyMs, unit: 'ms', target: '< 60,000 ms', met: apiMs < TARGET_MS, database });
  } finally {
    await l2c?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
