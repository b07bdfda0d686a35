// Importing a statement file: read it (MT940, camt.053, CSV/Excel through a column mapping), check every statement —
// opening + credits − debits = closing, one currency — and store statements and lines once. The file is known by its
// sha256, a statement by its fingerprint, a line by its own: re-importing a file, or a later statement that overlaps
// an earlier one, books nothing twice (the unique keys in SQL are the last word, not this code).
// A statement that does not reconcile keeps its lines held: nothing of it is booked until a person decides.
import crypto from 'node:crypto';
import type { z } from 'zod';
import { dec, isCurrency, scaleOf, type BankColumnMapping, type BankStatementImport } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { bankError } from './bank-statements.errors.js';
import { parseMt940 } from './parsers/mt940.js';
import { parseCamt053 } from './parsers/camt053.js';
import { readCsv, readXlsx, tabularStatement } from './parsers/tabular.js';
import { StatementParseError, type ParsedLine, type ParsedStatement } from './parsers/types.js';
import * as q from './bank-statements.sql.js';

type Format = 'mt940' | 'camt053' | 'csv' | 'xlsx';
const sha = (s: string | Buffer) => crypto.createHash('sha256').update(s).digest('hex');

/** The format from the content: XML with BkToCstmrStmt, MT940 fields, a zip (xlsx), else CSV. */
export function detectFormat(content: Buffer, fileName: string): Format {
  if (content[0] === 0x50 && content[1] === 0x4b) return 'xlsx';
  const head = content.subarray(0, 4096).toString('utf8');
  if (/<\?xml|<Document/.test(head) && /camt\.05|BkToCstmrStmt/.test(content.toString('utf8'))) return 'camt053';
  if (/^\s*[\x01]?\s*(\{1:|:20:|[A-Z0-9]{6,11}\s*\n940)/m.test(head) || /:60[FM]:/.test(head)) return 'mt940';
  if (/\.(sta|mt940|940)$/i.test(fileName)) return 'mt940';
  return 'csv';
}

export async function parseFile(content: Buffer, format: Format, mapping: BankColumnMapping | null, balances: { opening: string | null; closing: string | null }): Promise<ParsedStatement[]> {
  try {
    if (format === 'mt940') return parseMt940(content.toString('utf8'));
    if (format === 'camt053') return parseCamt053(content.toString('utf8'));
    if (!mapping) throw bankError('mapping_required', undefined, { errors: [{ path: 'mappingId', message: 'choose a saved column mapping or give one' }] });
    const rows = format === 'xlsx' ? await readXlsx(content) : readCsv(content, mapping);
    return [tabularStatement(rows, mapping, balances)];
  } catch (err) {
    if (err instanceof StatementParseError) throw bankError('bad_file', `${format}: ${err.message}`, { errors: [{ path: 'contentBase64', message: err.message }] });
    throw err;
  }
}

const fmt = (v: string) => dec(v).toFixed();

/** Why a statement does not reconcile, or null when opening + credits − debits = closing in one currency. */
export function checkStatement(s: ParsedStatement): { credits: string; debits: string; problem: string | null } {
  const credits = s.lines.filter((l) => l.direction === 'credit').reduce((a, l) => a.plus(dec(l.amount)), dec(0));
  const debits = s.lines.filter((l) => l.direction === 'debit').reduce((a, l) => a.plus(dec(l.amount)), dec(0));
  const out = { credits: credits.toFixed(), debits: debits.toFixed() };
  if (!s.opening || !s.closing) return { ...out, problem: 'the file states no opening or closing balance, so the lines cannot be checked against it' };
  const currencies = new Set([s.currency, s.opening.currency, s.closing.currency, ...s.lines.map((l) => l.currency)]);
  if (currencies.size > 1) {
    return { ...out, problem: `more than one currency in one statement (${[...currencies].join(', ')}): opening in ${s.opening.currency}, closing in ${s.closing.currency}, account in ${s.currency}` };
  }
  const expected = dec(s.opening.amount).plus(credits).minus(debits);
  if (!expected.eq(dec(s.closing.amount))) {
    return { ...out, problem: `opening ${fmt(s.opening.amount)} + credits ${credits.toFixed()} − debits ${debits.toFixed()} = ${expected.toFixed()}, but the bank states a closing balance of ${fmt(s.closing.amount)} (difference ${dec(s.closing.amount).minus(expected).toFixed()})` };
  }
  return { ...out, problem: null };
}

/** A line's identity across files: what the bank says about it, and which of several identical lines it is. */
function lineKeys(s: ParsedStatement): string[] {
  const seen = new Map<string, number>();
  return s.lines.map((l: ParsedLine) => {
    const base = [s.account, l.currency, l.bookedOn, l.valueOn ?? '', l.direction, dec(l.amount).toFixed(), l.bankReference ?? '', l.customerReference ?? '',
      l.payerAccount ?? '', (l.remittance ?? '').replace(/\s+/g, ' ')].join('|');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return sha(`${base}|${n}`);
  });
}

/** Can L2C book this line as a payment: a currency it knows, no more decimals than the currency has. */
export function bookable(l: { currency: string; amount: string }): boolean {
  return isCurrency(l.currency) && dec(l.amount).decimalPlaces() <= scaleOf(l.currency);
}

export interface ImportOutcome {
  importId: string; alreadyImported: boolean; statementIds: string[]; linesNew: number; linesKnown: number;
  /** New credit lines of reconciled statements, to become payments 待认领. */
  toBook: string[];
}

export async function importFileTx(tx: Tx, auth: AuthContext, input: z.infer<typeof BankStatementImport>, mapping: { id: string | null; mapping: BankColumnMapping | null }): Promise<ImportOutcome> {
  const b64 = input.contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) throw bankError('bad_file', 'contentBase64: not valid base64', { errors: [{ path: 'contentBase64', message: 'not valid base64' }] });
  const content = Buffer.from(b64, 'base64');
  if (content.length === 0) throw bankError('bad_file', 'the file is empty', { errors: [{ path: 'contentBase64', message: 'empty file' }] });
  const digest = sha(content);
  const known = await q.findImportBySha(tx, digest);
  if (known) {
    const ids = (await q.statementsOfImport(tx, known.id)).map((s) => s.id);
    return { importId: known.id, alreadyImported: true, statementIds: ids, linesNew: 0, linesKnown: 0, toBook: [] };
  }
  const format = input.format === 'auto' ? detectFormat(content, input.fileName) : input.format;
  const statements = await parseFile(content, format, mapping.mapping, { opening: input.openingBalance ?? null, closing: input.closingBalance ?? null });
  const importId = await q.insertImport(tx, { tenantId: auth.tenantId, fileName: input.fileName, sha256: digest, format, mappingId: mapping.id, importedBy: auth.userId });
  const statementIds: string[] = [];
  const toBook: string[] = [];
  let linesNew = 0;
  let linesKnown = 0;
  for (const [i, s] of statements.entries()) {
    const check = checkStatement(s);
    const keys = lineKeys(s);
    const fingerprint = sha([s.account, s.currency, s.reference ?? '', s.number ?? '', s.opening?.date ?? '', s.opening?.amount ?? '', s.closing?.date ?? '',
      s.closing?.amount ?? '', ...keys].join('|'));
    const id = await q.insertStatement(tx, {
      tenantId: auth.tenantId, importId, fingerprint, seq: i + 1, account: s.account, currency: s.currency, reference: s.reference, number: s.number,
      openingDate: s.opening?.date ?? null, openingBalance: s.opening?.amount ?? '0', closingDate: s.closing?.date ?? null,
      closingBalance: s.closing?.amount ?? '0', credits: check.credits, debits: check.debits, lineCount: s.lines.length,
      status: check.problem ? 'unbalanced' : 'balanced', problem: check.problem,
    });
    if (!id) { // the same statement came in another file before: it and its lines are known
      statementIds.push(await q.statementIdByFingerprint(tx, fingerprint));
      linesKnown += s.lines.length;
      continue;
    }
    statementIds.push(id);
    const rows: q.LineInsert[] = s.lines.map((l, n) => ({
      tenant_id: auth.tenantId, statement_id: id, seq: n + 1, fingerprint: keys[n]!, booked_on: l.bookedOn, value_on: l.valueOn, direction: l.direction,
      currency: l.currency, amount: l.amount, payer_name: l.payerName, payer_account: l.payerAccount, remittance: l.remittance,
      bank_reference: l.bankReference, customer_reference: l.customerReference,
      status: check.problem ? 'held' : l.direction === 'debit' ? 'ignored' : bookable(l) ? 'unclaimed' : 'unsupported',
    }));
    const inserted = await q.insertLines(tx, rows);
    linesNew += inserted.length;
    linesKnown += rows.length - inserted.length;
    const fresh = new Set(inserted.map((r) => r.fingerprint));
    const ids = new Map(inserted.map((r) => [r.fingerprint, r.id]));
    for (const r of rows) if (fresh.has(r.fingerprint) && r.status === 'unclaimed') toBook.push(ids.get(r.fingerprint)!);
    await recordAudit(tx, auth, { action: 'import', entityType: 'bank_statement', entityId: id, after: {
      file: input.fileName, account: s.account, currency: s.currency, opening: s.opening?.amount ?? null, closing: s.closing?.amount ?? null,
      credits: check.credits, debits: check.debits, lines: s.lines.length, status: check.problem ? 'unbalanced' : 'balanced', problem: check.problem } });
  }
  await q.setImportCounts(tx, importId, { statements: statements.length, linesNew, linesKnown });
  return { importId, alreadyImported: false, statementIds, linesNew, linesKnown, toBook };
}

