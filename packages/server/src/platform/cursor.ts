// Opaque keyset cursors: the sort key values of the last row, base64url-encoded JSON.
// A cursor comes back from the client, so it is input: each value is checked against the kind of its sort column
// before it reaches SQL, and anything else is a 400 naming `cursor` (never a cast error from the database).
import { z } from 'zod';
import { decimalPattern } from '@l2c/shared';
import { commonError } from './errors.js';

/** The kind of one sort key: what its column compares as (nullable keys are sorted through a coalesce, never null). */
export type CursorPart = 'uuid' | 'instant' | 'date' | 'date_or_empty' | 'decimal' | 'int' | 'text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = decimalPattern(20, 10, true);
// No business-date range here: sort keys may be sentinels such as 0001-01-01 (year 0 is no date in PostgreSQL).
const DATE = z.iso.date();
/** ISO 8601 as JavaScript writes it, or PostgreSQL's text form ('2026-12-06 02:50:01.123456+00'). */
const INSTANT = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)$/;

function fits(kind: CursorPart, v: unknown): boolean {
  switch (kind) {
    case 'uuid': return typeof v === 'string' && UUID.test(v);
    case 'instant': return typeof v === 'string' && !v.startsWith('0000') && INSTANT.test(v) && DATE.safeParse(v.slice(0, 10)).success;
    case 'date': return typeof v === 'string' && !v.startsWith('0000') && DATE.safeParse(v).success;
    case 'date_or_empty': return v === '' || fits('date', v); // a nullable date key: '' stands for null
    case 'decimal': return (typeof v === 'string' && DECIMAL.test(v)) || (typeof v === 'number' && Number.isFinite(v));
    case 'int': return typeof v === 'number' && Number.isSafeInteger(v);
    case 'text': return typeof v === 'string' && v.length <= 500 && !v.includes('\u0000');
  }
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The values of a cursor whose parts have the given kinds, or null without a cursor. A cursor that does not decode,
 * has another length or a value of another kind is a 400 naming `cursor`.
 */
export function decodeCursor(cursor: string | undefined, kinds: readonly CursorPart[]): unknown[] | null {
  if (!cursor) return null;
  let values: unknown = null;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch { /* not JSON: invalid below */ }
  if (Array.isArray(values) && values.length === kinds.length && kinds.every((k, i) => fits(k, values[i]))) return values;
  throw commonError('invalid', 'cursor is not valid for this list', { errors: [{ path: 'cursor', message: 'not a cursor of this list (start again without it)' }] });
}
