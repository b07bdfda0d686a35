// Document number formats 单据编号规则, per document type (the admin's 编号规则 tab): prefix, date part, counter width and
// when the counter starts again. sequences.ts reads them when it numbers a document. A change is audited, and it
// never makes a number repeat: a new format keeps its counter, and a counter of a new reset period starts above the
// highest number the type has had (the reset period must show in the number: a monthly counter needs the month).
import {
  DOC_NUMBER_CODES, DOC_NUMBER_TYPES, formatDocNumber, periodKey, resetProblem,
  type DocNumberFormat, type DocNumberFormatInput, type DocNumberType,
} from '@l2c/shared';
import { inTenant, type Db, type Tx } from './db.js';
import type { AuthContext } from './auth.js';
import { recordAudit } from './audit.js';
import { todayFor } from './clock.js';
import { defineErrors } from './errors.js';
import * as q from './numbering.sql.js';

export const numberingError = defineErrors('numbering', {
  unknown_type: [404, 'No such numbered document type'],
  bad_reset: [400, 'The counter\'s reset period must show in the number'],
  conflict: [409, 'Someone else changed this number format; reload it and try again'],
});

type Format = Omit<DocNumberFormatInput, 'version'>;
const builtIn = (code: string): Format => ({ prefix: code, datePattern: 'YYYY', separator: '-', width: 6, reset: 'yearly' });

function fromRow(r: q.FormatRow): Format {
  return { prefix: r.prefix, datePattern: r.date_pattern as Format['datePattern'], separator: r.separator as Format['separator'], width: r.width, reset: r.reset as Format['reset'] };
}

function isCode(code: string): code is DocNumberType {
  return (DOC_NUMBER_CODES as string[]).includes(code);
}

async function view(tx: Tx, code: DocNumberType, f: Format, row: q.FormatRow | undefined, today: string): Promise<DocNumberFormat> {
  const { current } = await q.counterValues(tx, code, periodKey(f.reset, today));
  return {
    docType: code, kind: DOC_NUMBER_TYPES[code], ...f, builtIn: !row, version: row?.version ?? 0, updatedAt: row?.updated_at ?? null,
    next: formatDocNumber(f, today, current + 1),
  };
}

export async function listNumberFormats(db: Db, auth: AuthContext): Promise<{ items: DocNumberFormat[] }> {
  return inTenant(db, auth, async (tx) => {
    const rows = new Map((await q.listFormats(tx)).map((r) => [r.doc_type, r]));
    const today = todayFor(auth);
    const items: DocNumberFormat[] = [];
    for (const code of DOC_NUMBER_CODES) {
      const row = rows.get(code);
      items.push(await view(tx, code, row ? fromRow(row) : builtIn(code), row, today));
    }
    return { items };
  });
}

function check(f: Format): void {
  const problem = resetProblem(f);
  if (problem) throw numberingError('bad_reset', undefined, { errors: [{ path: 'reset', message: problem }] });
}

/** The number the next document would get under a format being edited (nothing stored, nothing reserved). */
export async function previewNumberFormat(db: Db, auth: AuthContext, code: string, f: Format): Promise<{ next: string }> {
  if (!isCode(code)) throw numberingError('unknown_type');
  check(f);
  return inTenant(db, auth, async (tx) => {
    const today = todayFor(auth);
    const stored = await q.lockFormat(tx, code);
    const { current, highest } = await q.counterValues(tx, code, periodKey(f.reset, today));
    const sameReset = (stored ? stored.reset : 'yearly') === f.reset;
    return { next: formatDocNumber(f, today, (sameReset ? current : Math.max(current, highest)) + 1) };
  });
}

export async function putNumberFormat(db: Db, auth: AuthContext, code: string, input: DocNumberFormatInput): Promise<DocNumberFormat> {
  if (!isCode(code)) throw numberingError('unknown_type');
  const f: Format = { prefix: input.prefix, datePattern: input.datePattern, separator: input.separator, width: input.width, reset: input.reset };
  check(f);
  return inTenant(db, auth, async (tx) => {
    const before = await q.lockFormat(tx, code);
    if (input.version !== undefined && input.version !== (before?.version ?? 0)) throw numberingError('conflict');
    const old = before ? fromRow(before) : builtIn(code);
    await q.upsertFormat(tx, { tenantId: auth.tenantId, docType: code, ...f, userId: auth.userId });
    const today = todayFor(auth);
    if (old.reset !== f.reset) {
      const period = periodKey(f.reset, today);
      const { highest } = await q.counterValues(tx, code, period);
      await q.seedCounter(tx, auth.tenantId, code, period, highest);
    }
    const after = (await q.lockFormat(tx, code))!;
    await recordAudit(tx, auth, {
      action: before ? 'update' : 'create', entityType: 'doc_number_format', entityId: after.id,
      before: { docType: code, ...old, example: formatDocNumber(old, today, 1) }, after: { docType: code, ...f, example: formatDocNumber(f, today, 1) },
    });
    return view(tx, code, f, after, today);
  });
}
