// Reading statements and lines, saving column mappings, and the line's state changes the reconciliation flow asks for
// (flows/bank-reconciliation owns none of these tables: it calls these functions in its transaction).
import crypto from 'node:crypto';
import type { z } from 'zod';
import { dec, isCurrency, scaleOf, type BankColumnMapping, type BankColumnMappingInput, type BankLineListQuery, type BankStatementListQuery } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import type { Actor } from '../../platform/db.js';
import { recordAudit } from '../../platform/audit.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { bankError } from './bank-statements.errors.js';
import * as q from './bank-statements.sql.js';

/** An amount as the bank's currency writes it (CNY 2 decimals, JPY none); a currency L2C does not know, as stored. */
const show = (v: string, currency: string) => (isCurrency(currency) ? dec(v).toFixed(scaleOf(currency)) : dec(v).toFixed());

export function toStatement(r: q.StatementRow) {
  const m = (v: string) => show(v, r.currency);
  return {
    id: r.id, importId: r.import_id, fileName: r.file_name, format: r.format, seq: r.seq, account: r.account, currency: r.currency,
    reference: r.reference, number: r.statement_number, openingDate: r.opening_date, openingBalance: m(r.opening_balance),
    closingDate: r.closing_date, closingBalance: m(r.closing_balance), credits: m(r.credits), debits: m(r.debits),
    lineCount: r.line_count, expectedClosing: m(dec(r.opening_balance).plus(dec(r.credits)).minus(dec(r.debits)).toFixed()),
    status: r.status, problem: r.problem, decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_name ?? '' } : null,
    decidedAt: r.decided_at, decisionNote: r.decision_note, lines: r.line_counts, version: r.version, createdAt: new Date(r.created_at).toISOString(),
  };
}

export function toLine(r: q.LineRow) {
  const p = r.proposal;
  return {
    id: r.id, statementId: r.statement_id, account: r.account, seq: r.seq, bookedOn: r.booked_on, valueOn: r.value_on, direction: r.direction,
    currency: r.currency, amount: show(r.amount, r.currency), payerName: r.payer_name, payerAccount: r.payer_account, remittance: r.remittance,
    bankReference: r.bank_reference, customerReference: r.customer_reference, status: r.status,
    payment: r.payment_id ? { id: r.payment_id, number: r.payment_number!, status: r.payment_status!, customer: r.customer_id ? { id: r.customer_id, name: r.customer_name ?? '' } : null } : null,
    proposal: p ? { id: p.id, customer: { id: p.customer_id, name: p.customer_name }, rule: p.rule as 'reference', confidence: p.confidence, reasons: p.reasons,
      allocations: p.allocations, status: p.status, payment: p.payment ?? null } : null,
    matchedHow: r.matched_how, matchedBy: r.matched_by ? { id: r.matched_by, name: r.matched_name ?? '' } : null, matchedAt: r.matched_at,
    writeOffId: p?.write_off_id ?? null, version: r.version,
  };
}

export async function statementViews(tx: Tx, ids: string[]) {
  return (await q.statementsByIds(tx, ids)).map(toStatement);
}

export async function listStatements(db: Db, auth: AuthContext, query: z.infer<typeof BankStatementListQuery>) {
  const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
  const rows = await inTenant(db, auth, (tx) => q.listStatements(tx, query.status, after, query.limit));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toStatement), nextCursor: rows.length > query.limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null };
}

export async function getStatement(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const [s] = await statementViews(tx, [id]);
    if (!s) throw bankError('not_found');
    return s;
  });
}

export async function listLines(db: Db, auth: AuthContext, query: z.infer<typeof BankLineListQuery>) {
  const after = decodeCursor(query.cursor, ['date', 'int', 'uuid']) as [string, number, string] | null;
  const rows = await inTenant(db, auth, (tx) => q.listLines(tx, auth.userId, auth.scope, query, after, query.limit));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toLine), nextCursor: rows.length > query.limit && last ? encodeCursor([last.booked_on, last.seq, last.id]) : null };
}

