// The matching statement: every candidate of a batch against customers, contacts and leads in ONE statement, through
// indexed equality on blocking keys only — credit code, phone key, e-mail key, and the company key's first two
// characters (company_block, a stored column so the index serves it under row-level security). Company names found by
// the block come back with their key; their similarity is scored in process (similarity.ts). A block is capped per
// candidate (BLOCK_CAP rows) so a crowded prefix costs a bounded amount.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export const BLOCK_CAP = 50;

export interface KeyBatch {
  /** One entry per candidate (index i): its company key and block, credit code. */
  company: { i: number[]; key: string[]; block: string[] };
  credit: { i: number[]; code: string[] };
  /** Several phone spellings per candidate are several rows. */
  phone: { i: number[]; phone: string[] };
  email: { i: number[]; email: string[] };
}

export interface RawHit {
  i: number; kind: 'lead' | 'contact' | 'customer'; id: string; name: string; customer_id: string | null; customer_name: string | null;
  owner_id: string | null; owner_name: string | null; key: string | null; reasons: string[];
}

/** The caller's data scope; leads follow leads' own rule, where a marketer's scope is the tenant (leadScope). */
export interface MatchScope { userId: string; scope: DataScope; leadScope?: DataScope }

function visible(col: RawBuilder<unknown>, s: MatchScope | null): RawBuilder<unknown> {
  if (!s || s.scope === 'all') return sql`true`;
  // a record without an owner (the pool) is visible to everyone, as customers' and leads' own reads have it
  return sql`(${col} is null or ${col} in (select visible_owner_ids(${s.userId}::uuid, ${s.scope})))`;
}

/** Leads' own rule (domains/leads scopePredicate): the lead pool, and the owners of the caller's scope. */
export function leadVisible(s: MatchScope | null): RawBuilder<unknown> {
  const scope = s?.leadScope ?? s?.scope;
  if (!s || scope === 'all') return sql`true`;
  return sql`(l.in_pool or l.owner_id in (select visible_owner_ids(${s.userId}::uuid, ${scope})))`;
}

export async function matchKeys(tx: Tx, b: KeyBatch, s: MatchScope | null, exclude: string[]): Promise<RawHit[]> {
  const cu = visible(sql`cu.owner_id`, s);
  const le = leadVisible(s);
  // Every branch carries what the answer shows (name, customer, owner, key), so the grouped hits need no second look-up
  // of the three tables; only owner names are joined, once per grouped hit.
  const cuCols = sql`cu.name, cu.id as customer_id, cu.name as customer_name, cu.owner_id, cu.company_key as key`;
  const ctCols = sql`ct.name, cu.id as customer_id, cu.name as customer_name, cu.owner_id, null::text as key`;
  const leCols = sql`coalesce(l.company_name, l.contact_name, l.number) as name, l.converted_customer_id as customer_id, null::text as customer_name, l.owner_id, l.company_key as key`;
  const r = await sql<RawHit>`
    with co as (select * from unnest(${b.company.i}::int[], ${b.company.key}::text[], ${b.company.block}::text[]) as co(i, key, block)),
    cr as (select * from unnest(${b.credit.i}::int[], ${b.credit.code}::text[]) as cr(i, code)),
    ph as (select * from unnest(${b.phone.i}::int[], ${b.phone.phone}::text[]) as ph(i, phone)),
    em as (select * from unnest(${b.email.i}::int[], ${b.email.email}::text[]) as em(i, email)),
    hits as (
      select cr.i, 'customer' as kind, cu.id, 'credit_code' as reason, ${cuCols} from cr join customers cu on cu.credit_code = cr.code
        where cu.merged_into_id is null and ${cu}
      union all
      select ph.i, 'customer', cu.id, 'phone', ${cuCols} from ph join customers cu on cu.phone_key = ph.phone where cu.merged_into_id is null and ${cu}
      union all
      select i, 'customer', id, 'company_name', name, customer_id, customer_name, owner_id, key from (
        select co.i, ${cuCols}, cu.id, row_number() over (partition by co.i order by cu.id) as rn
        from co join customers cu on cu.company_block = co.block where cu.merged_into_id is null and ${cu}) x where rn <= ${BLOCK_CAP}
      union all
      select ph.i, 'contact', ct.id, 'phone', ${ctCols} from ph join contacts ct on ct.phone_key = ph.phone join customers cu on cu.id = ct.customer_id
        where ct.deleted_at is null and cu.merged_into_id is null and ${cu}
      union all
      select em.i, 'contact', ct.id, 'email', ${ctCols} from em join contacts ct on ct.email_key = em.email join customers cu on cu.id = ct.customer_id
        where ct.deleted_at is null and cu.merged_into_id is null and ${cu}
      union all
      select cr.i, 'lead', l.id, 'credit_code', ${leCols} from cr join leads l on l.credit_code = cr.code where l.merged_into_id is null and ${le}
      union all
      select ph.i, 'lead', l.id, 'phone', ${leCols} from ph join leads l on l.phone_key = ph.phone where l.merged_into_id is null and ${le}
      union all
      select em.i, 'lead', l.id, 'email', ${leCols} from em join leads l on l.email_key = em.email where l.merged_into_id is null and ${le}
      union all
      select i, 'lead', id, 'company_name', name, customer_id, customer_name, owner_id, key from (
        select co.i, ${leCols}, l.id, row_number() over (partition by co.i order by l.id) as rn
        from co join leads l on l.company_block = co.block where l.merged_into_id is null and ${le}) x where rn <= ${BLOCK_CAP}
    ),
    grouped as (
      select i, kind, id, array_agg(distinct reason) as reasons, min(name) as name, min(customer_id::text) as customer_id,
        min(customer_name) as customer_name, min(owner_id::text) as owner_id, min(key) as key
      from hits where not (id = any(${exclude}::uuid[])) group by i, kind, id
    )
    select g.i, g.kind, g.id, g.reasons, g.name, g.customer_id, g.customer_name, g.owner_id, u.name as owner_name, g.key
    from grouped g left join users u on u.id = g.owner_id::uuid
    order by g.i`.execute(tx);
  return r.rows;
}
