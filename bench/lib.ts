// Bench helpers: a bounded closed-loop load runner, latency statistics, tables, and TypeScript worker threads.
import fsSync from 'node:fs';
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  /** Closed-loop clients: each sends its next request when the previous one has answered. */
  concurrency: number;
  /** Unmeasured warm-up before the measured window (JIT, plan caches, keep-alive connections, buffers). */
  warmupMs: number;
  /** The measured window ends at durationMs or after maxRequests completed requests, whichever comes first. */
  durationMs: number;
  maxRequests: number;
  /** A request that takes longer fails the measurement (default 120 s), so a stuck request cannot hang the bench. */
  timeoutMs?: number;
}

export interface LoadResult {
  latencies: Float64Array; // ms, requests started in the measured window, unsorted
  /** Length of the measured window and the requests completed inside it (throughput = completed / window). */
  windowMs: number;
  completed: number;
  errors: number;
  firstError: string | null;
  /** Requests completed in the warm-up (before the window). */
  warmup: number;
}

/**
 * Run `task` from `concurrency` closed loops without a pause: the first warmupMs are not measured, then the window
 * of durationMs (cut short once maxRequests have started). Latency: every request started in the window, including
 * those that finish after it. Throughput: requests completed inside the window / its length. After the window the
 * loops stop issuing and the in-flight requests drain.
 */
export async function runLoad(opts: LoadOptions, task: (loop: number) => Promise<void>): Promise<LoadResult> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const lat: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let started = 0;
  let completed = 0;
  let warmup = 0;
  const t0 = performance.now();
  const windowStart = t0 + opts.warmupMs;
  let windowEnd = windowStart + opts.durationMs;
  const loop = async (i: number) => {
    for (;;) {
      const s = performance.now();
      if (s >= windowEnd) return;
      const measured = s >= windowStart;
      if (measured) {
        if (started >= opts.maxRequests) {
          windowEnd = Math.min(windowEnd, s);
          return;
        }
        started++;
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          task(i),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`request timed out after ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        const e = performance.now();
        if (measured) lat.push(e - s);
        if (e >= windowStart && e <= windowEnd) completed++;
        else if (e < windowStart) warmup++;
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
        if (errors >= 100) return; // failing fast: the measurement is void anyway
      } finally {
        clearTimeout(timer);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, i) => loop(i)));
  return { latencies: Float64Array.from(lat), windowMs: windowEnd - windowStart, completed, errors, firstError, warmup };
}

export interface Stats { n: number; errors: number; p50: number; p90: number; p99: number; max: number; mean: number; rps: number }

/** Nearest-rank percentile of a sorted array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(r: LoadResult): Stats {
  const s = Float64Array.from(r.latencies).sort();
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    n: s.length, errors: r.errors,
    p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN,
    mean: s.length ? sum / s.length : NaN,
    rps: r.completed / (r.windowMs / 1000),
  };
}

/** A plain-text table; numbers right-aligned. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const width = header.map((_, i) => Math.max(...cells.map((r) => strWidth(String(r[i] ?? '')))));
  const line = (r: Array<string | number>) =>
    r.map((c, i) => {
      const s = String(c ?? '');
      const pad = ' '.repeat(width[i]! - strWidth(s));
      return typeof rows[0]?.[i] === 'number' ? pad + s : s + pad;
    }).join('  ');
  return [line(cells[0]!), width.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Display width: CJK characters take two columns in a terminal. */
function strWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (Number.isInteger(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export function envInt(name: string, dflt: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${v}`);
  return n;
}

/**
 * Start a TypeScript module in a worker thread. Node 20 does not pass tsx's loader hooks on to workers,
 * so the worker registers tsx itself before importing the module.
 */
export function tsWorker(url: URL, workerData: unknown): Worker {
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData });
}

