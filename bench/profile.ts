// Optional CPU profile of the app's thread during the API measurement (BENCH_PROFILE=dir): writes .cpuprofile files
// (open them in Chrome DevTools) and summarises self time by package, to show where an API request's time goes.
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export class Profiler {
  private session: Session | null = null;
  constructor(private readonly dir: string) {}

  async start() {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.session.post('Profiler.start');
  }

  /** Stop, write <name>.cpuprofile, and return self time per category, largest first. */
  async stop(name: string): Promise<Array<[string, number]>> {
    if (!this.session) return [];
    const { profile } = (await this.session.post('Profiler.stop')) as unknown as { profile: Profile };
    this.session.disconnect();
    this.session = null;
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, `${name}.cpuprofile`), JSON.stringify(profile));
    return selfTimeByCategory(profile);
  }
}

function category(n: ProfileNode): string {
  const { url, functionName } = n.callFrame;
  if (!url) {
    if (functionName === '(idle)') return 'idle (waiting for I/O)';
    if (functionName === '(garbage collector)') return 'garbage collector';
    if (functionName === '(program)') return 'V8/native (program)';
    return `native: ${functionName || '(anonymous)'}`;
  }
  const nm = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1] === '@electric-sql/pglite' ? 'pglite (the database)' : nm[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const pkg = url.match(/packages\/(\w+)\/src\/(.*)$/);
  if (pkg) return `l2c ${pkg[1]}: ${pkg[2]!.split('/').slice(0, 2).join('/')}`;
  return url.replace(/^file:\/\//, '');
}

export function selfTimeByCategory(p: Profile): Array<[string, number]> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]!);
    if (!node) continue;
    const c = category(node);
    totals.set(c, (totals.get(c) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}
