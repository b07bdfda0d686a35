// The customer search's statements (migration 019): the candidates from the gram index, the exact check and the rank
// of each row the list query reads, and the start-up fill of the pinyin keys.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';
import type { SearchTerm } from './search-keys.js';

/**
 * The rows a search finds, for the list's WHERE: candidates from customer_search_ids (the index lookup, in the
 * tenant), then the exact check on this row — the list reads them as l2c_app, so RLS and the data scope apply to
 * every candidate. One character searches names only (the index holds single characters of names alone).
 */
export function searchPredicate(t: SearchTerm): RawBuilder<unknown> {
  const candidates = sql`c.id in (select customer_search_ids(${t.term}, ${t.compact}))`;
  if ([...t.term].length === 1) return sql`(${candidates} and strpos(lower(c.name), ${t.term}) > 0)`;
  const c = t.compact ?? t.term;
  return sql`(${candidates} and (strpos(lower(c.name), ${t.term}) > 0 or strpos(lower(c.number), ${t.term}) > 0
    or strpos(lower(c.credit_code), ${c}) > 0 or strpos(c.phone_key, ${c}) > 0
    or strpos(c.search_pinyin, ${c}) > 0 or strpos(c.search_initials, ${c}) > 0))`;
}

/** 0 exact (name, name key, number, credit code, phone, pinyin or initials), 1 prefix of one of them, 2 contains. */
export function searchRank(t: SearchTerm): RawBuilder<number> {
  const c = t.compact ?? t.term;
  return sql<number>`(case
    when lower(c.name) = ${t.term} or c.name_key = ${t.key || null} or lower(c.number) = ${t.term}
      or lower(c.credit_code) = ${c} or c.phone_key = ${c} or c.search_pinyin = ${c} or c.search_initials = ${c} then 0
    when starts_with(lower(c.name), ${t.term}) or starts_with(lower(c.number), ${t.term}) or starts_with(lower(c.credit_code), ${c})
      or starts_with(c.phone_key, ${c}) or starts_with(c.search_pinyin, ${c}) or starts_with(c.search_initials, ${c}) then 1
    else 2 end)`;
}

export interface KeylessCustomer { tenant_id: string; id: string; name: string }

/** Customers whose pinyin keys were never computed (written before migration 019, or by a bulk SQL load), in key order. */
export async function customersWithoutSearchKeys(tx: Tx, after: [string, string] | null, limit: number): Promise<KeylessCustomer[]> {
  const r = await sql<KeylessCustomer>`select tenant_id, id, name from customers
    where search_pinyin is null ${after ? sql`and (tenant_id, id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql``}
    order by tenant_id, id limit ${limit}`.execute(tx);
  return r.rows;
}

/** Store computed keys, in one statement; version and updated_at stay (nothing a person changed). */
export async function setSearchKeys(tx: Tx, rows: Array<{ tenantId: string; id: string; pinyin: string; initials: string }>): Promise<void> {
  if (rows.length === 0) return;
  await sql`update customers c set search_pinyin = v.pinyin, search_initials = v.initials
    from unnest(${rows.map((r) => r.tenantId)}::uuid[], ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.pinyin)}::text[],
      ${rows.map((r) => r.initials)}::text[]) as v(tenant_id, id, pinyin, initials)
    where c.tenant_id = v.tenant_id and c.id = v.id`.execute(tx);
}
