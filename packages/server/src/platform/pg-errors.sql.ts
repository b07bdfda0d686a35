// The catalogue read behind pg-errors.ts: the columns of every key, foreign key and unique index, in key order.
import { sql } from 'kysely';
import type { Kdb } from './db.js';

export async function keyColumnsOfAll(db: Kdb): Promise<Array<{ tbl: string; name: string; cols: string[] }>> {
  const r = await sql<{ tbl: string; name: string; cols: string[] }>`
    select c.conrelid::regclass::text as tbl, c.conname as name, array_agg(a.attname::text order by k.ord) as cols
    from pg_constraint c cross join unnest(c.conkey) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.connamespace = 'public'::regnamespace and c.contype in ('p', 'u', 'f')
    group by 1, 2
    union all
    select i.indrelid::regclass::text, x.relname::text, array_agg(a.attname::text order by k.ord)
    from pg_index i join pg_class x on x.oid = i.indexrelid
    cross join unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indisunique and x.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    group by 1, 2`.execute(db);
  return r.rows;
}
