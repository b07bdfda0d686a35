// The document counter's one statement (sequences.ts), in its two forms: on the side pool in autocommit, and inside
// the caller's transaction. The statement reads the document type's number format (doc_number_formats; none: the
// built-in PREFIX-YYYY-000123 counted per year) and bumps the counter of the format's period in one round trip.
import { sql } from 'kysely';
import type pg from 'pg';
import type { Tx } from './db.js';
import { PREPARE_ANYWAY } from './prepared.js';

export interface CounterValue {
  doc_type: string; last_value: number; prefix: string; date_pattern: string; separator: string; width: number;
}

/** Period keys of a business date: year, year+month, year+month+day (doc_sequences.year holds the format's one). */
function periods(on: string): [number, number, number] {
  return [Number(on.slice(0, 4)), Number(on.slice(0, 4) + on.slice(5, 7)), Number(on.slice(0, 4) + on.slice(5, 7) + on.slice(8, 10))];
}

function nextStatement(tenantId: string, codes: string[], on: string) {
  const [y, ym, ymd] = periods(on);
  // counters are bumped in code order, so two such statements lock the counter rows in the same order
  // a handful of document types over a small table: one plan fits every call, so it is prepared (prepared.ts)
  return sql<CounterValue>`${sql.raw(PREPARE_ANYWAY)} with f as (
      select t.code, coalesce(n.prefix, t.code) as prefix, coalesce(n.date_pattern, 'YYYY') as date_pattern,
        coalesce(n.separator, '-') as separator, coalesce(n.width, 6) as width, coalesce(n.reset, 'yearly') as reset, t.n
      from unnest(${codes}::text[]) with ordinality as t(code, n)
      left join doc_number_formats n on n.tenant_id = ${tenantId} and n.doc_type = t.code
    ), k as (
      select f.*, case f.reset when 'never' then 0 when 'yearly' then ${y}::int when 'monthly' then ${ym}::int else ${ymd}::int end as period from f
    ), c as (
      insert into doc_sequences (tenant_id, doc_type, year, last_value)
      select ${tenantId}, k.code, k.period, 1 from k order by k.code
      on conflict (tenant_id, doc_type, year) do update set last_value = doc_sequences.last_value + 1
      returning doc_type, last_value
    )
    select c.doc_type, c.last_value, k.prefix, k.date_pattern, k.separator, k.width from c join k on k.code = c.doc_type order by k.n`;
}

/** The next value of each counter (codes distinct), in its own autocommitted statement on `side`; rows in the order given. */
export async function nextValuesOnSide(tx: Tx, side: pg.Pool, tenantId: string, codes: string[], on: string): Promise<CounterValue[]> {
  const compiled = nextStatement(tenantId, codes, on).compile(tx);
  // named: each side connection plans the statement once (its text never changes; the values are parameters)
  const r = await side.query<CounterValue>({ name: 'l2c_next_doc_numbers', text: compiled.sql, values: compiled.parameters as unknown[] });
  return r.rows.map((x) => ({ ...x, last_value: Number(x.last_value) }));
}

/** The same inside `tx` (the counter rows stay locked until it ends). */
export async function nextValues(tx: Tx, tenantId: string, codes: string[], on: string): Promise<CounterValue[]> {
  return (await nextStatement(tenantId, codes, on).execute(tx)).rows.map((x) => ({ ...x, last_value: Number(x.last_value) }));
}
