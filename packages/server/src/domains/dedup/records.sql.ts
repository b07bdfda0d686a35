// The record a duplicate check or a merge starts from, read with the caller's data scope in the statement: a record out
// of scope is not found, the same answer an unknown id gets.
import { sql, type RawBuilder } from 'kysely';
import type { DuplicateObject } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import { leadVisible, type MatchScope } from './match.sql.js';

export interface CheckRecord { id: string; company: string | null; credit_code: string | null; phone: string | null; email: string | null; owner_id: string | null }

function visible(col: RawBuilder<unknown>, s: MatchScope): RawBuilder<unknown> {
  if (s.scope === 'all') return sql`true`;
  return sql`(${col} is null or ${col} in (select visible_owner_ids(${s.userId}::uuid, ${s.scope})))`;
}

export async function recordForCheck(tx: Tx, object: DuplicateObject, id: string, s: MatchScope): Promise<CheckRecord | undefined> {
  const q = object === 'customer'
    ? sql<CheckRecord>`select c.id, c.name as company, c.credit_code, c.phone, null::text as email, c.owner_id from customers c
        where c.id = ${id} and c.merged_into_id is null and ${visible(sql`c.owner_id`, s)}`
    : object === 'contact'
      ? sql<CheckRecord>`select ct.id, null::text as company, null::text as credit_code, coalesce(ct.mobile, ct.phone) as phone, ct.email, c.owner_id
          from contacts ct join customers c on c.id = ct.customer_id
          where ct.id = ${id} and ct.deleted_at is null and ${visible(sql`c.owner_id`, s)}`
      : sql<CheckRecord>`select l.id, l.company_name as company, l.credit_code, l.phone, l.email, l.owner_id from leads l
          where l.id = ${id} and l.merged_into_id is null and ${leadVisible(s)}`;
  return (await q.execute(tx)).rows[0];
}
