// Lead import 导入 of up to 100,000 rows as a job the web app polls: the file is read and checked at upload, then
// written in batches of IMPORT_BATCH rows, each batch one transaction (so the progress a poll reads is committed
// work, and a crash keeps the batches done). Every row is normalised like any capture; a batch is checked for
// duplicates against the tenant's leads, contacts and customers in one call of dedup's matcher, and within the file
// by its phone, email and company + contact keys. Rows that fail are kept with their values and reasons for the
// downloadable report. Number, the leads with their history, and the audit are one statement each per batch.
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/lazy-modules.js';
import { INDUSTRIES, isValidCreditCode, normalizeCreditCode, type LeadImport } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudits } from '../../platform/audit.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { refreshStatistics } from '../../platform/statistics.js';
import { todayFor } from '../../platform/clock.js';
import { enumCode } from '../customers/index.js';
import { recordImportedMembersTx } from '../campaigns/index.js';
import { leadError } from './leads.errors.js';
import { Assigner } from './assignment.service.js';
import { matchCandidates, MATCH_BATCH } from './dedup-port.js';
import { checkCampaign, leadScope, toWrite } from './leads.service.js';
import { LEAD_IMPORT_COLUMNS, sizeBand, type LeadImportField } from './import.columns.js';
import { readLeadRows, type ImportRow } from './import.reader.js';
import * as q from './import.sql.js';
import * as lq from './leads.sql.js';

export const IMPORT_BATCH = MATCH_BATCH;

function toImport(r: q.ImportRowDb): LeadImport {
  return {
    id: r.id, filename: r.filename, status: r.status, totalRows: r.total_rows, processedRows: r.processed_rows, created: r.created_count,
    duplicates: r.duplicate_count, failed: r.failed_count, error: r.error, createdAt: r.created_at, finishedAt: r.finished_at,
  };
}

interface Checked { row: number; values: ImportRow['values']; write: lq.LeadWrite | null; reasons: string[] }

/** One row as the API would take it: enums from codes or labels, phone / email / credit code that mean something. */
function check(r: ImportRow): Checked {
  const v = r.values;
  const reasons: string[] = [];
  let industry: string | null = null;
  if (v.industry) {
    industry = (INDUSTRIES as readonly string[]).includes(v.industry) ? v.industry : enumCode('industry', v.industry);
    if (!industry) reasons.push(`行业 industry: unknown "${v.industry}"`);
  }
  let companySize: string | null = null;
  if (v.companySize) {
    companySize = sizeBand(v.companySize);
    if (!companySize) reasons.push(`规模 size: unknown "${v.companySize}" (1-49, 50-199, 200-999, 1000+ or a head count)`);
  }
  if (v.creditCode && !isValidCreditCode(normalizeCreditCode(v.creditCode))) reasons.push('统一社会信用代码 credit code: not valid');
  for (const [field, max] of [['companyName', 200], ['contactName', 100], ['title', 100], ['region', 60], ['remark', 2000]] as const) {
    if ((v[field]?.length ?? 0) > max) reasons.push(`${field}: longer than ${max} characters`);
  }
  const write = toWrite({ ...v, industry, companySize });
  if (v.phone && !write.phoneKey) reasons.push(`电话 phone: "${v.phone}" is not a phone number`);
  if (v.email && !write.emailKey) reasons.push(`邮箱 email: "${v.email}" is not an email address`);
  if (!write.companyName && !write.contactName && !write.phoneKey && !write.emailKey) reasons.push('needs a company, a contact, a phone or an email');
  return { row: r.row, values: v, write: reasons.length ? null : write, reasons };
}

export interface StartImport { filename: string; data: Buffer; campaignId: string | null; now?: Date }

/**
 * Read and check the file, record the job, then write it in the background; answers the job at once. `done` settles
 * when the last batch is written (the benchmark and tests wait on it; the web app polls the job).
 */
