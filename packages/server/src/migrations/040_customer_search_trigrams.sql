-- Customer search: a term of three characters or more is looked up by its character triples (issue 13 item 1,
-- session 9). Same rows, same exact check, same tenant and owner rules as 034 and 038.
--
-- 019's index holds character pairs, which a two-character term (恒通, 科技) needs. For a longer term the pairs are
-- common ones: pinyin and initials are short Latin strings, and `hzht` (杭州恒通) has the pairs hz, zh and ht, which
-- hundreds of thousands of names, pinyin and numbers share; the GIN look-up walked those posting lists for 75
-- candidates (48 matches) in 0.72–0.80 ms at 100k customers. Its triples (hzh, zht) are rare: 48 candidates, all
-- matches, in 0.08 ms (EXPLAIN ANALYZE, docs/benchmarks.md session 9). A three-character or longer term contained in a
-- field has every one of its triples in that field, so the triple index finds every match; the exact check
-- (l2c_customer_matches) stays what decides.
--
-- The text indexed is 019's (name, number, credit code, phone digits, pinyin, initials, lowercased, chr(1) between
-- them), and no triple spans two fields. One more GIN index to keep on customer writes (29 MB at 100k customers,
-- against 33 MB for the pairs).

create function l2c_grams3(t text) returns text[] language sql immutable strict parallel safe as $$
  select coalesce(array_agg(distinct substr(t, i, 3)), '{}') from generate_series(1, char_length(t) - 2) i
  where strpos(substr(t, i, 3), chr(1)) = 0
$$;

create function l2c_customer_grams3(name text, number text, credit_code text, phone_key text, pinyin text, initials text)
returns text[] language sql immutable parallel safe as $$
  select public.l2c_grams3(lower(name) || chr(1) || lower(number) || chr(1) || coalesce(lower(credit_code), '') || chr(1)
      || coalesce(phone_key, '') || chr(1) || coalesce(pinyin, '') || chr(1) || coalesce(initials, ''))
$$;

-- (named with their schema: PostgreSQL 17 and later build indexes with a search_path of pg_catalog only, see 019)
create index customers_search3 on customers using gin
  (public.l2c_customer_grams3(name, number, credit_code, phone_key, search_pinyin, search_initials));

-- 038's function with each spelling (the term, and its compact form) looked up by triples when it has three
-- characters or more, by pairs otherwise. Each arm's length test is a one-time filter of the generic plan: only the
-- arm that applies runs.
create or replace function customer_search_ids_capped(term text, alt text, cap int) returns setof uuid
language plpgsql stable security definer set search_path = public set plan_cache_mode = force_generic_plan rows 100 as $$
begin
  return query
    select c.id from (
      select id, name, number, credit_code, phone_key, search_pinyin, search_initials from customers
      where char_length(term) < 3 and tenant_id = app_tenant_id()
        and l2c_customer_grams(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_query_grams(term)
      union all
      select id, name, number, credit_code, phone_key, search_pinyin, search_initials from customers
      where char_length(term) >= 3 and tenant_id = app_tenant_id()
        and l2c_customer_grams3(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_grams3(term)
      union all
      select id, name, number, credit_code, phone_key, search_pinyin, search_initials from customers
      where alt is not null and char_length(alt) < 3 and tenant_id = app_tenant_id()
        and l2c_customer_grams(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_query_grams(alt)
      union all
      select id, name, number, credit_code, phone_key, search_pinyin, search_initials from customers
      where alt is not null and char_length(alt) >= 3 and tenant_id = app_tenant_id()
        and l2c_customer_grams3(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_grams3(alt)
    ) c
    where l2c_customer_matches(c.name, c.number, c.credit_code, c.phone_key, c.search_pinyin, c.search_initials, term, alt)
    limit cap;
end
$$;
