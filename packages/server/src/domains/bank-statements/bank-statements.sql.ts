// Bank statement queries only: imports, statements, lines, proposals, learned payer aliases and column mappings.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

// ---- imports ------------------------------------------------------------------------------------------------------

export async function findImportBySha(tx: Tx, sha256: string) {
  return tx.selectFrom('bank_statement_imports').select(['id', 'file_name', 'format']).where('sha256', '=', sha256).executeTakeFirst();
}

export async function insertImport(tx: Tx, i: { tenantId: string; fileName: string; sha256: string; format: 'mt940' | 'camt053' | 'csv' | 'xlsx'; mappingId: string | null; importedBy: string | null }) {
  const r = await tx.insertInto('bank_statement_imports').values({
    tenant_id: i.tenantId, file_name: i.fileName, sha256: i.sha256, format: i.format, mapping_id: i.mappingId, imported_by: i.importedBy,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function setImportCounts(tx: Tx, id: string, c: { statements: number; linesNew: number; linesKnown: number }) {
  await tx.updateTable('bank_statement_imports').set({ statements: c.statements, lines_new: c.linesNew, lines_known: c.linesKnown }).where('id', '=', id).execute();
}

// ---- statements ---------------------------------------------------------------------------------------------------

export interface StatementInsert {
  tenantId: string; importId: string; fingerprint: string; seq: number; account: string; currency: string; reference: string | null;
  number: string | null; openingDate: string | null; openingBalance: string; closingDate: string | null; closingBalance: string;
  credits: string; debits: string; lineCount: number; status: 'balanced' | 'unbalanced'; problem: string | null;
}

/** The new statement's id, or null when a statement with this fingerprint is already imported. */
export async function insertStatement(tx: Tx, s: StatementInsert): Promise<string | null> {
  const r = await tx.insertInto('bank_statements').values({
    tenant_id: s.tenantId, import_id: s.importId, fingerprint: s.fingerprint, seq: s.seq, account: s.account, currency: s.currency,
    reference: s.reference, statement_number: s.number, opening_date: s.openingDate, opening_balance: s.openingBalance,
    closing_date: s.closingDate, closing_balance: s.closingBalance, credits: s.credits, debits: s.debits, line_count: s.lineCount,
    status: s.status, problem: s.problem,
  }).onConflict((oc) => oc.columns(['tenant_id', 'fingerprint']).doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function statementIdByFingerprint(tx: Tx, fingerprint: string): Promise<string> {
  return (await tx.selectFrom('bank_statements').select('id').where('fingerprint', '=', fingerprint).executeTakeFirstOrThrow()).id;
}

const statementSelect = sql`s.id, s.import_id, i.file_name, i.format, s.seq, s.account, s.currency, s.reference, s.statement_number,
  s.opening_date, s.opening_balance::text, s.closing_date, s.closing_balance::text, s.credits::text, s.debits::text, s.line_count,
  s.status, s.problem, s.decided_by, du.name as decided_name, s.decided_at, s.decision_note, s.version, s.created_at,
  coalesce((select jsonb_object_agg(x.status, x.n) from (select l.status, count(*)::int as n from bank_statement_lines l
    where l.statement_id = s.id group by l.status) x), '{}'::jsonb) as line_counts`;
const statementFrom = sql`bank_statements s join bank_statement_imports i on i.id = s.import_id left join users du on du.id = s.decided_by`;

export interface StatementRow {
  id: string; import_id: string; file_name: string; format: string; seq: number; account: string; currency: string; reference: string | null;
  statement_number: string | null; opening_date: string | null; opening_balance: string; closing_date: string | null; closing_balance: string;
  credits: string; debits: string; line_count: number; status: 'balanced' | 'unbalanced' | 'accepted' | 'rejected'; problem: string | null;
  decided_by: string | null; decided_name: string | null; decided_at: string | null; decision_note: string | null; version: number;
  created_at: string; line_counts: Record<string, number>;
}

export async function statementsByIds(tx: Tx, ids: string[]): Promise<StatementRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<StatementRow>`select ${statementSelect} from ${statementFrom} where s.id = any(${ids}::uuid[]) order by s.created_at, s.seq`.execute(tx);
  return r.rows;
}

export async function listStatements(tx: Tx, status: string | undefined, after: [string, string] | null, limit: number): Promise<StatementRow[]> {
  const conds: RawBuilder<unknown>[] = [sql`true`];
  if (status) conds.push(sql`s.status = ${status}`);
  if (after) conds.push(sql`(s.created_at, s.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const r = await sql<StatementRow>`select ${statementSelect} from ${statementFrom} where ${sql.join(conds, sql` and `)}
    order by s.created_at desc, s.id desc limit ${limit + 1}`.execute(tx);
  return r.rows;
}

export async function lockStatement(tx: Tx, id: string) {
  return tx.selectFrom('bank_statements').select(['id', 'status', 'version', 'currency']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function decideStatement(tx: Tx, id: string, d: { status: 'accepted' | 'rejected'; userId: string; note: string }) {
  await tx.updateTable('bank_statements').set((eb) => ({
    status: d.status, decided_by: d.userId, decided_at: sql<string>`now()`, decision_note: d.note, version: eb('version', '+', 1),
  })).where('id', '=', id).execute();
}

// ---- lines --------------------------------------------------------------------------------------------------------

export interface LineInsert {
  tenant_id: string; statement_id: string; seq: number; fingerprint: string; booked_on: string; value_on: string | null;
  direction: 'credit' | 'debit'; currency: string; amount: string; payer_name: string | null; payer_account: string | null;
  remittance: string | null; bank_reference: string | null; customer_reference: string | null;
  status: 'held' | 'ignored' | 'unsupported' | 'unclaimed';
}

/** Insert the lines not imported before (by fingerprint); returns the new ones. */
export async function insertLines(tx: Tx, rows: LineInsert[]) {
  const out: Array<{ id: string; fingerprint: string }> = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    out.push(...await tx.insertInto('bank_statement_lines').values(chunk)
      .onConflict((oc) => oc.columns(['tenant_id', 'fingerprint']).doNothing()).returning(['id', 'fingerprint']).execute());
  }
  return out;
}

export async function linesOfStatement(tx: Tx, statementId: string, status: 'held') {
  return tx.selectFrom('bank_statement_lines').selectAll().where('statement_id', '=', statementId).where('status', '=', status).orderBy('seq').execute();
}

export async function setLineStatus(tx: Tx, ids: string[], status: 'unclaimed' | 'ignored' | 'unsupported' | 'rejected') {
  if (ids.length === 0) return;
  await tx.updateTable('bank_statement_lines').set((eb) => ({ status, version: eb('version', '+', 1) })).where('id', 'in', ids).execute();
}

export async function setLinePayment(tx: Tx, id: string, paymentId: string) {
  await tx.updateTable('bank_statement_lines').set({ payment_id: paymentId, status: 'unclaimed' }).where('id', '=', id).execute();
}

export async function setLineMatched(tx: Tx, id: string, m: { how: 'auto' | 'confirmed' | 'split' | 'claimed' | 'linked'; userId: string | null }) {
  await tx.updateTable('bank_statement_lines').set((eb) => ({
    status: 'matched', matched_how: m.how, matched_by: m.userId, matched_at: sql<string>`now()`, version: eb('version', '+', 1),
  })).where('id', '=', id).execute();
}

/** The line is the payment registered by hand: linked to it, matched (the unique index keeps a payment to one line). */
export async function setLineLinked(tx: Tx, id: string, paymentId: string, userId: string | null) {
  await tx.updateTable('bank_statement_lines').set((eb) => ({
    payment_id: paymentId, status: 'matched', matched_how: 'linked', matched_by: userId, matched_at: sql<string>`now()`, proposal: null,
    proposal_confidence: null, version: eb('version', '+', 1),
  })).where('id', '=', id).execute();
}

/** The line a payment is already the money of, if any. */
export async function lineOfPayment(tx: Tx, paymentId: string) {
  return tx.selectFrom('bank_statement_lines').select(['id']).where('payment_id', '=', paymentId).executeTakeFirst();
}

/** A line under its row lock: the first lock of every action on a line (before the customer, like an approval request). */
export async function lockLine(tx: Tx, id: string) {
  return tx.selectFrom('bank_statement_lines').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Who sees a line: finance and admins (scope all) every line; others the lines waiting to be claimed 待认领 — whose
 * customer nobody knows yet — and the lines booked to a customer whose owner is in their scope.
 */
export function lineScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`(l.status = 'unclaimed' or c.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope}))))`;
}
/** A proposal is shown only to who may see its customer (a rep does not learn another rep's customer from it). */
function proposalScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`pc.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
}

export interface LineRow {
  id: string; statement_id: string; account: string; seq: number; booked_on: string; value_on: string | null; direction: 'credit' | 'debit';
  currency: string; amount: string; payer_name: string | null; payer_account: string | null; remittance: string | null;
  bank_reference: string | null; customer_reference: string | null;
  status: 'held' | 'ignored' | 'unsupported' | 'unclaimed' | 'matched' | 'rejected';
  payment_id: string | null; payment_number: string | null; payment_status: string | null; customer_id: string | null; customer_name: string | null;
  matched_how: string | null; matched_by: string | null; matched_name: string | null; matched_at: string | null; version: number;
  proposal: null | { id: string; customer_id: string; customer_name: string; rule: string; confidence: number; reasons: Array<{ code: string; detail: string }>;
    allocations: Array<{ receivableId: string; number: string; amount: string }>; status: string; write_off_id: string | null;
    payment: { id: string; number: string; status: string } | null };
}

export interface LineFilter { status?: string | undefined; statementId?: string | undefined; proposal?: 'with' | 'without' | undefined; q?: string | undefined }

export async function listLines(tx: Tx, userId: string, scope: DataScope, f: LineFilter & { id?: string }, after: [string, number, string] | null, limit: number): Promise<LineRow[]> {
  const conds: RawBuilder<unknown>[] = [lineScope(userId, scope)];
  if (f.id) conds.push(sql`l.id = ${f.id}`);
  if (f.status) conds.push(sql`l.status = ${f.status}`);
  if (f.statementId) conds.push(sql`l.statement_id = ${f.statementId}`);
  if (f.proposal === 'with') conds.push(sql`l.proposal is not null`);
  if (f.proposal === 'without') conds.push(sql`l.proposal is null`);
  if (f.q) conds.push(sql`(l.payer_name ilike ${`%${f.q}%`} or l.remittance ilike ${`%${f.q}%`} or l.amount::text = ${f.q} or p.number = ${f.q})`);
  if (after) conds.push(sql`(l.booked_on, l.seq, l.id) < (${after[0]}::date, ${after[1]}::int, ${after[2]}::uuid)`);
  const r = await sql<LineRow>`select l.id, l.statement_id, s.account, l.seq, l.booked_on, l.value_on, l.direction, l.currency, l.amount::text,
      l.payer_name, l.payer_account, l.remittance, l.bank_reference, l.customer_reference, l.status, l.payment_id, p.number as payment_number,
      p.status as payment_status, p.customer_id, c.name as customer_name, l.matched_how, l.matched_by, mu.name as matched_name, l.matched_at, l.version,
      case when l.proposal is not null then
        (select jsonb_build_object('id', l.proposal->>'id', 'customer_id', pc.id, 'customer_name', pc.name, 'rule', l.proposal->>'rule',
            'confidence', (l.proposal->>'confidence')::int, 'reasons', l.proposal->'reasons', 'allocations', l.proposal->'allocations',
            'status', 'pending', 'write_off_id', null,
            'payment', (select jsonb_build_object('id', pp.id, 'number', pp.number, 'status', pp.status) from payments pp
              where pp.id = (l.proposal->>'paymentId')::uuid))
          from customers pc where pc.id = (l.proposal->>'customerId')::uuid and ${proposalScope(userId, scope)})
      else
        (select jsonb_build_object('id', m.id, 'customer_id', m.customer_id, 'customer_name', pc.name, 'rule', m.rule, 'confidence', m.confidence,
            'reasons', m.reasons, 'allocations', m.allocations, 'status', m.status, 'write_off_id', m.write_off_id,
            'payment', (select jsonb_build_object('id', pp.id, 'number', pp.number, 'status', pp.status) from payments pp where pp.id = m.payment_id))
          from bank_match_proposals m join customers pc on pc.id = m.customer_id
          where m.line_id = l.id and m.status = 'applied' and ${proposalScope(userId, scope)} limit 1)
      end as proposal
    from bank_statement_lines l join bank_statements s on s.id = l.statement_id
      left join payments p on p.id = l.payment_id left join customers c on c.id = p.customer_id left join users mu on mu.id = l.matched_by
    where ${sql.join(conds, sql` and `)}
    order by l.booked_on desc, l.seq desc, l.id desc limit ${limit + 1}`.execute(tx);
  return r.rows;
}

// ---- proposals ----------------------------------------------------------------------------------------------------

/** A line's pending proposal, as the line carries it. */
export interface PendingProposal {
  id: string; customerId: string; rule: string; confidence: number; reasons: Array<{ code: string; detail: string }>;
  allocations: Array<{ receivableId: string; number: string; amount: string }>;
  /** existing_payment: the payment registered by hand this line would be. */
  paymentId?: string | undefined;
}

/**
 * Set the pending proposal of each of these lines (none for a line the batch has no proposal for) in one statement:
 * an import of a month's statement proposes for thousands of lines at once. A changed proposal bumps the line's
 * version, so a person confirms the proposal she saw.
 */
export async function setProposals(tx: Tx, lineIds: string[], rows: Array<{ lineId: string; proposal: PendingProposal }>) {
  if (lineIds.length === 0) return;
  const proposed = rows.map((r) => r.lineId);
  // lines of the batch left without a proposal lose the one they had (none, on a first import)
  await sql`update bank_statement_lines set proposal = null, proposal_confidence = null, version = version + 1
    where id = any(${lineIds}::uuid[]) and not (id = any(${proposed}::uuid[])) and proposal is not null and status = 'unclaimed'`.execute(tx);
  if (rows.length === 0) return;
  // driven by the proposals, each line found by its key (a join against an unnested id list would be planned blind)
  await sql`update bank_statement_lines l set proposal = p.proposal, proposal_confidence = (p.proposal->>'confidence')::int, version = l.version + 1
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ line_id: r.lineId, proposal: r.proposal })))}::jsonb) as p(line_id uuid, proposal jsonb)
    where l.id = p.line_id and l.status = 'unclaimed'`.execute(tx);
}

export async function pendingProposal(tx: Tx, lineId: string): Promise<PendingProposal | null> {
  const r = await tx.selectFrom('bank_statement_lines').select('proposal').where('id', '=', lineId).executeTakeFirst();
  return (r?.proposal as PendingProposal | null | undefined) ?? null;
}

/** Log a proposal's decision and take it off its line. */
export async function decideProposal(tx: Tx, tenantId: string, lineId: string, p: PendingProposal, d: { status: 'applied' | 'rejected'; userId: string | null; writeOffId: string | null }) {
  await tx.insertInto('bank_match_proposals').values({
    tenant_id: tenantId, id: p.id, line_id: lineId, customer_id: p.customerId, rule: p.rule as 'reference', confidence: p.confidence,
    reasons: JSON.stringify(p.reasons), allocations: JSON.stringify(p.allocations), status: d.status, write_off_id: d.writeOffId, payment_id: p.paymentId ?? null,
    decided_by: d.userId, decided_at: sql<string>`now()`,
  }).execute();
  await tx.updateTable('bank_statement_lines').set({ proposal: null, proposal_confidence: null }).where('id', '=', lineId).execute();
}

/** Lines still 待认领 whose proposal is at or above a confidence (for the automatic pass after an import). */
export async function confidentLines(tx: Tx, min: number, lineIds: string[] | null) {
  const r = await sql<{ id: string }>`select id from bank_statement_lines
    where status = 'unclaimed' and proposal is not null and proposal_confidence >= ${min} and (${lineIds === null} or id = any(${lineIds ?? []}::uuid[]))
    order by booked_on, id`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** Of these lines, how many wait with a proposal and how many without. */
export async function waitingCounts(tx: Tx, lineIds: string[]) {
  const r = await sql<{ proposed: number; unmatched: number }>`select count(*) filter (where proposal is not null)::int as proposed,
      count(*) filter (where proposal is null)::int as unmatched
    from bank_statement_lines where id = any(${lineIds}::uuid[]) and status = 'unclaimed'`.execute(tx);
  return r.rows[0]!;
}

// ---- learned payers -----------------------------------------------------------------------------------------------

export async function learnAlias(tx: Tx, a: { tenantId: string; customerId: string; kind: 'name' | 'account'; value: string; lineId: string; userId: string }) {
  await tx.insertInto('bank_payer_aliases').values({
    tenant_id: a.tenantId, customer_id: a.customerId, kind: a.kind, value: a.value, learned_from: a.lineId, created_by: a.userId,
  }).onConflict((oc) => oc.columns(['tenant_id', 'kind', 'value']).doNothing()).execute();
}

// ---- column mappings ----------------------------------------------------------------------------------------------

export async function listMappings(tx: Tx) {
  return tx.selectFrom('bank_column_mappings').select(['id', 'bank', 'mapping', 'version', 'updated_at']).orderBy('bank').execute();
}

export async function findMapping(tx: Tx, id: string) {
  return tx.selectFrom('bank_column_mappings').select(['id', 'bank', 'mapping', 'version', 'updated_at']).where('id', '=', id).executeTakeFirst();
}

/** Save a bank's mapping: a new bank is inserted, a known one replaced (its version goes up). */
export async function upsertMapping(tx: Tx, m: { tenantId: string; bank: string; mapping: unknown; userId: string }) {
  return tx.insertInto('bank_column_mappings').values({ tenant_id: m.tenantId, bank: m.bank, mapping: JSON.stringify(m.mapping), created_by: m.userId })
    .onConflict((oc) => oc.columns(['tenant_id', 'bank']).doUpdateSet((eb) => ({
      mapping: eb.ref('excluded.mapping'), version: sql<number>`bank_column_mappings.version + 1`, updated_at: sql<string>`now()`,
    })))
    .returning(['id', 'bank', 'mapping', 'version', 'updated_at']).executeTakeFirstOrThrow();
}

export async function statementsOfImport(tx: Tx, importId: string) {
  return tx.selectFrom('bank_statements').select('id').where('import_id', '=', importId).orderBy('seq').execute();
}

/** Lines by id, for the flow that books them (payments 待认领) and matches them. */
export async function linesByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  // = any(array): one parameter, not one per id (an import's batch is thousands of lines)
  return tx.selectFrom('bank_statement_lines').selectAll().where(sql<boolean>`id = any(${ids}::uuid[])`).orderBy('booked_on').orderBy('seq').execute();
}