export async function startImport(db: Db, auth: AuthContext, input: StartImport): Promise<{ job: LeadImport; done: Promise<void> }> {
  const rows = await readLeadRows(input.filename, input.data);
  const job = await inTenant(db, auth, async (tx) => {
    await checkCampaign(tx, input.campaignId);
    const id = await q.insertImport(tx, { tenantId: auth.tenantId, filename: input.filename.slice(0, 200), source: 'import', campaignId: input.campaignId, totalRows: rows.length, createdBy: auth.userId });
    return toImport((await q.findImport(tx, id, auth.userId, true))!);
  });
  // Started on the next turn of the event loop, after the 202 is on its way: on PGlite a batch's statements run on
  // this thread and would hold the answer back until they end.
  const done = new Promise((resolve) => setImmediate(resolve)).then(() => runImport(db, auth, job.id, rows, input)).catch(async (err: unknown) => {
    db.log?.warn({ err, importId: job.id }, 'lead import failed');
    await inTenant(db, auth, (tx) => q.finishImport(tx, job.id, 'failed', (err as Error).message?.slice(0, 500) ?? 'failed'));
  });
  return { job, done };
}

async function runImport(db: Db, auth: AuthContext, importId: string, rows: ImportRow[], input: StartImport): Promise<void> {
  // keys seen earlier in the file → the row that had them: a repeated person or company is one lead
  const seen = new Map<string, number>();
  const year = Number(todayFor(auth, input.now).slice(0, 4));
  let created = 0;
  // Matching the next batch (its own read-only transaction) runs while this one is written: on a server they take
  // two connections and overlap. The next batch is matched against what is committed, so a duplicate within the file
  // is caught by the file's own keys (fileKeys), not by the matcher.
  const prepare = (at: number) => prepareBatch(db, auth, rows.slice(at, at + IMPORT_BATCH));
  let next = rows.length > 0 ? prepare(0) : null;
  for (let at = 0; next; at += IMPORT_BATCH) {
    const prepared = await next;
    next = at + IMPORT_BATCH < rows.length ? prepare(at + IMPORT_BATCH) : null;
    created += await inTenant(db, auth, (tx) => writeBatch(tx, auth, importId, prepared, seen, year, input));
    await new Promise((resolve) => setImmediate(resolve)); // let requests (the progress polls) in between batches
  }
  await inTenant(db, auth, (tx) => q.finishImport(tx, importId, 'done', null));
  // a big import changes the leads table's shape; on PGlite nobody else refreshes the planner's view of it
  if (created >= 500) await refreshStatistics(db, ['leads']);
}

function fileKeys(w: lq.LeadWrite): string[] {
  const keys: string[] = [];
  if (w.phoneKey) keys.push(`p:${w.phoneKey}`);
  if (w.emailKey) keys.push(`e:${w.emailKey}`);
  if (w.companyKey && w.contactName) keys.push(`c:${w.companyKey}:${w.contactName}`);
  return keys;
}

type Match = Awaited<ReturnType<ReturnType<typeof matchCandidates>>>[number];
interface Prepared { size: number; checked: Array<Checked & { match: Match | null }> }

/** A batch checked, and its valid rows matched against the tenant's leads, contacts and customers (one call). */
async function prepareBatch(db: Db, auth: AuthContext, batch: ImportRow[]): Promise<Prepared> {
  const checked = batch.map(check);
  const valid = checked.filter((c): c is Checked & { write: lq.LeadWrite } => c.write !== null);
  const matches = await inTenant(db, auth, (tx) => matchCandidates()(tx, valid.map((g) => ({
    company: g.write.companyName, creditCode: g.write.creditCode, phone: g.write.phone, email: g.write.email, contactName: g.write.contactName,
  })), { object: 'lead' }));
  const byIndex = new Map(matches.map((m) => [m.index, m]));
  const matchOf = new Map(valid.map((v, i) => [v, byIndex.get(i) ?? null]));
  return { size: batch.length, checked: checked.map((c) => ({ ...c, match: matchOf.get(c as Checked & { write: lq.LeadWrite }) ?? null })) };
}

