// What the benchmarks read about the server processes they start: a free port to give them, the process tree (the
// primary and its workers, or npm and the server), and resident memory from /proc. Linux only, like the benches.
import fs from 'node:fs';
import net from 'node:net';

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
