// Opaque keyset cursors: the sort key values of the last row, base64url-encoded JSON.
import { commonError } from './errors.js';

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch { /* fall through */ }
  throw commonError('invalid', 'cursor is not valid for this list', { errors: [{ path: 'cursor', message: 'invalid cursor' }] });
}