async function writeBatch(tx: Tx, auth: AuthContext, importId: string, batch: Prepared, seenBefore: Map<string, number>, year: number, input: StartImport): Promise<number> {
  // the batch's transaction may run again after a deadlock: keys of this batch are kept aside, adopted at the end
  const added = new Map<string, number>();
  const seenAt = (k: string) => seenBefore.get(k) ?? added.get(k);
  const failures: Array<{ row: number; values: Record<string, string>; reasons: string }> = [];
  const good: Array<Checked & { write: lq.LeadWrite; match: Match | null }> = [];
  for (const c of batch.checked) {
    if (!c.write) { failures.push({ row: c.row, values: c.values, reasons: c.reasons.join('; ') }); continue; }
    const keys = fileKeys(c.write);
    const earlier = keys.map(seenAt).find((r) => r !== undefined);
    if (earlier !== undefined) { failures.push({ row: c.row, values: c.values, reasons: `the same person as row ${earlier} of the file` }); continue; }
    for (const k of keys) added.set(k, c.row);
    good.push(c as Checked & { write: lq.LeadWrite; match: Match | null });
  }
  const assigner = await Assigner.load(tx, auth, input.now);
  const inserts: lq.LeadInsert[] = [];
  let duplicates = 0;
  for (const g of good) {
    const m = g.match;
    const best = m?.matches[0];
    if (m?.action === 'block' && best) {
      duplicates++;
      failures.push({ row: g.row, values: g.values, reasons: `duplicate of ${best.kind} "${best.name}" (${best.reasons.join(', ')}; score ${best.score})` });
      continue;
    }
    const duplicate = m && m.action === 'flag' && best ? { kind: best.kind, id: best.id, score: best.score, reasons: best.reasons.join(',') } : null;
    if (duplicate) duplicates++;
    const chosen = assigner.choose({ source: 'import', region: g.write.region, industry: g.write.industry });
    inserts.push({
      ...g.write, tenantId: auth.tenantId, number: '', source: 'import', campaignId: input.campaignId, formId: null, importId,
      ownerId: chosen?.ownerId ?? null, inPool: !chosen, assignedRuleId: chosen?.ruleId ?? null, createdBy: auth.userId, duplicate, consent: null,
    });
  }
  // One document number per batch, its leads numbered under it (XS-2026-000123-0042): a number per lead was a round
  // trip per row, the largest part of an import's time.
  if (inserts.length > 0) {
    const base = await nextDocNumber(tx, auth, 'XS', year);
    inserts.forEach((l, i) => { l.number = `${base}-${String(i + 1).padStart(4, '0')}`; });
  }
  const ids = await lq.insertImportedLeads(tx, inserts, 'captured (import)');
  if (input.campaignId) await recordImportedMembersTx(tx, auth, input.campaignId, ids); // the list belongs to the campaign
  await assigner.flush(tx);
  await recordAudits(tx, auth, inserts.map((l, i) => ({
    action: 'import', entityType: 'lead', entityId: ids[i]!, before: null,
    after: { number: l.number, companyName: l.companyName, contactName: l.contactName, phone: l.phone, email: l.email, source: 'import', status: 'raw', ownerId: l.ownerId, importId },
  })));
  await q.insertFailures(tx, auth.tenantId, importId, failures.sort((a, b) => a.row - b.row));
  await q.addProgress(tx, importId, { processed: batch.size, created: ids.length, duplicates, failed: failures.length });
  for (const [k, v] of added) seenBefore.set(k, v);
  return ids.length;
}

export async function getImport(db: Db, auth: AuthContext, id: string): Promise<LeadImport> {
  return inTenant(db, auth, async (tx) => {
    const row = await q.findImport(tx, id, auth.userId, leadScope(auth) === 'all');
    if (!row) throw leadError('import_not_found');
    return toImport(row);
  });
}

export async function listImports(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => ({ items: (await q.listImports(tx, auth.userId, leadScope(auth) === 'all')).map(toImport) }));
}

/** The failed rows as a workbook: the columns of the import, the row number in the file and why it was not imported. */
export async function failuresWorkbook(db: Db, auth: AuthContext, id: string, lang: 'zh' | 'en'): Promise<Readable> {
  await getImport(db, auth, id); // 404 for an import the caller may not see
  const out = new PassThrough();
  (async () => {
    const XL = await loadExcelJS();
    const wb = new XL.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = wb.addWorksheet(lang === 'zh' ? '未导入的行' : 'Rows not imported', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: lang === 'zh' ? '行号' : 'Row', key: 'row', width: 8 },
      ...LEAD_IMPORT_COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: 18 })),
      { header: lang === 'zh' ? '原因' : 'Reason', key: 'reasons', width: 60 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (let after = 0; ;) {
      const page = await inTenant(db, auth, (tx) => q.listFailures(tx, id, after, 2000));
      for (const f of page) {
        const values = f.values as Partial<Record<LeadImportField, string>>;
        sheet.addRow([f.row_no, ...LEAD_IMPORT_COLUMNS.map((c) => values[c.key] ?? null), f.reasons]).commit();
      }
      if (page.length < 2000) break;
      after = page[page.length - 1]!.row_no;
    }
    sheet.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
