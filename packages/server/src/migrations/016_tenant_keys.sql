-- Tenant-keyed references. Row-level security filters what a query sees, but a foreign-key check does not go through
-- it: `receivables.owner_id references users(id)` accepted the id of another tenant's user. From here on every tenant
-- table keys on (tenant_id, id) and every reference between tenant tables carries tenant_id on both sides, so a row
-- can only point at a row of its own tenant — a database fact, not a filter a service might forget. It is also the
-- layout a distributed PostgreSQL (Citus, docs/SCALE.md) needs: every key and every join carries the distribution column.
--
-- Existing rows are kept as they are. Should a database already hold a reference across tenants (the defect this
-- closes), adding its foreign key fails and names the key: such a row must be repaired by hand, never silently.
-- No foreign key between tenant tables had an ON DELETE action (all NO ACTION), so none is needed here.
-- packages/server/test/tenant-keys.test.ts reads the catalog and fails when a later migration breaks the rule.

-- 1. The single-column foreign keys between tenant tables go first: they depend on the primary keys replaced in 2.
alter table teams drop constraint teams_parent_id_fkey, drop constraint teams_manager_fk;
alter table users drop constraint users_team_id_fkey;
alter table auth_tokens drop constraint auth_tokens_user_id_fkey;
alter table customers drop constraint customers_owner_id_fkey, drop constraint customers_parent_id_fkey,
  drop constraint customers_created_by_fkey;
alter table contacts drop constraint contacts_customer_id_fkey;
alter table followups drop constraint followups_customer_id_fkey, drop constraint followups_contact_id_fkey,
  drop constraint followups_author_id_fkey;
alter table pool_events drop constraint pool_events_customer_id_fkey, drop constraint pool_events_user_id_fkey;
alter table contracts drop constraint contracts_customer_id_fkey, drop constraint contracts_framework_id_fkey,
  drop constraint contracts_signed_file_fk, drop constraint contracts_owner_id_fkey, drop constraint contracts_created_by_fkey;
alter table contract_lines drop constraint contract_lines_contract_id_fkey;
alter table contract_instalments drop constraint contract_instalments_contract_id_fkey,
  drop constraint contract_instalments_owner_id_fkey;
alter table contract_files drop constraint contract_files_contract_id_fkey, drop constraint contract_files_uploaded_by_fkey;
alter table contract_amendments drop constraint contract_amendments_contract_id_fkey,
  drop constraint contract_amendments_created_by_fkey;
alter table notifications drop constraint notifications_user_id_fkey;
alter table credit_profiles drop constraint credit_profiles_customer_id_fkey;
alter table receivables drop constraint receivables_customer_id_fkey, drop constraint receivables_contract_id_fkey,
  drop constraint receivables_instalment_id_fkey, drop constraint receivables_original_id_fkey,
  drop constraint receivables_owner_id_fkey, drop constraint receivables_created_by_fkey;
alter table payments drop constraint payments_customer_id_fkey, drop constraint payments_registered_by_fkey,
  drop constraint payments_confirmed_by_fkey;
alter table write_offs drop constraint write_offs_customer_id_fkey, drop constraint write_offs_reverses_id_fkey,
  drop constraint write_offs_created_by_fkey;
alter table allocations drop constraint allocations_write_off_id_fkey, drop constraint allocations_receivable_id_fkey,
  drop constraint allocations_payment_id_fkey, drop constraint allocations_credit_note_id_fkey,
  drop constraint allocations_reverses_id_fkey;
alter table account_entries drop constraint account_entries_customer_id_fkey, drop constraint account_entries_created_by_fkey;
alter table bad_debt_requests drop constraint bad_debt_requests_receivable_id_fkey,
  drop constraint bad_debt_requests_requested_by_fkey, drop constraint bad_debt_requests_decided_by_fkey,
  drop constraint bad_debt_requests_write_off_id_fkey;
alter table approval_definitions drop constraint approval_definitions_updated_by_fkey;
alter table approval_requests drop constraint approval_requests_submitted_by_fkey;
alter table approval_steps drop constraint approval_steps_request_id_fkey, drop constraint approval_steps_acted_by_fkey;
alter table approval_actions drop constraint approval_actions_request_id_fkey, drop constraint approval_actions_actor_id_fkey;
alter table payment_files drop constraint payment_files_payment_id_fkey, drop constraint payment_files_uploaded_by_fkey;

