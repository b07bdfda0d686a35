// The statements of backup.ts, on one pooled client: catalog reads, the snapshot, the row cursor, the load session.
import type pg from 'pg';

const MIGRATIONS_TABLE = 'schema_migrations'; // rebuilt by migrate() on restore, never copied

/** One snapshot for the whole read; UTC and ISO output so every value's text is the same on both kinds. */
export async function beginSnapshot(c: pg.PoolClient): Promise<void> {
  await c.query('begin isolation level repeatable read read only');
  await c.query("set local timezone = 'UTC'; set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; set local extra_float_digits = 3");
}

export async function endSnapshot(c: pg.PoolClient): Promise<void> {
  await c.query('rollback');
}

export async function serverVersion(c: pg.PoolClient): Promise<string> {
  return (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
}

export async function appliedMigrationIds(c: pg.PoolClient): Promise<string[]> {
  return (await c.query<{ id: string }>(`select id from ${MIGRATIONS_TABLE} order by id`)).rows.map((r) => r.id);
}

/** The public schema's tables, each after the tables its foreign keys point at (self-references ignored). */
export async function tablesInForeignKeyOrder(c: pg.PoolClient): Promise<string[]> {
  const tables = (await c.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' and tablename <> $1 order by tablename`, [MIGRATIONS_TABLE])).rows.map((r) => r.name);
  const edges = (await c.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent from pg_constraint c
      join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = 'public'`)).rows;
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) deps.get(e.child.replaceAll('"', ''))?.add(e.parent.replaceAll('"', ''));
  const done: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return; // a cycle loads with triggers off all the same
    path.add(t);
    for (const p of [...(deps.get(t) ?? [])].sort()) visit(p, path);
    seen.add(t);
    done.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return done;
}

/** Columns a row is written with: not generated ones. */
export async function insertableColumns(c: pg.PoolClient, table: string): Promise<string[]> {
  return (await c.query<{ name: string }>(
    `select a.attname as name from pg_attribute a where a.attrelid = ('public.' || quote_ident($1))::regclass
      and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attnum`, [table])).rows.map((r) => r.name);
}

/** Every row of `table` as text values, in batches, through a cursor (bounded memory on a million rows). */
export async function* readRows(c: pg.PoolClient, table: string, cols: string[], batch: number): AsyncGenerator<Array<Array<string | null>>> {
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  await c.query(`declare l2c_backup no scroll cursor for select ${cols.map((col) => `${q(col)}::text`).join(', ')} from ${q(table)}`);
  try {
    for (;;) {
      const r = await c.query<Array<string | null>>({ text: `fetch ${batch} from l2c_backup`, rowMode: 'array' });
      if (!r.rows.length) break;
      yield r.rows;
      if (r.rows.length < batch) break;
    }
  } finally {
    await c.query('close l2c_backup');
  }
}

export async function sequenceValues(c: pg.PoolClient): Promise<Array<{ name: string; value: string }>> {
  return (await c.query<{ name: string; value: string }>(
    `select quote_ident(schemaname) || '.' || quote_ident(sequencename) as name, last_value::text as value
      from pg_sequences where schemaname = 'public' and last_value is not null order by 1`)).rows;
}

export async function userTableCount(c: pg.PoolClient): Promise<number> {
  return (await c.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname = 'public'`)).rows[0]!.n;
}

/** The load runs in one transaction with foreign-key (and any other) triggers off, in the dump's text conventions. */
export async function beginLoad(c: pg.PoolClient): Promise<void> {
  await c.query('begin');
  await c.query("set local session_replication_role = replica; set local timezone = 'UTC'; set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'");
}

export async function emptyAllTables(c: pg.PoolClient): Promise<void> {
  const tables = (await c.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename <> $1`, [MIGRATIONS_TABLE])).rows.map((r) => r.name);
  if (tables.length) await c.query(`truncate ${tables.join(', ')}`);
}

export async function commit(c: pg.PoolClient): Promise<void> {
  await c.query('commit');
}

export async function rollback(c: pg.PoolClient): Promise<void> {
  await c.query('rollback');
}

/** `restore --force` on PostgreSQL: the public schema goes, with everything the migrations made in it. */
export async function dropPublicSchema(c: pg.PoolClient): Promise<void> {
  await c.query('drop schema public cascade; create schema public; grant usage on schema public to public');
}
