// The catalogue reads behind `npm run db:schema` (platform/schema-gen.ts): what the migrations made, as the owner sees it.
import { sql } from 'kysely';
import type { Kdb } from './db.js';

export interface CatalogColumn {
  table_name: string;
  table_type: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  has_default: boolean;
  generated: 'ALWAYS' | 'BY DEFAULT' | null;
}

/** Every column of every table and view of the public schema, in declaration order. */
export async function catalogColumns(db: Kdb): Promise<CatalogColumn[]> {
  const r = await sql<CatalogColumn>`
    select c.table_name, t.table_type, c.column_name, c.udt_name, c.is_nullable,
      (c.column_default is not null) as has_default,
      case when c.is_identity = 'YES' then c.identity_generation
           when c.is_generated = 'ALWAYS' then 'ALWAYS' end as generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public'
    order by c.table_name, c.ordinal_position`.execute(db);
  return r.rows;
}

/** Single-column CHECK constraints, as PostgreSQL prints them (the generator reads `col = ANY (ARRAY[...])`). */
export async function catalogChecks(db: Kdb): Promise<Array<{ table_name: string; column_name: string; def: string }>> {
  const r = await sql<{ table_name: string; column_name: string; def: string }>`
    select rel.relname as table_name, att.attname as column_name, pg_get_constraintdef(con.oid) as def
    from pg_constraint con
    join pg_class rel on rel.oid = con.conrelid
    join pg_namespace ns on ns.oid = rel.relnamespace
    join pg_attribute att on att.attrelid = rel.oid and att.attnum = con.conkey[1]
    where con.contype = 'c' and ns.nspname = 'public' and cardinality(con.conkey) = 1
    order by rel.relname, att.attname, con.conname`.execute(db);
  return r.rows;
}
