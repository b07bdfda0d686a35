-- Customer search (issue 13): any part of the name (two-character Chinese terms too), the name's pinyin in full and
-- by initials (搜 "hzyf" → 杭州云帆), the phone and the unified social credit code; ranked exact, prefix, contains
-- (customers.sql.ts). Before this, `q=` was an ILIKE over four columns: a sequential scan of the tenant, 2.8 s at
-- p50 under 20 clients at 100k customers (docs/benchmarks.md, finding 1).
--
-- The pinyin keys cannot be computed in SQL: the application writes them with the name, in the same statement
-- (customers.sql.ts insertCustomer/updateCustomer), and fills the rows written before this migration (or by a bulk
-- SQL load) at start-up (search.service.ts backfillSearchKeys). Null means "not computed yet"; '' means the name has
-- no Chinese characters.
alter table customers add column search_pinyin text, add column search_initials text;

-- Character pairs of a text, none spanning the field separator chr(1). A pg_trgm index cannot narrow a two-character
-- pattern (it holds no trigram), and Chinese users search by two-character trade names; pairs can.
create function l2c_grams(t text) returns text[] language sql immutable strict parallel safe as $$
  select coalesce(array_agg(distinct substr(t, i, 2)), '{}') from generate_series(1, char_length(t) - 1) i
  where strpos(substr(t, i, 2), chr(1)) = 0
$$;

-- What a customer is found by: pairs of its name, number, credit code, phone digits, pinyin and initials, and the
-- single characters of its name (a one-character search looks at names only).
create function l2c_customer_grams(name text, number text, credit_code text, phone_key text, pinyin text, initials text)
returns text[] language sql immutable parallel safe as $$
  select public.l2c_grams(lower(name) || chr(1) || lower(number) || chr(1) || coalesce(lower(credit_code), '') || chr(1)
      || coalesce(phone_key, '') || chr(1) || coalesce(pinyin, '') || chr(1) || coalesce(initials, ''))
    || array(select distinct substr(lower(name), i, 1) from generate_series(1, char_length(lower(name))) i)
$$;

-- The grams a search term must all have: its pairs, or the character itself for a one-character term.
create function l2c_query_grams(q text) returns text[] language sql immutable strict parallel safe as $$
  select case when char_length(q) = 1 then array[q] else public.l2c_grams(q) end
$$;

-- (Functions called from an index expression are named with their schema: PostgreSQL 17 and later, PGlite among
-- them, build and maintain indexes with a search_path of pg_catalog only.)
create index customers_search on customers using gin
  (l2c_customer_grams(name, number, credit_code, phone_key, search_pinyin, search_initials));

-- The candidates of a search in the current tenant. Under row-level security PostgreSQL uses a condition as an index
-- condition only if its operator is leakproof, and the array containment operator is not: as l2c_app the index above
-- would never be used. So the index lookup runs here, as the owner, and applies the tenant itself; the list query
-- then reads the candidates as l2c_app, under RLS and the caller's data scope, and checks each one exactly — so
-- nothing out of scope is returned, counted or ranked. `alt` is a second spelling of the term (digits of a phone,
-- pinyin without spaces), or null.
create function customer_search_ids(term text, alt text) returns setof uuid
language sql stable security definer set search_path = public rows 100 as $$
  select id from customers
  where tenant_id = app_tenant_id()
    and l2c_customer_grams(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_query_grams(term)
  union
  select id from customers
  where alt is not null and tenant_id = app_tenant_id()
    and l2c_customer_grams(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_query_grams(alt)
$$;
revoke execute on function customer_search_ids(text, text) from public;
grant execute on function customer_search_ids(text, text) to l2c_app;
