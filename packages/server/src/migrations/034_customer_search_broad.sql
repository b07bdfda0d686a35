-- Customer search for broad terms (issue 13). Migration 019 finds candidates in the gram index and ranks every match
-- before it cuts the page: right for a trade name (恒通: a few dozen rows), but a word such as 科技 is in a quarter of
-- all names — 25,000 rows at 100k customers, each read, checked under RLS and ranked for a page of 50 (170 ms alone,
-- seconds under 20 clients). A broad term needs the opposite plan: walk the list's sort index and keep the first rows
-- that match (a quarter of the rows do, so a page costs about 200 rows), plus the few rows that rank first (an exact
-- or prefix match) found by prefix indexes. The list statement (customers.sql.ts) counts the matches up to a cap and
-- takes one plan or the other in the same statement; both return the same rows in the same order.

-- Whether a customer matches a search term: the exact check of 019's list predicate, in one place for the list (as
-- l2c_app, under RLS) and for the count below (as the owner). One character searches names only.
create function l2c_customer_matches(name text, number text, credit_code text, phone_key text, pinyin text,
  initials text, term text, compact text) returns boolean language sql immutable parallel safe as $$
  select case when char_length(term) = 1 then strpos(lower(name), term) > 0
    else strpos(lower(name), term) > 0 or strpos(lower(number), term) > 0
      or strpos(lower(credit_code), coalesce(compact, term)) > 0 or strpos(phone_key, coalesce(compact, term)) > 0
      or strpos(pinyin, coalesce(compact, term)) > 0 or strpos(initials, coalesce(compact, term)) > 0 end
$$;

-- The matching customers of the current tenant, at most `cap` of them: found by the gram index of 019 and checked
-- exactly, so the count says how broad the term is (not how many rows merely share its character pairs). As the
-- owner for the reason given in 019 (the index is unusable under RLS); the list checks every id again as l2c_app.
create function customer_search_ids_capped(term text, alt text, cap int) returns setof uuid
language sql stable security definer set search_path = public rows 100 as $$
  select id from (
    select id, name, number, credit_code, phone_key, search_pinyin, search_initials from customers
    where tenant_id = app_tenant_id()
      and l2c_customer_grams(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_query_grams(term)
    union all
    select id, name, number, credit_code, phone_key, search_pinyin, search_initials from customers
    where alt is not null and tenant_id = app_tenant_id()
      and l2c_customer_grams(name, number, credit_code, phone_key, search_pinyin, search_initials) @> l2c_query_grams(alt)
  ) c
  where l2c_customer_matches(c.name, c.number, c.credit_code, c.phone_key, c.search_pinyin, c.search_initials, term, alt)
  limit cap
$$;
revoke execute on function customer_search_ids_capped(text, text, int) from public;
grant execute on function customer_search_ids_capped(text, text, int) to l2c_app;

-- Prefix indexes for the rows that rank first (019's rank: exact or prefix match of the name, number, credit code,
-- phone, pinyin or initials). Byte order ("C") makes a prefix a range: s starts with p ⇔ p ≤ s < p || U+10FFFF.
create index customers_prefix_name on customers (tenant_id, (lower(name) collate "C"));
create index customers_prefix_number on customers (tenant_id, (lower(number) collate "C"));
create index customers_prefix_credit on customers (tenant_id, (lower(credit_code) collate "C")) where credit_code is not null;
create index customers_prefix_phone on customers (tenant_id, (phone_key collate "C")) where phone_key is not null;
create index customers_prefix_pinyin on customers (tenant_id, (search_pinyin collate "C"));
create index customers_prefix_initials on customers (tenant_id, (search_initials collate "C"));

-- The customers of the current tenant that may rank 0 or 1 for a term (a superset; the list checks and ranks them).
-- `alt` is the compact spelling (019), compared with the credit code, phone, pinyin and initials like the rank does.
create function customer_search_head_ids(term text, alt text, key text) returns setof uuid
language sql stable security definer set search_path = public rows 20 as $$
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
  union select id from customers where key <> '' and tenant_id = app_tenant_id() and name_key = key
$$;
revoke execute on function customer_search_head_ids(text, text, text) from public;
grant execute on function customer_search_head_ids(text, text, text) to l2c_app;
