// Soak (`npm run soak`, issue 15.6): mixed money traffic for L2C_SOAK_MINUTES against a real server, reporting every
// 30 s the requests, 4xx/5xx, invariant violations and the server's memory; at the end the memory growth after warm-up.
//
// The server: by default a child process (`node --import tsx packages/server/src/main.ts`) on the PostgreSQL of
// DATABASE_URL; with neither DATABASE_URL nor L2C_SOAK_URL set, the script runs itself again under scripts/pg.mjs (a
// throw-away PostgreSQL 15). With L2C_SOAK_URL (and DATABASE_URL of the same database, for the seed and the checks) it
// drives a server that is already running; its memory is then read from /api/metrics (L2C_METRICS_TOKEN).
//
// Traffic, from L2C_SOAK_CLIENTS closed loops (default 8), each on its own customers of one seeded tenant:
//   55 % payment, confirmed and applied automatically (oldest due first) — POST /payments with an Idempotency-Key
//   10 % reversal of a write-off this client made — POST /write-offs/:id/reverse (the invoices open again)
//   10 % credit note of 1.00 on an open invoice — POST /receivables/:id/credit-notes
//   25 % reads: receivables and payments of a customer, the aging report
// Invariants: after each 30 s window the write-off flow's own check (invariantGaps: receivables − applied − open = 0
// and prepaid ledger − unapplied money = 0) on every customer touched in it. Any gap is a violation.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { envInt, log } from './lib.js';
import { freePort, rssKb } from './processes.js';

/** A process's resident memory in bytes, or null when it is gone. */
const rssBytes = (pid: number): number | null => { const kb = rssKb(pid); return kb === null ? null : kb * 1024; };

const ROOT = path.resolve(import.meta.dirname, '..');
const MINUTES = Number(process.env.L2C_SOAK_MINUTES ?? 10);
const WARMUP_MINUTES = Number(process.env.L2C_SOAK_WARMUP_MINUTES ?? Math.min(2, MINUTES / 5));
const CLIENTS = envInt('L2C_SOAK_CLIENTS', 8);
const CUSTOMERS = envInt('L2C_SOAK_CUSTOMERS', 2000);
const REPORT_MS = envInt('L2C_SOAK_REPORT_SECONDS', 30) * 1000;
const GIVEN_URL = process.env.L2C_SOAK_URL || null;
const METRICS_TOKEN = process.env.L2C_METRICS_TOKEN || `soak-${crypto.randomBytes(6).toString('hex')}`;




