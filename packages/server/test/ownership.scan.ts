// The table-ownership check's machinery (ownership.test.ts runs it): which tables the migrations create, which area
// of the server owns each (its tables.ts), and which tables each source file reads and writes in its SQL — raw
// sql`…` templates, sql.raw strings and Kysely builder calls. A text scan, not a SQL parser: it looks for the
// clauses that name a table (insert into / update / delete from / merge into / from / join) and keeps the names the
// migrations create, so a column or alias that happens to follow `from` is never a false hit unless it is named
// like a table.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Area, OwnedTables } from '../src/platform/ownership.js';

export const SRC = path.resolve(import.meta.dirname, '../src');

/** Every table the migrations create. */
export function migrationTables(src = SRC): Set<string> {
  const tables = new Set<string>();
  for (const f of fs.readdirSync(path.join(src, 'migrations')).filter((n) => n.endsWith('.sql'))) {
    const text = fs.readFileSync(path.join(src, 'migrations', f), 'utf8');
    for (const m of text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)) tables.add(m[1]!.toLowerCase());
    for (const m of text.matchAll(/drop\s+table\s+(?:if\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)) tables.delete(m[1]!.toLowerCase());
  }
  return tables;
}

/**
 * Folders of src/ outside every area, and why. The composition root's files (app.ts, main.ts, the CLIs) are outside
 * too; any other folder must be an area, or be listed here.
 */
export const EXEMPT_DIRS: Record<string, string> = {
  demo: 'loads the demo tenant (through services where it can)',
  migrations: 'creates the tables',
  ops: 'backup and restore of the whole database, below the application\'s tables',
};

/** Non-test source files in a folder that is neither an area nor exempt. */
export function unplacedFiles(src = SRC): string[] {
  return fs.readdirSync(src, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !['platform', 'domains', 'flows'].includes(e.name) && !(e.name in EXEMPT_DIRS))
    .map((e) => e.name);
}

/** Files that name tables at run time (sql.table(…)), which the text scan cannot follow, and the tables they get. */
export function dynamicTableFiles(src = SRC): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) { walk(full); continue; }
      if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && /\bsql\.table\(/.test(fs.readFileSync(full, 'utf8'))) out.push(path.relative(src, full));
    }
  };
  walk(src);
  return out.sort();
}

/** The area a file under src/ belongs to; null for the exempt ones (EXEMPT_DIRS, the composition root). */
export function areaOf(rel: string): Area | null {
  const p = rel.split(/[\\/]/);
  if (p[0] === 'platform') return 'platform';
  if ((p[0] === 'domains' || p[0] === 'flows') && p.length > 2) return `${p[0]}/${p[1]}` as Area;
  return null;
}

