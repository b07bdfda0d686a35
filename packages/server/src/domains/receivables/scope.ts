// Who may see a receivable, as a SQL condition over `r` (a receivable) for other areas' read-only reports (collections'
// aging joins receivables directly, a read receivables declares in tables.ts).
import type { RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import * as q from './receivables.sql.js';

export type { ReceivableRow } from './receivables.sql.js';

/** The receivable's owner (or, without one, its customer's owner) is someone `userId` may see under `scope`. */
export function receivableScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  return q.receivableScope(userId, scope);
}