export function log(msg: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/**
 * One HTTP request, by default on a fresh connection (no keep-alive pool): the main thread's requests are minutes
 * apart, longer than the server's keep-alive timeout, and a pooled idle socket could be closed under us. A timed loop
 * of back-to-back requests passes its own keep-alive `agent`, as a browser keeps its connection (keepAliveAgent).
 */
export function httpJson(url: string, opts: { method?: string; headers?: Record<string, string>; body?: unknown; agent?: http.Agent } = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = http.request(url, {
      method: opts.method ?? 'GET', agent: opts.agent ?? false,
      headers: { ...opts.headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try { body = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** One kept-alive connection for a timed loop of sequential requests; `destroy()` it when the loop is done. */
export function keepAliveAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 1 });
}

/**
 * Where the CPU went during a measurement (Linux /proc; elsewhere only this process): the whole machine, this process
 * (app, clients, PGlite: all threads), local PostgreSQL server processes, and the rest: other work sharing the cores.
 */
export class CpuMeter {
  /** The PostgreSQL server under test: its postmaster's pid, or null when there is none to account for (PGlite). */
  static postgresRoot: number | null = null;
  private readonly t0 = performance.now();
  private readonly machine0 = CpuMeter.machineBusyMs();
  private readonly pg0 = CpuMeter.postgresTree();
  private readonly self0 = process.cpuUsage();
  static machineBusyMs(): number | null {
    try {
      const f = (fsSync.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
      const busy = f.reduce((a, b) => a + b, 0) - (f[3] ?? 0) - (f[4] ?? 0); // minus idle and iowait
      return busy * 10; // USER_HZ = 100 on Linux
    } catch {
      return null;
    }
  }
  /** CPU ms per pid of the server under test: the postmaster and its children (backends, checkpointer, …). */
  static postgresTree(): Map<number, number> {
    const out = new Map<number, number>();
    const root = CpuMeter.postgresRoot;
    if (root === null) return out;
    try {
      for (const pid of fsSync.readdirSync('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        try {
          const stat = fsSync.readFileSync(`/proc/${pid}/stat`, 'utf8');
          const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3; ppid field 4; utime, stime 14, 15
          if (Number(pid) === root || Number(f[1]) === root) out.set(Number(pid), (Number(f[11]) + Number(f[12])) * 10);
        } catch { /* exited */ }
      }
    } catch { /* no /proc */ }
    return out;
  }
  /** Average cores busy over the interval. */
  read(): CpuShare {
    const wall = performance.now() - this.t0;
    const m1 = CpuMeter.machineBusyMs();
    const s = process.cpuUsage(this.self0);
    const self = (s.user + s.system) / 1000 / wall;
    let pgMs = 0;
    for (const [pid, ms] of CpuMeter.postgresTree()) pgMs += ms - (this.pg0.get(pid) ?? 0);
    const postgres = CpuMeter.postgresRoot === null ? null : pgMs / wall;
    const machine = m1 === null || this.machine0 === null ? null : (m1 - this.machine0) / wall;
    return { self, postgres, other: machine === null ? null : Math.max(0, machine - self - (postgres ?? 0)) };
  }
}

export interface CpuShare { self: number; postgres: number | null; other: number | null }

/**
 * CPU ms so far of the PostgreSQL server under test (CpuMeter.postgresRoot; 0 without one), its parallel workers included: of the given server
 * processes (`pids`, e.g. the keys of CpuMeter.postgresTree() taken once the connections are open — a scan of all of
 * /proc per reading allocates enough to move garbage collections into the intervals measured), else of all of them.
 */
export function postgresCpuMs(pids: Iterable<number> = CpuMeter.postgresTree().keys()): number {
  let postgres = 0;
  for (const pid of pids) {
    try {
      const stat = fsSync.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      postgres += (Number(f[11]) + Number(f[12])) * 10;
      // the postmaster's reaped children (cutime, cstime): parallel workers, which exit before their query answers
      if (pid === CpuMeter.postgresRoot) postgres += (Number(f[13]) + Number(f[14])) * 10;
    } catch { /* exited */ }
  }
  return postgres;
}

/** The pid of the postmaster behind `pool` when it runs on this machine (its data directory is readable), else null. */
export async function postmasterPid(pool: { query: (text: string) => Promise<{ rows: Array<Record<string, unknown>> }> }): Promise<number | null> {
  try {
    const dir = (await pool.query(`select current_setting('data_directory') as d`)).rows[0]!.d as string;
    const pid = Number(fsSync.readFileSync(`${dir}/postmaster.pid`, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && fsSync.existsSync(`/proc/${pid}`) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Wait (at most maxMs) until the rest of the machine has been idle for two consecutive 1 s samples: less than 0.2
 * cores busy outside this process and the PostgreSQL server under test. For shared machines; returns the ms waited.
 */
export async function waitForIdle(maxMs: number): Promise<number> {
  if (maxMs <= 0 || CpuMeter.machineBusyMs() === null) return 0;
  const t0 = performance.now();
  let quiet = 0;
  while (quiet < 2 && performance.now() - t0 < maxMs) {
    const m = new CpuMeter();
    await new Promise((r) => setTimeout(r, 1000));
    quiet = (m.read().other ?? 0) < 0.2 ? quiet + 1 : 0;
  }
  return performance.now() - t0;
}

/** mulberry32: a small seeded generator in [0, 1), so generated data is the same in every run. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The median of `runs` sequential timings of `fn` in ms, after two warm-up calls. */
export async function medianMs(runs: number, fn: () => Promise<void>): Promise<number> {
  await fn(); await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)]!;
}
