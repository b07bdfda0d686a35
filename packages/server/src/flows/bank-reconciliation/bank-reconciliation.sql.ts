// The matcher's candidate queries: set-based, one statement per rule for a whole batch of lines, read-only. Written by
// hand (hot path: 10,000 lines against 100,000 open receivables, bench/bank-matching.ts).
import { sql, type RawBuilder } from 'kysely';
type RawSql = RawBuilder<unknown>;
import type { Tx } from '../../platform/db.js';
import type { Instalment, OpenReceivable } from './matching.js';

const openCols = sql`r.id, r.number, r.customer_id as "customerId", r.contract_id as "contractId", ct.number as "contractNumber", r.currency,
  r.amount_open::text as "amountOpen", r.due_date as "dueDate"`;

/** Open invoices named by a token: their own number, an issued invoice's 发票 number (the receivables it was requested
 * for, or its contract's), or their contract's. */
export async function namedReceivables(tx: Tx, tokens: string[]) {
  if (tokens.length === 0) return [];
  const r = await sql<OpenReceivable & { token: string }>`
    select ${openCols}, r.number as token from receivables r left join contracts ct on ct.id = r.contract_id
      where r.number = any(${tokens}::text[]) and r.kind = 'invoice' and r.amount_open > 0
    union all
    select ${openCols}, ct.number as token from contracts ct join receivables r on r.customer_id = ct.customer_id and r.contract_id = ct.id
      where ct.number = any(${tokens}::text[]) and r.kind = 'invoice' and r.amount_open > 0
    union all
    select ${openCols}, i.number as token from invoices i join invoice_request_items it on it.request_id = i.request_id
      join receivables r on r.customer_id = i.customer_id and (r.id = it.receivable_id or r.contract_id = it.contract_id)
      left join contracts ct on ct.id = r.contract_id
      where i.number = any(${tokens}::text[]) and i.color = 'blue' and r.kind = 'invoice' and r.amount_open > 0`.execute(tx);
  return r.rows;
}

/** Learned payer accounts and names (normalised values). */
export async function knownPayers(tx: Tx, accounts: string[], names: string[]) {
  if (accounts.length === 0 && names.length === 0) return [];
  const r = await sql<{ kind: 'name' | 'account'; value: string; customer_id: string }>`select kind, value, customer_id from bank_payer_aliases
    where (kind = 'account' and value = any(${accounts}::text[])) or (kind = 'name' and value = any(${names}::text[]))`.execute(tx);
  return r.rows;
}

/**
 * Customers whose name, normalised as matching.ts normalisePayer does (NFKC, upper case, no spaces, punctuation or
 * brackets), is one of the payer names. A scan of customers' names; only the names of the batch come back.
 */
export async function customersNamed(tx: Tx, names: string[]) {
  if (names.length === 0) return [];
  const r = await sql<{ id: string; norm: string }>`select id, norm from (
      select id, upper(regexp_replace(normalize(name, NFKC), '[[:space:]()（）.,，。·_/''"&-]', '', 'g')) as norm from customers) c
    where norm = any(${names}::text[])`.execute(tx);
  return r.rows;
}

export async function customerNames(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  const r = await sql<{ id: string; name: string }>`select id, name from customers where id = any(${ids}::uuid[])`.execute(tx);
  return r.rows;
}

/** The open invoices of these customers, oldest due first. */
export async function openOfCustomers(tx: Tx, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  const r = await sql<OpenReceivable>`select ${openCols} from receivables r left join contracts ct on ct.id = r.contract_id
    where r.customer_id = any(${customerIds}::uuid[]) and r.kind = 'invoice' and r.amount_open > 0 order by r.customer_id, r.due_date, r.id`.execute(tx);
  return r.rows;
}

/** The open invoices of a customer with exactly a line's amount, for many (customer, amount) pairs at once. */
export async function openOfAmounts(tx: Tx, customerIds: string[], amounts: string[], currencies: string[]) {
  if (customerIds.length === 0) return [];
  const r = await sql<OpenReceivable>`select ${openCols}
    from (select distinct * from unnest(${customerIds}::uuid[], ${amounts}::numeric[], ${currencies}::text[]) as a(customer_id, amount, currency)) x
      join receivables r on r.customer_id = x.customer_id and r.amount_open = x.amount and r.currency = x.currency
      left join contracts ct on ct.id = r.contract_id
    where r.kind = 'invoice' and r.amount_open > 0`.execute(tx);
  return r.rows;
}

/** Instalments of these customers' signed contracts that no receivable has been booked for yet. */
export async function unbilledInstalments(tx: Tx, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  const r = await sql<Instalment>`select i.id, ct.number as "contractNumber", i.seq, ct.customer_id as "customerId", ct.currency, i.amount::text as amount
    from contracts ct join contract_instalments i on i.contract_id = ct.id
    where ct.customer_id = any(${customerIds}::uuid[]) and ct.status in ('signed', 'in_performance') and i.amount > 0
      and not exists (select 1 from receivables r where r.instalment_id = i.id)`.execute(tx);
  return r.rows;
}

/** Per (amount, currency) of the batch: up to two open invoices of exactly that amount (one = unique); one hash join. */
export async function receivablesOfAmounts(tx: Tx, amounts: string[], currencies: string[]) {
  if (amounts.length === 0) return [];
  const r = await sql<OpenReceivable & { k: string }>`
    select * from (
      select ${openCols}, x.k, row_number() over (partition by x.k order by r.due_date, r.id) as n
      from (select distinct a.amount, a.currency, a.amount::text || '|' || a.currency as k
          from unnest(${amounts}::numeric[], ${currencies}::text[]) as a(amount, currency)) x
        join receivables r on r.amount_open = x.amount and r.currency = x.currency
        left join contracts ct on ct.id = r.contract_id
      where r.kind = 'invoice' and r.amount_open > 0) y
    where y.n <= 2`.execute(tx);
  return r.rows;
}