/**
 * A person's decision on a statement that does not reconcile: accepted, its lines are booked as if it had (credits
 * become payments 待认领); rejected, they are kept for the record and booked nowhere. Returns the lines to book.
 */
export async function decideStatementTx(tx: Tx, auth: AuthContext, id: string, d: { decision: 'accept' | 'reject'; note: string; version: number }): Promise<string[]> {
  const s = await q.lockStatement(tx, id);
  if (!s) throw bankError('not_found');
  if (s.version !== d.version) throw bankError('not_unbalanced', 'Someone else changed this statement; reload it', { errors: [{ path: 'version', message: 'stale' }] });
  if (s.status !== 'unbalanced') throw bankError('not_unbalanced');
  const held = await q.linesOfStatement(tx, id, 'held');
  const status = d.decision === 'accept' ? 'accepted' : 'rejected';
  await q.decideStatement(tx, id, { status, userId: auth.userId, note: d.note });
  const toBook: string[] = [];
  if (d.decision === 'accept') {
    await q.setLineStatus(tx, held.filter((l) => l.direction === 'debit').map((l) => l.id), 'ignored');
    await q.setLineStatus(tx, held.filter((l) => l.direction === 'credit' && !bookable(l)).map((l) => l.id), 'unsupported');
    const credit = held.filter((l) => l.direction === 'credit' && bookable(l)).map((l) => l.id);
    await q.setLineStatus(tx, credit, 'unclaimed');
    toBook.push(...credit);
  } else {
    await q.setLineStatus(tx, held.map((l) => l.id), 'rejected');
  }
  await recordAudit(tx, auth, { action: d.decision, entityType: 'bank_statement', entityId: id,
    changes: [{ field: 'status', before: 'unbalanced', after: status }, { field: 'decisionNote', before: null, after: d.note }] });
  return toBook;
}
