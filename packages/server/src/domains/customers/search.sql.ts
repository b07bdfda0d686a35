// The customer search's statements (migration 019): the candidates from the gram index, the exact check and the rank
// of each row the list query reads, and the start-up fill of the pinyin keys.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';
import type { SearchTerm } from './search-keys.js';

/**
 * Whether a row matches the search, for the list's WHERE: l2c_customer_matches (migration 034), the exact check on
 * the name, number, credit code, phone, pinyin and initials (one character: names only). The list reads rows as
 * l2c_app, so RLS and the data scope apply to every row; where its rows come from (the gram index for a narrow term,
 * the sort index for a broad one) is the list statement's choice (customers.sql.ts listCustomers).
 */
export function searchPredicate(t: SearchTerm): RawBuilder<unknown> {
  return sql`public.l2c_customer_matches(c.name, c.number, c.credit_code, c.phone_key, c.search_pinyin, c.search_initials,
    ${t.term}::text, ${t.compact}::text)`;
}

/**
 * A term with more matches than this in the tenant is broad: its page is read along the sort index instead of ranking
 * every match (migration 034). At the cap the two plans cost about the same: ~1,000 rows read and ranked by id, or
 * ~50 / 1 % = 5,000 rows walked in sort order with the check.
 */
export const BROAD_TERM_MATCHES = 1000;

/** The tenant's matches of the term, counted by the gram index and the exact check, at most BROAD_TERM_MATCHES + 1. */
export function searchMatchIds(t: SearchTerm): RawBuilder<string> {
  // the cap in the text (a constant), like the list's page size (customers.sql.ts listCustomers)
  return sql<string>`customer_search_ids_capped(${t.term}::text, ${t.compact}::text, ${sql.lit(BROAD_TERM_MATCHES + 1)})`;
}

/** The rows that may rank first (exact or prefix match, or the same name key), from the prefix indexes of 034. */
export function searchHeadIds(t: SearchTerm): RawBuilder<string> {
  return sql<string>`customer_search_head_ids(${t.term}::text, ${t.compact}::text, ${t.key}::text)`;
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
    where (search_pinyin is null or company_key is null) ${after ? sql`and (tenant_id, id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql``}
    order by tenant_id, id limit ${limit}`.execute(tx);
  return r.rows;
}

/** Store computed keys, in one statement; version and updated_at stay (nothing a person changed). */
export async function setSearchKeys(tx: Tx, rows: Array<{ tenantId: string; id: string; pinyin: string; initials: string; companyKey: string }>): Promise<void> {
  if (rows.length === 0) return;
  await sql`update customers c set search_pinyin = v.pinyin, search_initials = v.initials, company_key = v.company_key
    from unnest(${rows.map((r) => r.tenantId)}::uuid[], ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.pinyin)}::text[],
      ${rows.map((r) => r.initials)}::text[], ${rows.map((r) => r.companyKey)}::text[]) as v(tenant_id, id, pinyin, initials, company_key)
    where c.tenant_id = v.tenant_id and c.id = v.id`.execute(tx);
}