/** One line as the caller may see it (404 outside the caller's scope). */
export async function lineView(tx: Tx, auth: AuthContext, id: string) {
  const [row] = await q.listLines(tx, auth.userId, auth.scope, { id }, null, 1);
  if (!row) throw bankError('line_not_found');
  return toLine(row);
}

// ---- column mappings ----------------------------------------------------------------------------------------------

const toMapping = (r: Awaited<ReturnType<typeof q.findMapping>> & object) => {
  const m = r.mapping as BankColumnMapping;
  return {
    id: r.id, bank: r.bank, account: m.account ?? null, currency: m.currency, headerRow: m.headerRow, delimiter: m.delimiter, encoding: m.encoding,
    dateFormat: m.dateFormat, decimalComma: m.decimalComma, columns: Object.fromEntries(Object.entries(m.columns).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
    version: r.version, updatedAt: new Date(r.updated_at).toISOString(),
  };
};

export async function listMappings(db: Db, auth: AuthContext) {
  return { items: (await inTenant(db, auth, (tx) => q.listMappings(tx))).map(toMapping) };
}

export async function saveMappingTx(tx: Tx, auth: AuthContext, m: z.output<typeof BankColumnMappingInput>) {
  const row = await q.upsertMapping(tx, { tenantId: auth.tenantId, bank: m.bank, mapping: m, userId: auth.userId });
  await recordAudit(tx, auth, { action: row.version === 1 ? 'create' : 'update', entityType: 'bank_column_mapping', entityId: row.id, after: m });
  return toMapping(row);
}

export async function saveMapping(db: Db, auth: AuthContext, m: z.output<typeof BankColumnMappingInput>) {
  return inTenant(db, auth, (tx) => saveMappingTx(tx, auth, m));
}

export async function findMappingTx(tx: Tx, id: string): Promise<BankColumnMapping> {
  const r = await q.findMapping(tx, id);
  if (!r) throw bankError('mapping_not_found', undefined, { errors: [{ path: 'mappingId', message: 'no such saved mapping' }] });
  return r.mapping as BankColumnMapping;
}

// ---- what the reconciliation flow changes on a line ---------------------------------------------------------------

export type StoredLine = NonNullable<Awaited<ReturnType<typeof q.lockLine>>>;

/** The line under its row lock, or 404. The flow's first lock: line → customer → receivables → payment (ADR 0004). */
export async function lockLineTx(tx: Tx, id: string): Promise<StoredLine> {
  const l = await q.lockLine(tx, id);
  if (!l) throw bankError('line_not_found');
  return l;
}

export const linesByIds = (tx: Tx, ids: string[]) => q.linesByIds(tx, ids);
export const attachPayment = (tx: Tx, lineId: string, paymentId: string) => q.setLinePayment(tx, lineId, paymentId);
export const pendingProposal = (tx: Tx, lineId: string) => q.pendingProposal(tx, lineId);
export const confidentLines = (tx: Tx, min: number, lineIds: string[] | null) => q.confidentLines(tx, min, lineIds);
export const waitingCounts = (tx: Tx, lineIds: string[]) => q.waitingCounts(tx, lineIds);
export type PendingProposal = q.PendingProposal;

/** The matcher's proposals for a batch of lines; a line of the batch without one has its old proposal taken off. */
export async function setProposals(tx: Tx, lineIds: string[], proposals: Array<Omit<PendingProposal, 'id'> & { lineId: string }>) {
  await q.setProposals(tx, lineIds, proposals.map(({ lineId, ...p }) => ({ lineId, proposal: { id: crypto.randomUUID(), ...p } })));
}

export async function markMatched(tx: Tx, actor: Actor, line: StoredLine, m: { how: 'auto' | 'confirmed' | 'split' | 'claimed'; proposal: PendingProposal | null; writeOffId: string | null; customerId: string }) {
  await q.setLineMatched(tx, line.id, { how: m.how, userId: actor.userId });
  if (m.proposal) await q.decideProposal(tx, actor.tenantId, line.id, m.proposal, { status: 'applied', userId: actor.userId, writeOffId: m.writeOffId });
  await recordAudit(tx, actor, { action: m.how === 'claimed' ? 'claim' : 'match', entityType: 'bank_statement_line', entityId: line.id, changes: [
    { field: 'status', before: line.status, after: 'matched' }, { field: 'customerId', before: null, after: m.customerId },
    { field: 'matchedHow', before: null, after: m.how }, { field: 'writeOffId', before: null, after: m.writeOffId }] });
}

/**
 * The line is a payment registered by hand (found at import, or a proposal finance confirmed): linked to it and
 * matched — no payment 待认领 of its own. A payment another line already is is refused (the unique index agrees).
 */
export async function linkPaymentTx(tx: Tx, actor: Actor, line: StoredLine, payment: { id: string; number: string; customerId: string }, proposal: PendingProposal | null) {
  const other = await q.lineOfPayment(tx, payment.id);
  if (other && other.id !== line.id) throw bankError('line_not_open', `Payment ${payment.number} is already another bank line's money`, { errors: [{ path: 'paymentId', message: 'already linked to a bank line' }] });
  await q.setLineLinked(tx, line.id, payment.id, actor.userId);
  if (proposal) await q.decideProposal(tx, actor.tenantId, line.id, proposal, { status: 'applied', userId: actor.userId, writeOffId: null });
  await recordAudit(tx, actor, { action: 'link', entityType: 'bank_statement_line', entityId: line.id, changes: [
    { field: 'status', before: line.status, after: 'matched' }, { field: 'paymentId', before: line.payment_id, after: payment.id },
    { field: 'customerId', before: null, after: payment.customerId }, { field: 'matchedHow', before: null, after: 'linked' }] });
}

export async function rejectProposalTx(tx: Tx, actor: Actor & { userId: string }, line: StoredLine, proposal: PendingProposal, reason: string) {
  await q.decideProposal(tx, actor.tenantId, line.id, proposal, { status: 'rejected', userId: actor.userId, writeOffId: null });
  await recordAudit(tx, actor, { action: 'reject_proposal', entityType: 'bank_statement_line', entityId: line.id,
    after: { proposalId: proposal.id, customerId: proposal.customerId, rule: proposal.rule, confidence: proposal.confidence, reason } });
}

export async function rejectLineTx(tx: Tx, actor: Actor & { userId: string }, line: StoredLine, proposal: PendingProposal | null, reason: string) {
  if (proposal) await q.decideProposal(tx, actor.tenantId, line.id, proposal, { status: 'rejected', userId: actor.userId, writeOffId: null });
  await q.setLineStatus(tx, [line.id], 'rejected');
  await recordAudit(tx, actor, { action: 'reject', entityType: 'bank_statement_line', entityId: line.id, changes: [
    { field: 'status', before: line.status, after: 'rejected' }, { field: 'reason', before: null, after: reason }] });
}

/** Normalised payer name or account: upper case, without spaces, punctuation or full-width brackets. */
export function normalisePayer(v: string): string {
  return v.normalize('NFKC').toUpperCase().replace(/[\s()（）.,，。·\-_/'"&]/g, '');
}

/** Remember who paid: the next line from this name or account finds the customer by itself. */
export async function learnPayer(tx: Tx, actor: AuthContext, line: StoredLine, customerId: string) {
  if (line.payer_account) await q.learnAlias(tx, { tenantId: actor.tenantId, customerId, kind: 'account', value: normalisePayer(line.payer_account), lineId: line.id, userId: actor.userId });
  if (line.payer_name) await q.learnAlias(tx, { tenantId: actor.tenantId, customerId, kind: 'name', value: normalisePayer(line.payer_name), lineId: line.id, userId: actor.userId });
}
