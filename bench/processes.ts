// What the benchmarks read about the server processes they start: a free port to give them, the process tree (the
// primary and its workers, or npm and the server), and resident memory from /proc. Linux only, like the benches.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A port nobody listens on right now, chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A process and all its descendants, from /proc (empty of the ones that are gone). */
export function processTree(pid: number): number[] {
  const out = [pid];
  try {
    for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
      const kids = fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
      if (kids) for (const k of kids.split(/\s+/)) out.push(...processTree(Number(k)));
    }
  } catch { /* gone */ }
  return out;
}

/** Resident memory of one process in kB, or null when it is gone. */
export function rssKb(pid: number): number | null {
  try {
    const kb = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)?.[1];
    return kb === undefined ? null : Number(kb);
  } catch {
    return null;
  }
}

/** Resident memory of some processes together, in MB (the gone ones count 0). */
export function rssMb(pids: number[]): number {
  return pids.reduce((kb, pid) => kb + (rssKb(pid) ?? 0), 0) / 1024;
}

/** The API on a server of its own: main.ts as a child process (no demo, no jobs), with L2C_WORKERS worker processes. */
export interface ExternalServer { workers: number; url: string; child: ChildProcess }

export async function startServer(databaseUrl: string, workers: number): Promise<ExternalServer> {
  const port = await freePort();
  const root = path.resolve(import.meta.dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'packages/server/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', L2C_WORKERS: String(workers), L2C_DEMO: '0', L2C_JOBS: '0',
      L2C_LOG_LEVEL: 'error', L2C_WEB_DIST: path.join(root, 'no-web'), L2C_ADMIN_EMAIL: '', L2C_ADMIN_PASSWORD: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    let ready = false;
    try { ready = (await fetch(`${url}/api/ready`)).status === 200; } catch { /* not listening yet */ }
    // every worker up: the primary has `workers` children (one process when there is no primary)
    if (ready && (workers === 1 || processTree(child.pid!).length > workers)) break;
    if (Date.now() > until) throw new Error('the server was not ready within 120 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  await new Promise((r) => setTimeout(r, 2000)); // the last workers' start-up settles
  return { workers, url, child };
}

export async function stopServer(s: ExternalServer): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
}

