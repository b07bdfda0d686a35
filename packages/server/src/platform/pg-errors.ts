// The safety net under input validation: PostgreSQL errors that a client's input can still provoke become problems
// that name the field, never a 500. Services check references and duplicates first where they can say it better;
// this catches what they did not think of, and what only the database can see (a foreign key that now carries the
// tenant, a unique index racing a parallel request).
//
// The key's columns come from the catalog, by the error's table and constraint (loaded once at start by
// loadConstraintCatalog): PostgreSQL leaves the Detail ("Key (tenant_id, name)=(…) already exists") out when the
// table has row-level security, which every tenant table has. The Detail, when present, and the constraint name
// (<table>_<column>_fkey, migrations/016_tenant_keys.sql) are the fallbacks. Node-postgres' DatabaseError and PGlite's
// carry the same fields (code, table, constraint, column, detail).
// 40001 / 40P01 (serialization failure, deadlock) are not here: platform/db.ts retries the transaction instead.
import type { Db } from './db.js';
import { commonError, type DomainError, type FieldProblem } from './errors.js';
import { keyColumnsOfAll } from './pg-errors.sql.js';

// `<table>.<constraint or unique index>` → its columns in key order.
const catalog = new Map<string, string[]>();

/** Read the columns of every key, foreign key and unique index once, after the migrations (the schema is fixed then). */
export async function loadConstraintCatalog(db: Db): Promise<void> {
  const rows = await keyColumnsOfAll(db.kysely);
  catalog.clear();
  for (const row of rows) catalog.set(`${row.tbl}.${row.name}`, row.cols);
}

export interface PgError {
  code: string;
  message: string;
  detail?: string | undefined;
  constraint?: string | undefined;
  table?: string | undefined;
  column?: string | undefined;
}

/** A PostgreSQL error (by its five-character SQLSTATE), found on the error itself or on its cause. */
export function asPgError(err: unknown): PgError | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as Partial<PgError> & { severity?: unknown };
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code) && typeof x.message === 'string' && ('severity' in x || 'detail' in x || 'constraint' in x)) {
      return x as PgError;
    }
  }
  return null;
}

export function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** The key columns of a Detail such as `Key (tenant_id, owner_id)=(…) is not present in table "users".` */
export function keyColumns(detail: string | undefined): string[] | null {
  const m = /\(([^()]*)\)=\(/.exec(detail ?? '');
  if (!m) return null;
  const cols = m[1]!.split(',').map((c) => c.trim());
  // an expression index (lower(email)) names no plain column
  return cols.every((c) => /^[a-z_][a-z0-9_]*$/.test(c)) ? cols : null;
}

/** The columns the client chose: every key column but the tenant, which the server sets. */
function fieldsOf(cols: string[]): string[] {
  return cols.filter((c) => c !== 'tenant_id').map(camelCase);
}

/** The key's columns: from the catalog, else the Detail, else a constraint named <table>_<column>_fkey. */
function columnsOf(e: PgError): string[] | null {
  const known = e.table && e.constraint ? catalog.get(`${e.table}.${e.constraint}`) : undefined;
  if (known) return known;
  const fromDetail = keyColumns(e.detail);
  if (fromDetail) return fromDetail;
  const name = e.constraint ?? '';
  if (!e.table || !name.startsWith(`${e.table}_`) || !name.endsWith('_fkey')) return null;
  const col = name.slice(e.table.length + 1, -'_fkey'.length);
  return col ? [col] : null;
}

const BAD_VALUE: Record<string, string> = {
  '22007': 'is not a valid date or time',
  '22008': 'is not a valid date or time',
  '22P02': 'is not valid for its type',
  '22021': 'contains characters that cannot be stored',
  '22P05': 'contains characters that cannot be stored',
  '54000': 'is too long',
  '22001': 'is too long',
  '22003': 'is out of range',
};

/**
 * The problem for a database error the client caused, or null for anything else (a defect: the caller answers 500).
 * `where` names the part of the request a value error most likely came from ('body' for writes, 'query' for reads).
 */
export function pgProblem(err: unknown, where: 'body' | 'query' = 'body'): DomainError | null {
  const e = asPgError(err);
  if (!e) return null;
  switch (e.code) {
    case '23503': { // foreign_key_violation
      // Deleting or re-keying a row that others still point at: the row is in use. Both cases report the referencing
      // table and constraint, so only the message tells them apart (PostgreSQL's English wording; a Detail, when
      // shown, names the referenced key, whose column is id).
      const inUse = /^update or delete on table/.test(e.message) || /still referenced/.test(e.detail ?? '')
        || fieldsOf(keyColumns(e.detail) ?? []).join() === 'id';
      if (inUse) return commonError('in_use', 'Other records still refer to this one', { constraint: e.constraint });
      const cols = columnsOf(e);
      const fields = cols ? fieldsOf(cols) : [];
      const errors: FieldProblem[] = fields.map((path) => ({ path, message: 'does not exist' }));
      return commonError('reference_not_found', fields.length ? `${fields.join(', ')}: no such record` : 'A referenced record does not exist', { errors });
    }
    case '23505': { // unique_violation
      const cols = columnsOf(e);
      const fields = cols ? fieldsOf(cols) : [];
      const errors: FieldProblem[] = fields.map((path) => ({ path, message: 'already exists' }));
      return commonError('duplicate', fields.length ? `${fields.join(', ')}: already exists` : 'This record already exists', { errors, constraint: e.constraint });
    }
    case '23514': // check_violation: a rule of the table the service did not check first
      return commonError('check_violation', `The record breaks the rule ${e.constraint ?? '(unnamed)'}`, {
        constraint: e.constraint, errors: [{ path: e.constraint ?? where, message: 'rule violated' }],
      });
    case '23502': { // not_null_violation: a required value arrived empty
      const path = e.column ? camelCase(e.column) : where;
      return commonError('invalid', `${path}: is required`, { errors: [{ path, message: 'is required' }] });
    }
    default: {
      const message = BAD_VALUE[e.code];
      if (!message) return null;
      // The database does not say which parameter held the value; name the part of the request it came from.
      return commonError('invalid', `${where}: a value ${message}`, { errors: [{ path: where, message: `a value ${message}` }] });
    }
  }
}