async function metricValue(baseUrl: string, name: string): Promise<number | null> {
  try {
    const res = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` }, signal: AbortSignal.timeout(10_000) });
    if (res.status !== 200) return null;
    const m = (await res.text()).match(new RegExp(`^${name} ([0-9.e+]+)$`, 'm'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function startServer(databaseUrl: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'packages/server/src/main.ts')], {
    cwd: ROOT,
    env: {
      // one process (L2C_WORKERS defaults to the cores on PostgreSQL): its RSS from /proc is the server's memory
      L2C_WORKERS: '1',
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', L2C_DEMO: '0', L2C_JOBS: '0', L2C_LOG_LEVEL: 'error',
      L2C_WEB_DIST: path.join(ROOT, 'no-web'), L2C_METRICS_TOKEN: METRICS_TOKEN, L2C_ADMIN_EMAIL: '', L2C_ADMIN_PASSWORD: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).status === 200) return { baseUrl, child };
    } catch { /* not listening yet */ }
    if (Date.now() > until) throw new Error('the server was not ready within 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
}

interface Counters { requests: number; s2: number; s4: number; s5: number; failed: number; byKind: Record<string, number>; first5xx: string | null }
const newCounters = (): Counters => ({ requests: 0, s2: 0, s4: 0, s5: 0, failed: 0, byKind: {}, first5xx: null });

async function main() {
  const { openDb, asSystem } = await import('../packages/server/src/platform/db.js');
  const { invariantGaps } = await import('../packages/server/src/flows/write-off/write-off.sql.js');
  const { businessDate } = await import('../packages/server/src/platform/clock.js');
  const { seedWoOrg, seedWoGroup, analyzeWo, WO_PASSWORD } = await import('./writeoff-seed.js');

  const databaseUrl = process.env.DATABASE_URL!;
  let server: { baseUrl: string; child: ChildProcess } | null = null;
  const db = await openDb({ databaseUrl, dataDir: 'memory://' });
  try {
    server = GIVEN_URL ? { baseUrl: GIVEN_URL.replace(/\/$/, ''), child: null as unknown as ChildProcess } : await startServer(databaseUrl);
    const baseUrl = server.baseUrl;
    const serverPid = server.child?.pid ?? null;
    const rss = async () => (serverPid ? rssBytes(serverPid) : await metricValue(baseUrl, 'l2c_process_resident_memory_bytes'));

    const today = businessDate(new Date());
    const slug = `soak-${crypto.randomBytes(3).toString('hex')}`;
    log(`seeding tenant ${slug}: ${CUSTOMERS} customers × 3 open invoices …`);
    const org = await seedWoOrg(db, slug);
    const targets = await seedWoGroup(db, org.tenantId, 'SK', CUSTOMERS, 3, today);
    await analyzeWo(db);
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: org.finance.email, password: WO_PASSWORD, tenant: slug }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
    const token = ((await login.json()) as { token: string }).token;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    let window = newCounters();
    const total = newCounters();
    const touched = new Set<string>();
    const writeOffs: string[][] = Array.from({ length: CLIENTS }, () => []);
    const endAt = Date.now() + MINUTES * 60_000;

    const send = async (kind: string, method: string, url: string, body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; json: any }> => {
      for (const c of [window, total]) { c.requests++; c.byKind[kind] = (c.byKind[kind] ?? 0) + 1; }
      try {
        const res = await fetch(baseUrl + url, { method, headers: { ...headers, ...extra }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        const bucket = res.status >= 500 ? 's5' : res.status >= 400 ? 's4' : 's2';
        for (const c of [window, total]) {
          c[bucket]++;
          if (bucket === 's5') c.first5xx ??= `${kind} ${res.status} ${text.slice(0, 300)}`;
        }
        let json: any = null;
        try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
        return { status: res.status, json };
      } catch (err) {
        for (const c of [window, total]) { c.failed++; c.first5xx ??= `${kind} ${(err as Error).message}`; }
        return { status: 0, json: null };
      }
    };

    const loop = async (i: number) => {
      const mine = targets.filter((_, k) => k % CLIENTS === i);
      let n = 0;
      while (Date.now() < endAt) {
        const t = mine[Math.floor(Math.random() * mine.length)]!;
        touched.add(t.customerId);
        const roll = Math.random();
        if (roll < 0.55) {
          const r = await send('payment', 'POST', '/api/v1/payments', {
            customerId: t.customerId, amount: t.amount, currency: 'CNY', receivedOn: today, method: 'bank_transfer', bankReference: `SOAK-${i}-${++n}`, confirm: true, autoApply: 'oldest_due',
          }, { 'idempotency-key': crypto.randomUUID() });
          if (r.json?.writeOffId) writeOffs[i]!.push(r.json.writeOffId as string);
        } else if (roll < 0.65 && writeOffs[i]!.length > 0) {
          const id = writeOffs[i]!.splice(Math.floor(Math.random() * writeOffs[i]!.length), 1)[0]!;
          await send('reversal', 'POST', `/api/v1/write-offs/${id}/reverse`, { reason: 'soak: reversed to reapply' });
        } else if (roll < 0.75) {
          const list = await send('list', 'GET', `/api/v1/receivables?customerId=${t.customerId}&limit=20`);
          const open = (list.json?.items ?? []).find((r: { kind: string; amountOpen: string }) => r.kind === 'invoice' && Number(r.amountOpen) >= 2);
          if (open) await send('credit_note', 'POST', `/api/v1/receivables/${open.id}/credit-notes`, { amount: '1.00', reason: 'soak: price adjustment' });
        } else if (roll < 0.85) {
          await send('list', 'GET', `/api/v1/payments?customerId=${t.customerId}&limit=20`);
        } else if (roll < 0.95) {
          await send('list', 'GET', `/api/v1/receivables?customerId=${t.customerId}&limit=20`);
        } else {
          await send('aging', 'GET', '/api/v1/aging');
        }
      }
    };

    const started = Date.now();
    const rss0 = await rss();
    log(`soak: ${MINUTES} min (warm-up ${WARMUP_MINUTES} min), ${CLIENTS} clients, server ${baseUrl}${serverPid ? ` (pid ${serverPid})` : ''}, RSS at start ${mb(rss0)}`);
    const samples: Array<{ at: number; rss: number | null; heap: number | null }> = [];
    let violations = 0;
    let checked = 0;
    let windowStart = Date.now();
    const report = async () => {
      const w = window;
      window = newCounters();
      const windowSeconds = (Date.now() - windowStart) / 1000;
      windowStart = Date.now();
      const ids = [...touched];
      touched.clear();
      let bad = 0;
      for (let k = 0; k < ids.length; k += 200) {
        await asSystem(db, async (tx) => {
          for (const id of ids.slice(k, k + 200)) {
            const g = await invariantGaps(tx, id);
            if (Number(g.receivables) !== 0 || Number(g.prepaid) !== 0) {
              bad++;
              if (violations + bad <= 5) log(`INVARIANT VIOLATION customer ${id}: receivables gap ${g.receivables}, prepaid gap ${g.prepaid}`);
            }
          }
        });
      }
      violations += bad;
      checked += ids.length;
      const at = Date.now() - started;
      const r = await rss();
      const heap = await metricValue(baseUrl, 'l2c_nodejs_heap_size_used_bytes');
      samples.push({ at, rss: r, heap });
      const kinds = Object.entries(w.byKind).map(([k, v]) => `${k} ${v}`).join(', ');
      log(`t=${(at / 1000).toFixed(0)}s  requests ${w.requests} in ${windowSeconds.toFixed(0)} s (${(w.requests / windowSeconds).toFixed(0)}/s; ${kinds})  2xx ${w.s2}  4xx ${w.s4}  5xx ${w.s5}  failed ${w.failed}  `
        + `invariants: ${bad} violations on ${ids.length} customers  RSS ${mb(r)}  heap ${mb(heap)}`);
      if (w.first5xx) log(`  first 5xx/failure in this window: ${w.first5xx}`);
    };
    // one report at a time: a slow invariant check must not overlap the next window's
    let reporting: Promise<void> = Promise.resolve();
    let busy = false; // a tick while the last report still runs is skipped: its window simply grows
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      reporting = reporting.then(report).finally(() => { busy = false; });
    }, REPORT_MS);
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => loop(i)));
    clearInterval(timer);
    await reporting;
    if (window.requests > 0 || touched.size > 0) await report();

    const warm = samples.find((s) => s.at >= WARMUP_MINUTES * 60_000) ?? samples[0]!;
    const last = samples[samples.length - 1]!;
    const peak = Math.max(...samples.map((s) => s.rss ?? 0));
    // RSS saw-tooths with garbage collection (±20 MB between two samples), so one sample against another says little:
    // growth compares the median of the last third of the samples after warm-up with the median of the first third.
    const after = samples.filter((s) => s.at >= WARMUP_MINUTES * 60_000 && s.rss);
    const third = Math.max(1, Math.floor(after.length / 3));
    const median = (xs: number[]) => { const v = [...xs].sort((x, y) => x - y); return v[Math.floor(v.length / 2)] ?? NaN; };
    const early = median(after.slice(0, third).map((s) => s.rss!));
    const late = median(after.slice(-third).map((s) => s.rss!));
    const growth = ((late - early) / early) * 100;
    const secs = (Date.now() - started) / 1000;
    const summary = {
      database: 'postgres', minutes: MINUTES, clients: CLIENTS, customers: CUSTOMERS, requests: total.requests, perSecond: Math.round(total.requests / secs),
      byKind: total.byKind, s2xx: total.s2, s4xx: total.s4, s5xx: total.s5, failed: total.failed, invariantViolations: violations, customersChecked: checked,
      rssStartMB: mbn(rss0), rssAfterWarmupMB: mbn(warm.rss), rssEndMB: mbn(last.rss), rssPeakMB: mbn(peak),
      rssMedianEarlyMB: mbn(early), rssMedianLateMB: mbn(late), growthAfterWarmupPercent: Number(growth.toFixed(1)),
      heapAfterWarmupMB: mbn(warm.heap), heapEndMB: mbn(last.heap),
    };
    log(`SUMMARY ${JSON.stringify(summary)}`);
    if (total.first5xx) log(`first 5xx/failure: ${total.first5xx}`);
    if (process.env.L2C_SOAK_OUT) fs.writeFileSync(process.env.L2C_SOAK_OUT, JSON.stringify({ summary, samples }, null, 2));
    process.exitCode = total.s5 > 0 || total.failed > 0 || violations > 0 ? 1 : 0;
  } finally {
    if (server?.child) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server!.child.once('exit', r));
    }
    await db.close();
  }
}

function mbn(bytes: number | null | undefined): number | null {
  return bytes ? Math.round(bytes / 1024 / 1024) : null;
}
function mb(bytes: number | null | undefined): string {
  return bytes ? `${mbn(bytes)} MB` : 'n/a';
}

if (!process.env.DATABASE_URL && !GIVEN_URL) {
  // No database named: a throw-away PostgreSQL for this run (the soak is about the server's production setting).
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/pg.mjs'), '--', process.execPath, '--import', 'tsx', path.join(ROOT, 'bench/soak.ts')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await main();
}