-- 2. Primary keys lead with the tenant. A look-up by id alone can no longer use them, so every query that reads a
-- tenant table by id names the tenant too: under row-level security the policy adds `tenant_id = app_tenant_id()`,
-- and the few owner-role statements (authentication, login, demo load) say it themselves.
-- (doc_sequences and idempotency_keys already key on (tenant_id, …).)
alter table audit_log drop constraint audit_log_pkey, add primary key (tenant_id, id);
alter table teams drop constraint teams_pkey, add primary key (tenant_id, id);
alter table users drop constraint users_pkey, add primary key (tenant_id, id);
alter table auth_tokens drop constraint auth_tokens_pkey, add primary key (tenant_id, id);
alter table customers drop constraint customers_pkey, add primary key (tenant_id, id);
alter table contacts drop constraint contacts_pkey, add primary key (tenant_id, id);
alter table followups drop constraint followups_pkey, add primary key (tenant_id, id);
alter table pool_events drop constraint pool_events_pkey, add primary key (tenant_id, id);
alter table contracts drop constraint contracts_pkey, add primary key (tenant_id, id);
alter table contract_lines drop constraint contract_lines_pkey, add primary key (tenant_id, id);
alter table contract_instalments drop constraint contract_instalments_pkey, add primary key (tenant_id, id);
alter table contract_files drop constraint contract_files_pkey, add primary key (tenant_id, id);
alter table contract_amendments drop constraint contract_amendments_pkey, add primary key (tenant_id, id);
alter table notifications drop constraint notifications_pkey, add primary key (tenant_id, id);
alter table credit_profiles drop constraint credit_profiles_pkey, add primary key (tenant_id, customer_id);
alter table receivables drop constraint receivables_pkey, add primary key (tenant_id, id);
alter table payments drop constraint payments_pkey, add primary key (tenant_id, id);
alter table write_offs drop constraint write_offs_pkey, add primary key (tenant_id, id);
alter table allocations drop constraint allocations_pkey, add primary key (tenant_id, id);
alter table account_entries drop constraint account_entries_pkey, add primary key (tenant_id, id);
alter table bad_debt_requests drop constraint bad_debt_requests_pkey, add primary key (tenant_id, id);
alter table approval_definitions drop constraint approval_definitions_pkey, add primary key (tenant_id, id);
alter table approval_requests drop constraint approval_requests_pkey, add primary key (tenant_id, id);
alter table approval_steps drop constraint approval_steps_pkey, add primary key (tenant_id, id);
alter table approval_actions drop constraint approval_actions_pkey, add primary key (tenant_id, id);
alter table payment_files drop constraint payment_files_pkey, add primary key (tenant_id, id);

-- 3. Unique constraints lead with the tenant as well. Ids are random UUIDs, so (tenant_id, x) is as strict as (x) for
-- every row the application writes; Citus can only enforce a uniqueness that includes the distribution column.
-- auth_tokens.token_hash stays global: authentication finds the tenant from the token (docs/SCALE.md).
alter table write_offs drop constraint write_offs_reverses_id_key,
  add constraint write_offs_reverses_id_key unique (tenant_id, reverses_id);
alter table allocations drop constraint allocations_reverses_id_key,
  add constraint allocations_reverses_id_key unique (tenant_id, reverses_id);
alter table contract_lines drop constraint contract_lines_contract_id_line_no_key,
  add constraint contract_lines_contract_id_line_no_key unique (tenant_id, contract_id, line_no);
alter table contract_instalments drop constraint contract_instalments_contract_id_seq_key,
  add constraint contract_instalments_contract_id_seq_key unique (tenant_id, contract_id, seq);
alter table contract_amendments drop constraint contract_amendments_contract_id_seq_key,
  add constraint contract_amendments_contract_id_seq_key unique (tenant_id, contract_id, seq);
alter table approval_steps drop constraint approval_steps_request_id_seq_key,
  add constraint approval_steps_request_id_seq_key unique (tenant_id, request_id, seq);
drop index contract_amendments_one_open;
create unique index contract_amendments_one_open on contract_amendments (tenant_id, contract_id) where status = 'in_approval';

-- 4. The foreign keys again, each over (tenant_id, column) → (tenant_id, id), named <table>_<column>_fkey.
-- Nullable references stay optional: with MATCH SIMPLE (the default) a null column skips the check.
alter table teams
  add constraint teams_parent_id_fkey foreign key (tenant_id, parent_id) references teams (tenant_id, id),
  add constraint teams_manager_id_fkey foreign key (tenant_id, manager_id) references users (tenant_id, id);
alter table users
  add constraint users_team_id_fkey foreign key (tenant_id, team_id) references teams (tenant_id, id);
alter table auth_tokens
  add constraint auth_tokens_user_id_fkey foreign key (tenant_id, user_id) references users (tenant_id, id);
alter table customers
  add constraint customers_owner_id_fkey foreign key (tenant_id, owner_id) references users (tenant_id, id),
  add constraint customers_parent_id_fkey foreign key (tenant_id, parent_id) references customers (tenant_id, id),
  add constraint customers_created_by_fkey foreign key (tenant_id, created_by) references users (tenant_id, id);
alter table contacts
  add constraint contacts_customer_id_fkey foreign key (tenant_id, customer_id) references customers (tenant_id, id);
alter table followups
  add constraint followups_customer_id_fkey foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint followups_contact_id_fkey foreign key (tenant_id, contact_id) references contacts (tenant_id, id),
  add constraint followups_author_id_fkey foreign key (tenant_id, author_id) references users (tenant_id, id);
alter table pool_events
  add constraint pool_events_customer_id_fkey foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint pool_events_user_id_fkey foreign key (tenant_id, user_id) references users (tenant_id, id);
