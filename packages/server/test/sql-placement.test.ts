// No statement outside *.sql.ts (issue 8.4): services, routes and flows say what they do with named functions of their
// area's *.sql.ts, which hold the SQL and nothing else. A text scan of packages/server/src: a file that is not a
// *.sql.ts may not import kysely's `sql` tag (its templates and sql.raw are statements or pieces of one), start a
// builder query (selectFrom / insertInto / updateTable / deleteFrom / mergeInto) or send text to a pg client (.query).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

/** Folders whose files may hold statements, and why. */
const EXEMPT_DIRS: Record<string, string> = {
  'migrations/': 'the schema itself (.sql files)',
  'demo/': 'the demo loader writes fixture rows across every domain at start-up, never on a request',
};

/**
 * Files that still hold statements while another part of issue 8 reworks them; each must leave this list when its
 * statements move (the test fails on an entry that has none left).
 */
const PENDING: Record<string, string> = {};

interface Finding { file: string; line: number; what: string }

export function findStatements(rel: string, text: string): Finding[] {
  const out: Finding[] = [];
  const lineOf = (i: number) => text.slice(0, i).split('\n').length;
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]kysely['"]/g)) {
    if (m[1]!.split(',').some((n) => n.trim() === 'sql')) out.push({ file: rel, line: lineOf(m.index!), what: "imports kysely's sql tag" });
  }
  for (const m of text.matchAll(/\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto)\s*\(/g)) {
    out.push({ file: rel, line: lineOf(m.index!), what: `builder ${m[1]}` });
  }
  for (const m of text.matchAll(/\.query\s*(?:<[^>]*>)?\s*\(\s*['"`]/g)) out.push({ file: rel, line: lineOf(m.index!), what: 'pg client query' });
  return out;
}

function sourceFiles(dir = SRC, rel = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel + e.name + (e.isDirectory() ? '/' : '');
    if (e.isDirectory()) return Object.keys(EXEMPT_DIRS).includes(r) ? [] : sourceFiles(path.join(dir, e.name), r);
    return e.name.endsWith('.ts') && !e.name.endsWith('.sql.ts') && !e.name.endsWith('.test.ts') ? [r] : [];
  });
}

describe('statements live in *.sql.ts', () => {
  const findings = sourceFiles().flatMap((f) => findStatements(f, fs.readFileSync(path.join(SRC, f), 'utf8')));

  it('no file outside *.sql.ts (but the exempt folders and the pending list) holds a statement', () => {
    const offending = findings.filter((f) => !(f.file in PENDING)).map((f) => `${f.file}:${f.line} ${f.what}`);
    expect(offending, 'move these statements into a named function of the area\'s *.sql.ts').toEqual([]);
  });

  it('every pending file still has statements (drop it from PENDING once they moved)', () => {
    const still = new Set(findings.map((f) => f.file));
    expect(Object.keys(PENDING).filter((f) => !still.has(f))).toEqual([]);
  });

  it('the scan sees the forms a statement takes', () => {
    expect(findStatements('x.ts', "import { sql, type RawBuilder } from 'kysely';").map((f) => f.what)).toEqual(["imports kysely's sql tag"]);
    expect(findStatements('x.ts', "import type { RawBuilder } from 'kysely';\nimport { type Transaction } from 'kysely';")).toEqual([]);
    expect(findStatements('x.ts', "await tx.selectFrom('users').selectAll().execute();").map((f) => f.what)).toEqual(['builder selectFrom']);
    expect(findStatements('x.ts', "await client.query<{ id: string }>('select 1');").map((f) => f.what)).toEqual(['pg client query']);
  });
});
