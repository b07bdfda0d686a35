-- Customer search, cheaper per request (issue 13 item 1, session 5). Same rows, same checks, same owner and tenant
-- rules as 034; only how the two look-up functions are planned changes.
--
-- A `language sql` function that is not inlined (these are security definer with a SET clause, so never) has its body
-- parsed and planned again on every call: for customer_search_ids_capped that was ~1.3–1.9 ms of planning (663 shared
-- buffers of catalog look-ups) against ~0.5–1.3 ms of executing it for a pinyin term such as `hzht` — most of the
-- "function overhead" noted in docs/benchmarks.md (0.7 ms against 0.04 ms for the bare GIN scan at 20k customers).
-- PL/pgSQL keeps each statement's plan for the session — but by default only once a generic plan looks no costlier
-- than the custom ones, and PostgreSQL cannot estimate `grams @> l2c_query_grams($1)` for an unknown term, so it
-- would keep planning every call. `plan_cache_mode = force_generic_plan` (for the function's own statements only)
-- plans them once per session. The generic plans were checked (EXPLAIN with force_generic_plan at 100k customers):
-- the gram look-up stays a bitmap scan of customers_search with the tenant as a filter, the head look-up stays range
-- scans of the prefix indexes, the `alt` and `key` branches are one-time filters. Per call, looped in one session at
-- 100k customers (shared machine): `hzht` 1.86 ms as 034's SQL function → 0.99 ms, a term with no match 1.18 →
-- 0.47 ms, `恒通` 0.54 → 0.23 ms.

create or replace function customer_search_ids_capped(term text, alt text, cap int) returns setof uuid
language plpgsql stable security definer set search_path = public set plan_cache_mode = force_generic_plan rows 100 as $$
begin
  return query
    select c.id from (
      select id, name, number, credit_code, phone_key, search_pinyin, search_initials from customers
      where tenant_id = app_tenant_id()
        and l2c_customer_grams(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_query_grams(term)
      union all
      select id, name, number, credit_code, phone_key, search_pinyin, search_initials from customers
      where alt is not null and tenant_id = app_tenant_id()
        and l2c_customer_grams(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_query_grams(alt)
    ) c
    where l2c_customer_matches(c.name, c.number, c.credit_code, c.phone_key, c.search_pinyin, c.search_initials, term, alt)
    limit cap;
end
$$;

create or replace function customer_search_head_ids(term text, alt text, key text) returns setof uuid
language plpgsql stable security definer set search_path = public set plan_cache_mode = force_generic_plan rows 20 as $$
begin
  return query
    select id from customers where tenant_id = app_tenant_id()
      and lower(name) collate "C" >= term and lower(name) collate "C" < term || chr(1114111)
    union select id from customers where tenant_id = app_tenant_id()
      and lower(number) collate "C" >= term and lower(number) collate "C" < term || chr(1114111)
    union select id from customers where tenant_id = app_tenant_id() and credit_code is not null
      and lower(credit_code) collate "C" >= coalesce(alt, term) and lower(credit_code) collate "C" < coalesce(alt, term) || chr(1114111)
    union select id from customers where tenant_id = app_tenant_id() and phone_key is not null
      and phone_key collate "C" >= coalesce(alt, term) and phone_key collate "C" < coalesce(alt, term) || chr(1114111)
    union select id from customers where tenant_id = app_tenant_id()
      and search_pinyin collate "C" >= coalesce(alt, term) and search_pinyin collate "C" < coalesce(alt, term) || chr(1114111)
    union select id from customers where tenant_id = app_tenant_id()
      and search_initials collate "C" >= coalesce(alt, term) and search_initials collate "C" < coalesce(alt, term) || chr(1114111)
    union select id from customers where key <> '' and tenant_id = app_tenant_id() and name_key = key;
end
$$;
