// Table ownership (issue 8): every table has one owning area (platform, domains/<d>; flows own none), declared in its
// tables.ts; only the owner writes it, and another area reads it directly only when the owner declares that reader.
// The check scans the SQL of every non-test source file (sql`…` templates, sql.raw strings, Kysely builder calls;
// demo/ and the migrations are exempt) and prints the ownership table and the violations.
// OWNERSHIP_MARKDOWN=1 prints the table as the markdown docs/ARCHITECTURE.md carries.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  check, dynamicTableFiles, loadDeclarations, migrationTables, ownershipMarkdown, scanSources, SRC, unplacedFiles, usesOfFile, writers,
  type Declaration, type FileUses,
} from './ownership.scan.js';

const tables = migrationTables();
const decls = await loadDeclarations();
const files = scanSources(tables);

/**
 * Violations known and not fixed yet, each with why. The test fails when one of these disappears without being
 * removed here, so the list only shrinks.
 */
const PENDING: Record<string, string> = {};

describe('table ownership', () => {
  it('gives every table one owner, and no area writes or reads undeclared another area\'s table', () => {
    const { owners, violations } = check(tables, decls, files);
    const who = writers(files);
    const lines = [...owners].map(([t, o]) => `${t.padEnd(22)} ${(o.join(',') || '(none)').padEnd(22)} writers: ${[...(who.get(t) ?? [])].sort().join(' ') || '—'}  readers: ${Object.keys(decls.find((d) => d.area === o[0])?.tables[t]?.readers ?? {}).join(' ') || '—'}`);
    // eslint-disable-next-line no-console
    console.log(`ownership (table, owner, writers seen, declared readers):\n${lines.join('\n')}\n${violations.length} violation(s):\n${violations.join('\n')}`);
    // eslint-disable-next-line no-console
    if (process.env.OWNERSHIP_MARKDOWN) console.log(ownershipMarkdown(decls));
    expect(violations.filter((v) => !(v in PENDING))).toEqual([]);
    expect(Object.keys(PENDING).filter((v) => !violations.includes(v)), 'fixed: remove from PENDING').toEqual([]);
  });

  it('scans every folder: each is an area (platform, domains/<d>, flows/<f>) or listed as exempt with why', () => {
    expect(unplacedFiles()).toEqual([]);
  });

  it('knows every file that names tables at run time, which the scan cannot read', () => {
    // sql.table(name): the table is a value, not text. Such a file reads or writes whatever it is given, so it is
    // listed here on review, with what it does.
    const REVIEWED: Record<string, string> = {
      'platform/export.sql.ts': 'the tenant data export: reads every tenant table the catalog lists, filtered by tenant_id, read-only',
      'platform/statistics.sql.ts': 'ANALYZE of a table after bulk loads: planner statistics, no rows read or written',
      'flows/merge/references.sql.ts': 'a merge\'s preview and guard: counts the rows of every table whose foreign key references customers, contacts or leads (from the catalog) for one record, read-only',
    };
    expect(dynamicTableFiles().filter((f) => !(f in REVIEWED)), 'review the file and list it in REVIEWED').toEqual([]);
  });

  it('sees at least the tables the migrations create and a use in every domain', () => {
    expect(tables.size).toBeGreaterThanOrEqual(30);
    for (const t of ['receivables', 'credit_profiles', 'audit_log', 'auth_tokens']) expect(tables.has(t)).toBe(true);
    expect(files.filter((f) => f.uses.length > 0).length).toBeGreaterThan(20);
  });
});