/** The bare SQL join the benchmark compares against: every exact-amount candidate of every unclaimed line. */
export async function exactAmountCandidates(tx: Tx, lineIds: string[]) {
  const r = await sql<{ n: number }>`select count(*)::int as n from bank_statement_lines l
    join receivables r on r.amount_open = l.amount and r.currency = l.currency and r.kind = 'invoice' and r.amount_open > 0
    where l.id = any(${lineIds}::uuid[])`.execute(tx);
  return r.rows[0]!.n;
}

/** Is the customer's owner in the caller's scope — a rep claims for her own customers only (not the public pool's). */
export async function customerInScope(tx: Tx, customerId: string, userId: string, scope: string) {
  const visible = scope === 'all' ? sql`true` : sql`owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
  const r = await sql<{ id: string }>`select id from customers where id = ${customerId} and ${visible}`.execute(tx);
  return r.rows.length > 0;
}

/** What the matcher reads of these lines (those still 待认领 with their payment): one statement, few columns. */
export async function matchInputs(tx: Tx, lineIds: string[]) {
  if (lineIds.length === 0) return [];
  const r = await sql<{ id: string; amount: string; currency: string; payer_name: string | null; payer_account: string | null; text: string; on_date: string }>`
    select id, amount::text, currency, payer_name, payer_account, concat_ws(' ', remittance, customer_reference, bank_reference) as text,
      coalesce(value_on, booked_on) as on_date
    from bank_statement_lines where id = any(${lineIds}::uuid[]) and status = 'unclaimed' and payment_id is not null`.execute(tx);
  return r.rows;
}

/** Every line still waiting 待认领 with its payment, oldest first. */
export async function unclaimedLineIds(tx: Tx): Promise<string[]> {
  const r = await sql<{ id: string }>`select id from bank_statement_lines where status = 'unclaimed' and payment_id is not null order by booked_on, id`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** A payment registered by hand that a bank line may be (dedupe.ts): same amount and currency, received within ±5 days. */
export interface HandPayment {
  line_id: string; id: string; number: string; status: 'claimed' | 'confirmed'; customer_id: string; received_on: string; days: number;
  payer_known: boolean; ref_known: boolean;
}

/**
 * For a batch of lines, the payments registered by hand (claimed or confirmed, with a customer) of the same amount and
 * currency received within ±5 days of the line's value date, that no bank line is yet — with whether the payer is
 * known for the payment's customer (a learned account or name, the customer's own name, the payment's payer) and
 * whether the line's text names the payment (its number, its bank reference) or one of its customer's receivables.
 * What finance rejected for a line is not offered again. One statement for the batch (index payments_registered_amount, migration 025).
 */
export async function handPaymentsFor(tx: Tx, l: { ids: string[]; currencies: string[]; amounts: string[]; dates: string[]; accounts: (string | null)[]; names: (string | null)[]; texts: string[]; tokens: string[] }) {
  if (l.ids.length === 0) return [];
  const norm = (col: RawSql) => sql`upper(regexp_replace(normalize(${col}, NFKC), '[[:space:]()（）.,，。·_/''"&-]', '', 'g'))`;
  const r = await sql<HandPayment>`
    select x.line_id, p.id, p.number, p.status, p.customer_id, p.received_on, abs(p.received_on - x.on_date) as days,
      (exists (select 1 from bank_payer_aliases a where a.customer_id = p.customer_id
          and ((a.kind = 'account' and a.value = x.acc) or (a.kind = 'name' and a.value = x.nm)))
        or x.nm = ${norm(sql`c.name`)} or x.nm = ${norm(sql`p.payer_name`)} or x.acc = ${norm(sql`p.payer_account`)}) as payer_known,
      (position(upper(p.number) in x.txt) > 0 or (p.bank_reference is not null and position(upper(p.bank_reference) in x.txt) > 0)
        or exists (select 1 from receivables r where r.customer_id = p.customer_id and r.number = any(string_to_array(nullif(x.toks, ''), ' ')))) as ref_known
    from unnest(${l.ids}::uuid[], ${l.currencies}::text[], ${l.amounts}::numeric[], ${l.dates}::date[], ${l.accounts}::text[], ${l.names}::text[],
        ${l.texts}::text[], ${l.tokens}::text[]) as x(line_id, currency, amount, on_date, acc, nm, txt, toks)
      join payments p on p.amount = x.amount and p.currency = x.currency and p.status in ('claimed', 'confirmed')
        and p.received_on between x.on_date - 5 and x.on_date + 5 and p.customer_id is not null
      join customers c on c.id = p.customer_id
    where not exists (select 1 from bank_statement_lines bl where bl.payment_id = p.id)
      -- finance said this line is not a payment registered by hand — not the one proposed, nor the others the proposal
      -- named: none of the payments there then is proposed again (one registered later may be)
      and not exists (select 1 from bank_match_proposals m where m.line_id = x.line_id and m.rule = 'existing_payment' and m.status = 'rejected'
        and (m.payment_id = p.id or p.created_at <= m.decided_at))
    order by x.line_id, abs(p.received_on - x.on_date), p.created_at, p.id`.execute(tx);
  return r.rows;
}