/** The SQL texts of one TypeScript file: sql`…` templates (interpolations blanked), sql.raw('…') strings. */
export function sqlTexts(ts: string): string[] {
  const out: string[] = [];
  // sql`…`, sql<T>`…` (a generic argument may hold braces and angle brackets, but no backtick)
  for (const m of ts.matchAll(/\bsql\s*(?:<[^`]*?>)?\s*`/g)) out.push(readTemplate(ts, m.index! + m[0].length));
  // sql.raw('…'), sql.raw("…"), sql.raw(`…`)
  for (const m of ts.matchAll(/\bsql\.raw\(\s*(['"`])/g)) {
    const q = m[1]!;
    const start = m.index! + m[0].length;
    if (q === '`') { out.push(readTemplate(ts, start)); continue; }
    let i = start;
    while (i < ts.length && ts[i] !== q) i += ts[i] === '\\' ? 2 : 1;
    out.push(ts.slice(start, i));
  }
  return out;
}

/** The literal text of a template starting at `start` (just after its backtick), up to its closing backtick. */
function readTemplate(ts: string, start: number): string {
  let text = '';
  let i = start;
  while (i < ts.length && ts[i] !== '`') {
    if (ts[i] === '\\') { text += ts.slice(i, i + 2); i += 2; continue; }
    if (ts[i] === '$' && ts[i + 1] === '{') {
      // skip the interpolation, nested templates and braces included; templates inside it are found on their own
      let depth = 1;
      i += 2;
      while (i < ts.length && depth > 0) {
        const c = ts[i];
        if (c === '`') { i = skipTemplate(ts, i + 1); continue; }
        if (c === "'" || c === '"') { i++; while (i < ts.length && ts[i] !== c) i += ts[i] === '\\' ? 2 : 1; i++; continue; }
        if (c === '{') depth++;
        else if (c === '}') depth--;
        i++;
      }
      text += ' ? ';
      continue;
    }
    text += ts[i];
    i++;
  }
  return text;
}

function skipTemplate(ts: string, i: number): number {
  while (i < ts.length && ts[i] !== '`') {
    if (ts[i] === '\\') { i += 2; continue; }
    if (ts[i] === '$' && ts[i + 1] === '{') {
      let depth = 1;
      i += 2;
      while (i < ts.length && depth > 0) {
        if (ts[i] === '`') { i = skipTemplate(ts, i + 1); continue; }
        if (ts[i] === '{') depth++;
        else if (ts[i] === '}') depth--;
        i++;
      }
      continue;
    }
    i++;
  }
  return i + 1;
}

export interface Use { table: string; kind: 'read' | 'write'; how: string }

/** The tables one SQL text reads and writes (only names in `tables` count). */
export function usesOfSql(sqlText: string, tables: Set<string>): Use[] {
  const s = sqlText.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^']|'')*'/g, "''").toLowerCase();
  const uses: Use[] = [];
  const add = (table: string | undefined, kind: Use['kind'], how: string) => { if (table && tables.has(table)) uses.push({ table, kind, how }); };
  for (const m of s.matchAll(/\b(insert\s+into|delete\s+from|merge\s+into)\s+([a-z_][a-z0-9_]*)/g)) add(m[2], 'write', m[1]!.replace(/\s+/g, ' '));
  // `update t` but not `do update set`, `for (no key) update`, `on update`
  for (const m of s.matchAll(/(\w+\s+)?\bupdate\s+([a-z_][a-z0-9_]*)/g)) {
    if (m[1] && /^(do|for|key|on)\s+$/.test(m[1])) continue;
    add(m[2], 'write', 'update');
  }
  for (const m of s.matchAll(/\b(from|join)\s+([a-z_][a-z0-9_]*)/g)) {
    // `delete from t` is a write, already counted
    if (/delete\s+$/.test(s.slice(Math.max(0, m.index! - 10), m.index!))) continue;
    add(m[2], 'read', m[1]!);
  }
  return uses;
}

const BUILDER_WRITES = ['insertInto', 'updateTable', 'deleteFrom', 'mergeInto', 'replaceInto'];
const BUILDER_READS = ['selectFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin', 'innerJoinLateral', 'leftJoinLateral', 'using'];

/** The tables the Kysely builder calls of one file read and write: `.insertInto('t')`, `.selectFrom('t as x')`, `.selectFrom(['a', 'b'])`. */
export function usesOfBuilder(ts: string, tables: Set<string>): Use[] {
  const uses: Use[] = [];
  const names = (arg: string) => [...arg.matchAll(/['"`]([a-z_][a-z0-9_]*)(?:\s+as\s+\w+)?['"`]/gi)].map((m) => m[1]!.toLowerCase());
  for (const m of ts.matchAll(/\.(\w+)\(\s*(\[[^\]]*\]|['"`][^'"`]*['"`])/g)) {
    const method = m[1]!;
    const kind = BUILDER_WRITES.includes(method) ? 'write' : BUILDER_READS.includes(method) ? 'read' : null;
    if (!kind) continue;
    for (const t of names(m[2]!)) if (tables.has(t)) uses.push({ table: t, kind, how: method });
  }
  return uses;
}

/** Every table use of one TypeScript file's text. */
export function usesOfFile(ts: string, tables: Set<string>): Use[] {
  return [...sqlTexts(ts).flatMap((t) => usesOfSql(t, tables)), ...usesOfBuilder(ts, tables)];
}

export interface FileUses { file: string; area: Area; uses: Use[] }

/** All non-test TypeScript files of src/ that belong to an area, with their table uses. */
export function scanSources(tables: Set<string>, src = SRC): FileUses[] {
  const out: FileUses[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) { walk(full); continue; }
      if (!e.name.endsWith('.ts') || e.name.endsWith('.test.ts') || e.name.endsWith('.d.ts')) continue;
      const rel = path.relative(src, full);
      const area = areaOf(rel);
      if (!area) continue;
      out.push({ file: rel, area, uses: usesOfFile(fs.readFileSync(full, 'utf8'), tables) });
    }
  };
  walk(src);
  return out;
}

export interface Declaration { area: Area; file: string; tables: OwnedTables }

/** Every area's tables.ts: platform/tables.ts and domains/<d>/tables.ts (flows own no tables). */
export async function loadDeclarations(src = SRC): Promise<Declaration[]> {
  const files = ['platform/tables.ts', ...fs.readdirSync(path.join(src, 'domains')).map((d) => `domains/${d}/tables.ts`),
    ...fs.readdirSync(path.join(src, 'flows')).map((f) => `flows/${f}/tables.ts`)];
  const out: Declaration[] = [];
  for (const rel of files) {
    const full = path.join(src, rel);
    if (!fs.existsSync(full)) continue;
    const mod = (await import(pathToFileURL(full).href)) as { ownedTables?: OwnedTables };
    if (!mod.ownedTables) throw new Error(`${rel} exports no ownedTables`);
    out.push({ area: areaOf(rel)!, file: rel, tables: mod.ownedTables });
  }
  return out;
}

export interface Verdict {
  owners: Map<string, Area[]>;
  violations: string[];
}

/**
 * The rules: one owner per table; only the owner writes; another area reads only what the owner declared for it; and
 * a declared reader really reads the table (a stale declaration would let a later read in unreviewed).
 */
export function check(tables: Set<string>, decls: Declaration[], files: FileUses[]): Verdict {
  const owners = new Map<string, Area[]>([...tables].sort().map((t) => [t, []]));
  const readers = new Map<string, Set<string>>();
  const violations: string[] = [];
  for (const d of decls) {
    if (d.area.startsWith('flows/') && Object.keys(d.tables).length > 0) violations.push(`${d.file}: flows own no tables`);
    for (const [t, decl] of Object.entries(d.tables)) {
      if (!owners.has(t)) { violations.push(`${d.file}: declares ${t}, which no migration creates`); continue; }
      owners.get(t)!.push(d.area);
      readers.set(t, new Set(Object.keys(decl.readers ?? {})));
    }
  }
  for (const [t, o] of owners) {
    if (o.length === 0) violations.push(`${t}: owned by no area (declare it in the tables.ts of the area that writes it)`);
    if (o.length > 1) violations.push(`${t}: owned by ${o.join(' and ')}`);
  }
  const reads = new Set(files.flatMap((f) => f.uses.filter((u) => u.kind === 'read').map((u) => `${f.area} ${u.table}`)));
  for (const d of decls) {
    for (const [t, decl] of Object.entries(d.tables)) {
      for (const r of Object.keys(decl.readers ?? {})) {
        if (!reads.has(`${r} ${t}`)) violations.push(`${d.file}: declares ${r} as a reader of ${t}, which it does not read (remove it)`);
      }
    }
  }
  for (const f of files) {
    const seen = new Set<string>();
    for (const u of f.uses) {
      const owner = owners.get(u.table)?.[0];
      if (!owner || owner === f.area) continue;
      const key = `${u.kind} ${u.table}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (u.kind === 'write') violations.push(`${f.file}: writes ${u.table} (${u.how}), owned by ${owner}`);
      else if (!readers.get(u.table)?.has(f.area)) violations.push(`${f.file}: reads ${u.table} (${u.how}), owned by ${owner}, which does not declare ${f.area} as a reader`);
    }
  }
  return { owners, violations };
}

/** The ownership table as markdown: table → owner → declared readers and how they read. */
export function ownershipMarkdown(decls: Declaration[]): string {
  const rows: string[] = ['| Owner | Table | Read directly by (read-only) |', '|---|---|---|'];
  for (const d of [...decls].sort((a, b) => a.area.localeCompare(b.area))) {
    for (const [t, decl] of Object.entries(d.tables).sort(([a], [b]) => a.localeCompare(b))) {
      const rs = Object.entries(decl.readers ?? {}).map(([area, how]) => `${area} (${how})`).join('; ');
      rows.push(`| ${d.area} | ${t} | ${rs || '—'} |`);
    }
  }
  return rows.join('\n');
}

/** Who writes each table today, from the scan (for the before/after report). */
export function writers(files: FileUses[]): Map<string, Set<string>> {
  const w = new Map<string, Set<string>>();
  for (const f of files) for (const u of f.uses) if (u.kind === 'write') (w.get(u.table) ?? w.set(u.table, new Set()).get(u.table)!).add(f.area);
  return w;
}