alter table contracts
  add constraint contracts_customer_id_fkey foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint contracts_framework_id_fkey foreign key (tenant_id, framework_id) references contracts (tenant_id, id),
  add constraint contracts_signed_file_id_fkey foreign key (tenant_id, signed_file_id) references contract_files (tenant_id, id),
  add constraint contracts_owner_id_fkey foreign key (tenant_id, owner_id) references users (tenant_id, id),
  add constraint contracts_created_by_fkey foreign key (tenant_id, created_by) references users (tenant_id, id);
alter table contract_lines
  add constraint contract_lines_contract_id_fkey foreign key (tenant_id, contract_id) references contracts (tenant_id, id);
alter table contract_instalments
  add constraint contract_instalments_contract_id_fkey foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
  add constraint contract_instalments_owner_id_fkey foreign key (tenant_id, owner_id) references users (tenant_id, id);
alter table contract_files
  add constraint contract_files_contract_id_fkey foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
  add constraint contract_files_uploaded_by_fkey foreign key (tenant_id, uploaded_by) references users (tenant_id, id);
alter table contract_amendments
  add constraint contract_amendments_contract_id_fkey foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
  add constraint contract_amendments_created_by_fkey foreign key (tenant_id, created_by) references users (tenant_id, id);
alter table notifications
  add constraint notifications_user_id_fkey foreign key (tenant_id, user_id) references users (tenant_id, id);
alter table credit_profiles
  add constraint credit_profiles_customer_id_fkey foreign key (tenant_id, customer_id) references customers (tenant_id, id);
alter table receivables
  add constraint receivables_customer_id_fkey foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint receivables_contract_id_fkey foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
  add constraint receivables_instalment_id_fkey foreign key (tenant_id, instalment_id) references contract_instalments (tenant_id, id),
  add constraint receivables_original_id_fkey foreign key (tenant_id, original_id) references receivables (tenant_id, id),
  add constraint receivables_owner_id_fkey foreign key (tenant_id, owner_id) references users (tenant_id, id),
  add constraint receivables_created_by_fkey foreign key (tenant_id, created_by) references users (tenant_id, id);
alter table payments
  add constraint payments_customer_id_fkey foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint payments_registered_by_fkey foreign key (tenant_id, registered_by) references users (tenant_id, id),
  add constraint payments_confirmed_by_fkey foreign key (tenant_id, confirmed_by) references users (tenant_id, id);
alter table write_offs
  add constraint write_offs_customer_id_fkey foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint write_offs_reverses_id_fkey foreign key (tenant_id, reverses_id) references write_offs (tenant_id, id),
  add constraint write_offs_created_by_fkey foreign key (tenant_id, created_by) references users (tenant_id, id);
alter table allocations
  add constraint allocations_write_off_id_fkey foreign key (tenant_id, write_off_id) references write_offs (tenant_id, id),
  add constraint allocations_receivable_id_fkey foreign key (tenant_id, receivable_id) references receivables (tenant_id, id),
  add constraint allocations_payment_id_fkey foreign key (tenant_id, payment_id) references payments (tenant_id, id),
  add constraint allocations_credit_note_id_fkey foreign key (tenant_id, credit_note_id) references receivables (tenant_id, id),
  add constraint allocations_reverses_id_fkey foreign key (tenant_id, reverses_id) references allocations (tenant_id, id);
alter table account_entries
  add constraint account_entries_customer_id_fkey foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  add constraint account_entries_created_by_fkey foreign key (tenant_id, created_by) references users (tenant_id, id);
alter table bad_debt_requests
  add constraint bad_debt_requests_receivable_id_fkey foreign key (tenant_id, receivable_id) references receivables (tenant_id, id),
  add constraint bad_debt_requests_requested_by_fkey foreign key (tenant_id, requested_by) references users (tenant_id, id),
  add constraint bad_debt_requests_decided_by_fkey foreign key (tenant_id, decided_by) references users (tenant_id, id),
  add constraint bad_debt_requests_write_off_id_fkey foreign key (tenant_id, write_off_id) references write_offs (tenant_id, id);
alter table approval_definitions
  add constraint approval_definitions_updated_by_fkey foreign key (tenant_id, updated_by) references users (tenant_id, id);
alter table approval_requests
  add constraint approval_requests_submitted_by_fkey foreign key (tenant_id, submitted_by) references users (tenant_id, id);
alter table approval_steps
  add constraint approval_steps_request_id_fkey foreign key (tenant_id, request_id) references approval_requests (tenant_id, id),
  add constraint approval_steps_acted_by_fkey foreign key (tenant_id, acted_by) references users (tenant_id, id);
alter table approval_actions
  add constraint approval_actions_request_id_fkey foreign key (tenant_id, request_id) references approval_requests (tenant_id, id),
  add constraint approval_actions_actor_id_fkey foreign key (tenant_id, actor_id) references users (tenant_id, id);
alter table payment_files
  add constraint payment_files_payment_id_fkey foreign key (tenant_id, payment_id) references payments (tenant_id, id),
  add constraint payment_files_uploaded_by_fkey foreign key (tenant_id, uploaded_by) references users (tenant_id, id);
