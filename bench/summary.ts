// The end of `npm run bench`: every figure the benches recorded (bench/figures.ts) as a ratio against its bare-SQL
// counterpart of the same run, in one table, plus the rows to paste into the history table of docs/benchmarks.md.
// `tsx bench/summary.ts --reset` empties the figures before a run.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { readFigures, ratioOf, resetFigures } from './figures.js';
import { table } from './lib.js';

if (process.argv.includes('--reset')) {
  resetFigures();
} else {
  const figures = readFigures();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    if (execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim()) commit += ' (+ local changes)';
  } catch { /* not a git checkout */ }
  const day = new Date().toISOString().slice(0, 10);
  const num = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const ratio = (n: number) => n.toFixed(n < 0.1 ? 3 : 2);
  console.log(`\nL2C bench — summary — ${day}, commit ${commit}, ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(2)}`);
  if (figures.length === 0) {
    console.log('(no figures recorded)');
  } else {
    console.log(table(['bench', 'figure', 'database', 'API', 'bare SQL', 'unit', 'API / SQL', 'target', 'met'],
      figures.map((f) => [f.bench, f.figure, f.database, num(f.api), num(f.sql), f.unit, ratio(ratioOf(f)), f.target ?? '-', f.met === null ? '-' : f.met ? 'yes' : 'NO'])));
    console.log('\nHistory rows for docs/benchmarks.md (date | commit | figure | API | bare SQL | ratio | met):');
    for (const f of figures) {
      console.log(`| ${day} | \`${commit}\` | ${f.bench}: ${f.figure} (${f.database}) | ${num(f.api)} ${f.unit} | ${num(f.sql)} ${f.unit} | ${ratio(ratioOf(f))} | ${f.met === null ? '-' : f.met ? 'yes' : 'no'} |`);
    }
  }
}
