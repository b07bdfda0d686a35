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

export async function setLineMatched(tx: Tx, id: string, m: { how: 'auto' | 'confirmed' | 'split' | 'claimed'; userId: string | null }) {
  await tx.updateTable('bank_statement_lines').set((eb) => ({
    status: 'matched', matched_how: m.how, matched_by: m.userId, matched_at: sql<string>`now()`, version: eb('version', '+', 1),
  })).where('id', '=', id).execute();
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
    allocations: Array<{ receivableId: string; number: string; amount: string }>; status: string; write_off_id: string | null };
}

export interface LineFilter { status?: string | undefined; statementId?: string | undefined; proposal?: 'with' | 'without' | undefined; q?: string | undefined }

export async function listLines(tx: Tx, userId: string, scope: DataScope, f: LineFilter & { id?: string }, after: [string, number, string] | null, limit: number): Promise<LineRow[]> {
  const conds: RawBuilder<unknown>[] = [lineScope(userId, scope)];
  if (f.id) conds.push(sql`l.id = ${f.id}`);
  if (f.status) conds.push(sql`l.status = ${f.status}`);
  if (f.statementId) conds.push(sql`l.statement_id = ${f.statementId}`);
  if (f.proposal === 'with') conds.push(sql`exists (select 1 from bank_match_proposals x where x.line_id = l.id and x.status = 'pending')`);
  if (f.proposal === 'without') conds.push(sql`not exists (select 1 from bank_match_proposals x where x.line_id = l.id and x.status = 'pending')`);
  if (f.q) conds.push(sql`(l.payer_name ilike ${`%${f.q}%`} or l.remittance ilike ${`%${f.q}%`} or l.amount::text = ${f.q} or p.number = ${f.q})`);
  if (after) conds.push(sql`(l.booked_on, l.seq, l.id) < (${after[0]}::date, ${after[1]}::int, ${after[2]}::uuid)`);
  const r = await sql<LineRow>`select l.id, l.statement_id, s.account, l.seq, l.booked_on, l.value_on, l.direction, l.currency, l.amount::text,
      l.payer_name, l.payer_account, l.remittance, l.bank_reference, l.customer_reference, l.status, l.payment_id, p.number as payment_number,
      p.status as payment_status, p.customer_id, c.name as customer_name, l.matched_how, l.matched_by, mu.name as matched_name, l.matched_at, l.version,
      (select jsonb_build_object('id', m.id, 'customer_id', m.customer_id, 'customer_name', pc.name, 'rule', m.rule, 'confidence', m.confidence,
          'reasons', m.reasons, 'allocations', m.allocations, 'status', m.status, 'write_off_id', m.write_off_id)
        from bank_match_proposals m join customers pc on pc.id = m.customer_id
        where m.line_id = l.id and m.status in ('pending', 'applied') and ${proposalScope(userId, scope)}
        order by (m.status = 'pending') desc, m.created_at desc limit 1) as proposal
    from bank_statement_lines l join bank_statements s on s.id = l.statement_id
      left join payments p on p.id = l.payment_id left join customers c on c.id = p.customer_id left join users mu on mu.id = l.matched_by
    where ${sql.join(conds, sql` and `)}
    order by l.booked_on desc, l.seq desc, l.id desc limit ${limit + 1}`.execute(tx);
  return r.rows;
}

// ---- proposals ----------------------------------------------------------------------------------------------------

export interface ProposalInsert {
  tenant_id: string; line_id: string; customer_id: string; rule: string; confidence: number;
  reasons: string; allocations: string; status: 'pending';
}

/** Replace the pending proposals of these lines by new ones (older ones become superseded, kept for the record). */
export async function replaceProposals(tx: Tx, lineIds: string[], rows: ProposalInsert[]) {
  if (lineIds.length > 0) {
    await sql`update bank_match_proposals set status = 'superseded' where line_id = any(${lineIds}::uuid[]) and status = 'pending'`.execute(tx);
  }
  const out: Array<{ id: string; line_id: string; confidence: number }> = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    out.push(...await tx.insertInto('bank_match_proposals').values(chunk.map((r) => ({ ...r, rule: r.rule as 'reference' })))
      .returning(['id', 'line_id', 'confidence']).execute());
  }
  return out;
}

export async function pendingProposal(tx: Tx, lineId: string) {
  return tx.selectFrom('bank_match_proposals').selectAll().where('line_id', '=', lineId).where('status', '=', 'pending').executeTakeFirst();
}

export async function closeProposal(tx: Tx, id: string, d: { status: 'applied' | 'rejected'; userId: string | null; writeOffId: string | null }) {
  await tx.updateTable('bank_match_proposals').set({ status: d.status, decided_by: d.userId, decided_at: sql<string>`now()`, write_off_id: d.writeOffId })
    .where('id', '=', id).execute();
}

/** Pending proposals at or above a confidence, with their line (for the automatic pass after an import). */
export async function confidentProposals(tx: Tx, min: number, lineIds: string[] | null) {
  let q = tx.selectFrom('bank_match_proposals').select(['id', 'line_id', 'customer_id']).where('status', '=', 'pending').where('confidence', '>=', min);
  if (lineIds) q = q.where('line_id', 'in', lineIds.length ? lineIds : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('line_id').execute();
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
  return tx.selectFrom('bank_statement_lines').selectAll().where('id', 'in', ids).orderBy('booked_on').orderBy('seq').execute();
}
