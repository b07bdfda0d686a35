-- Receipt files of payments 回款凭证: the bank receipt 银行回单 or remittance advice behind a claimed payment, stored
-- in the database beside the payment (bytea, like contract_files) with its SHA-256. Evidence is never edited: the
-- application role may insert and read these rows, never update or delete them.
create table payment_files (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  payment_id uuid not null references payments(id),
  file_name text not null check (length(file_name) between 1 and 255),
  content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'application/ofd',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
  size_bytes int not null check (size_bytes > 0 and size_bytes <= 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  uploaded_by uuid references users(id),
  created_at timestamptz not null default now(),
  check (octet_length(content) = size_bytes)
);
create index payment_files_payment on payment_files (tenant_id, payment_id);
select l2c_tenant_table('payment_files', 'select, insert');
