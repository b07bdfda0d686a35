// Figures of one `npm run bench`: each bench records what it measured against its bare-SQL counterpart of the same
// run (recordFigure); bench/summary.ts prints them as one table at the end, with the commit, so the figures can be
// copied into the history table of docs/benchmarks.md. The file lives in the temporary directory unless
// BENCH_FIGURES names another; `tsx bench/summary.ts --reset` empties it before a run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Figure {
  bench: string;
  figure: string;
  /** What the API took or did (ms, or requests/s — say which in `unit`). */
  api: number;
  /** The bare-SQL counterpart, measured in the same run. */
  sql: number;
  unit: 'ms' | 'req/s' | 'payments/s';
  /** The target, as text ('API/SQL ≤ 1.15', '< 1,500 ms'); met: whether this run met it (null: no target). */
  target: string | null;
  met: boolean | null;
  database: string;
  at?: string;
}

export function figuresFile(): string {
  return process.env.BENCH_FIGURES || path.join(os.tmpdir(), 'l2c-bench-figures.jsonl');
}

/** API / bare SQL: for a time lower is better (1.15 = 15 % slower), for a throughput higher (0.75 = 75 % of it). */
export function ratioOf(f: Pick<Figure, 'api' | 'sql'>): number {
  return f.api / f.sql;
}

export function recordFigure(f: Figure): void {
  fs.appendFileSync(figuresFile(), `${JSON.stringify({ ...f, at: f.at ?? new Date().toISOString() })}\n`);
}

export function readFigures(): Figure[] {
  const file = figuresFile();
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Figure);
}

export function resetFigures(): void {
  fs.rmSync(figuresFile(), { force: true });
}