describe('the scanner (self-test on synthetic files)', () => {
  const t = new Set(['receivables', 'customers', 'audit_log', 'credit_profiles', 'users']);
  const decl: Declaration[] = [
    { area: 'domains/receivables', file: 'domains/receivables/tables.ts', tables: { receivables: { readers: { 'domains/collections': 'reports' } } } },
    { area: 'domains/customers', file: 'domains/customers/tables.ts', tables: { customers: {} } },
    { area: 'platform', file: 'platform/tables.ts', tables: { audit_log: {} } },
    { area: 'domains/credit', file: 'domains/credit/tables.ts', tables: { credit_profiles: {} } },
    { area: 'domains/identity', file: 'domains/identity/tables.ts', tables: { users: {} } },
  ];
  const file = (area: FileUses['area'], text: string): FileUses => ({ file: `${area}/x.sql.ts`, area, uses: usesOfFile(text, t) });

  it('finds raw writes, upserts in a WITH, sql.raw and builder writes, and ignores `do update` / `for update`', () => {
    const uses = usesOfFile([
      'await sql<{ a: string; b: number }>`with up as (insert into credit_profiles (x) values (${1}) on conflict (x) do update set y = 1 returning x)',
      '  update receivables r set status = ${s} from customers c where c.id = r.customer_id`.execute(tx);',
      'await sql`select 1 from customers where id = ${id} for no key update`.execute(tx);',
      "await sql.raw('delete from audit_log where id = 1').execute(tx);",
      "await tx.insertInto('users').values(v).execute(); await tx.selectFrom('receivables as r').innerJoin('customers as c', 'c.id', 'r.customer_id');",
    ].join('\n'), t).map((u) => `${u.kind} ${u.table}`);
    expect(new Set(uses)).toEqual(new Set(['write credit_profiles', 'write receivables', 'read customers', 'write audit_log', 'write users', 'read receivables']));
  });

  it('fails a write to another area\'s table, an undeclared read, and a table with no owner or two', () => {
    const { violations } = check(t, [...decl, { area: 'domains/payments', file: 'domains/payments/tables.ts', tables: { users: {} } }], [
      file('domains/collections', 'sql`update receivables set status = ${"overdue"}`; sql`select * from receivables`'),
      file('domains/payments', 'sql`select name from customers`'),
    ]);
    expect(violations).toContain('domains/collections/x.sql.ts: writes receivables (update), owned by domains/receivables');
    expect(violations.some((v) => v.startsWith('domains/collections/x.sql.ts: reads receivables'))).toBe(false); // declared reader
    expect(violations).toContain('domains/payments/x.sql.ts: reads customers (from), owned by domains/customers, which does not declare domains/payments as a reader');
    expect(violations).toContain('users: owned by domains/identity and domains/payments');
    const none = check(new Set([...t, 'orphans']), decl, []);
    expect(none.violations).toContain('orphans: owned by no area (declare it in the tables.ts of the area that writes it)');
    // the declared reader (collections) read nothing here: a stale declaration
    expect(none.violations).toContain('domains/receivables/tables.ts: declares domains/collections as a reader of receivables, which it does not read (remove it)');
  });

  it('passes the owner\'s own writes and a declared reader', () => {
    const { violations } = check(t, decl, [
      file('domains/receivables', 'sql`update receivables set amount_open = 0`'),
      file('domains/collections', 'sql`select count(*) from receivables`'),
    ]);
    expect(violations).toEqual([]);
  });
});

describe('domain entries', () => {
  /** Re-exports of statements still in an index, each with why (the list only shrinks). */
  const SQL_EXPORTS_PENDING: Record<string, string> = {
  };

  it('each domain index starts with what it offers and exports behaviour, not statements from *.sql.ts', () => {
    const problems: string[] = [];
    for (const d of fs.readdirSync(path.join(SRC, 'domains'))) {
      const rel = `domains/${d}/index.ts`;
      const text = fs.readFileSync(path.join(SRC, rel), 'utf8');
      if (!/^\/\/ \S+/.test(text)) problems.push(`${rel}: start with a comment saying what the domain offers`);
      for (const m of text.matchAll(/export\s+(?:type\s+)?\{[^}]*\}\s+from\s+'(\.\/[^']+\.sql\.js)'/g)) {
        const key = `${rel}: ${m[1]}`;
        if (!(key in SQL_EXPORTS_PENDING)) problems.push(`${key}: export a behaviour (a service function) instead of a statement`);
      }
    }
    expect(problems).toEqual([]);
  });
});
