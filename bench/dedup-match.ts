// Dedup matching bench (alone: `npm run bench:dedup`). BENCH_DEDUP_CANDIDATES candidates (1,000: one call, as leads'
// import sends them) against BENCH_DEDUP_CUSTOMERS customers (100,000) with realistic Chinese company names (a city, a
// two-character trade name, a trade, a legal form) and phones:
//   (a) the matcher — domains/dedup matchCandidatesTx: one statement over the indexed blocking keys (company block,
//       phone, credit code) under row-level security, company names scored in process, the rules applied;
//   (b) in the same run, the bare SQL join of the same candidates' keys on the same indexes (owner role, no RLS, no
//       scoring, no rules) — the floor any matcher that reads those keys pays.
// Half the candidates are existing customers written another way (province prefix, "(中国)", another legal form), a
// quarter existing phones typed with +86 and dashes, a quarter new companies. PGlite in a temporary data directory by
// default; with DATABASE_URL, that PostgreSQL. See docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { normaliseCompanyName, normalisePhone } from '../packages/shared/src/index.js';
import { createApp, type L2C } from '../packages/server/src/app.js';
import { asSystem, inTenant } from '../packages/server/src/platform/db.js';
import { matchCandidatesTx } from '../packages/server/src/domains/dedup/index.js';
import { envInt, log, table } from './lib.js';
import { recordFigure } from './figures.js';

const DATABASE_URL = process.env.DATABASE_URL || null;
const CUSTOMERS = envInt('BENCH_DEDUP_CUSTOMERS', 100_000);
const CANDIDATES = envInt('BENCH_DEDUP_CANDIDATES', 1_000);
const RUNS = envInt('BENCH_DEDUP_RUNS', 5);

const CITIES = ['杭州', '宁波', '苏州', '无锡', '南京', '上海', '北京', '天津', '成都', '武汉', '深圳', '广州', '合肥', '济南', '青岛'];
const PROVINCE: Record<string, string> = { 杭州: '浙江省杭州市', 宁波: '浙江省宁波市', 苏州: '江苏省苏州市', 无锡: '江苏省无锡市', 南京: '江苏省南京市', 成都: '四川省成都市', 武汉: '湖北省武汉市', 深圳: '广东省深圳市', 广州: '广东省广州市', 合肥: '安徽省合肥市', 济南: '山东省济南市', 青岛: '山东省青岛市' };
const CHARS = '云帆星河华辰恒达瑞丰鼎盛海天锦程宏远安泰明德永康信诚联创博雅卓越金源中科新宇同兴万通嘉禾富强东方正大国泰天成鸿运'.split('');
const TRADES = ['智能科技', '精密机械', '电子', '新材料', '物流', '自动化', '软件', '化工', '医疗器械', '环保科技'];
const FORMS = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司'];

function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
}

async function main() {
  const tmp = DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-dedup-'));
  let l2c: L2C | null = null;
  try {
    l2c = await createApp({ databaseUrl: DATABASE_URL, ...(tmp ? { dataDir: path.join(tmp, 'data') } : {}), demo: false, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
    const db = l2c.db;
    const r = rng(7);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const rows = Array.from({ length: CUSTOMERS }, (_, i) => {
      const city = pick(CITIES);
      const core = pick(CHARS) + pick(CHARS);
      const trade = pick(TRADES);
      const name = `${city}${core}${trade}${pick(FORMS)}`;
      const phone = `0571${String(80000000 + i).padStart(8, '0')}`;
      return { name, phone, city, core, trade };
    });
    log(`seeding ${CUSTOMERS} customers`);
    const { tenantId, adminId } = await asSystem(db, async (tx) => {
      const tenantId = (await sql<{ id: string }>`insert into tenants (slug, name) values ('bench-dedup', '查重基准') returning id`.execute(tx)).rows[0]!.id;
      const adminId = (await sql<{ id: string }>`insert into users (tenant_id, email, name, role, password_hash) values (${tenantId}, 'admin@bench-dedup.cn', 'admin', 'admin', 'x') returning id`.execute(tx)).rows[0]!.id;
      for (let i = 0; i < rows.length; i += 10_000) {
        const part = rows.slice(i, i + 10_000);
        await sql`insert into customers (tenant_id, number, name, name_key, company_key, phone, phone_key, owner_id, search_pinyin, search_initials)
          select ${tenantId}::uuid, 'KH-D-' || lpad((${i}::int + n)::text, 7, '0'), v.name, v.key, v.key, v.phone, v.phone, ${adminId}::uuid, '', ''
          from unnest(${part.map((p) => p.name)}::text[], ${part.map((p) => normaliseCompanyName(p.name))}::text[], ${part.map((p) => p.phone)}::text[])
            with ordinality as v(name, key, phone, n)`.execute(tx);
      }
      await sql`analyze customers`.execute(tx);
      return { tenantId, adminId };
    });
    const candidates = Array.from({ length: CANDIDATES }, (_, i) => {
      const c = rows[(i * 7919) % rows.length]!;
      if (i % 4 < 2) return { company: `${PROVINCE[c.city] ?? c.city}${c.core}${c.trade}（中国）有限公司` };
      if (i % 4 === 2) return { company: `某某${i}公司`, phone: `+86 571-${c.phone.slice(4, 8)}-${c.phone.slice(8)}` };
      return { company: `${pick(CHARS)}${pick(CHARS)}${pick(CHARS)}贸易${i}有限公司` };
    });
    const actor = { tenantId, userId: adminId, requestId: 'bench' };
    const api: number[] = [];
    const bare: number[] = [];
    let matched = 0;
    for (let run = 0; run < RUNS; run++) {
      let t0 = performance.now();
      const out = await inTenant(db, actor, (tx) => matchCandidatesTx(tx, candidates));
      api.push(performance.now() - t0);
      matched = out.filter((c) => c.matches.length > 0).length;
      const keys = candidates.map((c) => normaliseCompanyName(c.company));
      const phones = candidates.map((c) => normalisePhone(c.phone ?? null));
      t0 = performance.now();
      await asSystem(db, (tx) => sql`with c as (select * from unnest(${keys.map((k) => [...k].slice(0, 2).join(''))}::text[], ${phones}::text[]) with ordinality as c(block, phone, i))
        select c.i, cu.id from c join customers cu on cu.tenant_id = ${tenantId}::uuid and cu.company_block = c.block
        union all select c.i, cu.id from c join customers cu on cu.tenant_id = ${tenantId}::uuid and cu.phone_key = c.phone`.execute(tx));
      bare.push(performance.now() - t0);
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const a = med(api);
    const b = med(bare);
    const database = DATABASE_URL ? 'postgresql' : 'pglite';
    console.log(table(['database', 'customers', 'candidates', 'with a match', 'matcher ms (median)', 'bare SQL ms', 'ratio'],
      [[database, CUSTOMERS, CANDIDATES, matched, Math.round(a), Math.round(b), (a / b).toFixed(2)]]));
    recordFigure({ bench: 'dedup', figure: `matchCandidatesTx ${CANDIDATES} vs ${CUSTOMERS} customers`, api: a, sql: b, unit: 'ms', target: '< 2,000 ms per 1,000', met: a < 2000, database });
  } finally {
    await l2c?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
