// One way to reach the database in both modes: a node-postgres Pool, fed either by a PostgreSQL server
// (DATABASE_URL) or by embedded PGlite through our connection object (pglite-connection.ts). Kysely sits on top of the Pool.
import pg from 'pg';
import { pglitePoolConfig } from './pglite-connection.js';
import { fillFromTemplate } from './pglite-template.js';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { lockDataDir } from './lockfile.js';
import { prepareRepeatedStatements } from './prepared.js';
import { defineErrors } from './errors.js';
import type { Database } from './schema.js';
import { beginAsTenant, commit, commitClient, rollback } from './db.sql.js';
import { releaseTaken, settleDeferredBegin, takeOpenedTransaction, type OpenedTx } from './request-tx.js';

export { databaseNow } from './db.sql.js';

// Both drivers go through node-postgres' parsers, so one set of explicit parsers gives one behaviour:
// business dates stay 'YYYY-MM-DD' strings (never a JS Date at local midnight), instants become ISO strings,
// numeric stays an exact string, int8 (counts) becomes a number.
pg.types.setTypeParser(1082, (v) => v); // date
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp
pg.types.setTypeParser(1184, parseInstant); // timestamptz
pg.types.setTypeParser(1700, (v) => v); // numeric
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 ${v} exceeds the safe integer range`);
  return n;
});

/**
 * A timestamptz as the ISO string `new Date(v).toISOString()` gives, without building a Date when the session answers
 * in UTC ('2026-12-06 02:50:01.123456+00' → '2026-12-06T02:50:01.123Z': milliseconds truncated, as Date does). A list
 * page carries hundreds of instants, and the Date round trip was 6–9 % of a list request's CPU in the app's thread.
 * Any other form (an offset, a year past 9999, infinity) takes the Date path, errors included.
 */
export function parseInstant(v: string): string {
  if (v.length >= 22 && v.length <= 29 && v.endsWith('+00') && v.charCodeAt(10) === 32 && UTC_INSTANT.test(v)) {
    const frac = v.length > 23 ? v.slice(20, -3) : '';
    return `${v.slice(0, 10)}T${v.slice(11, 19)}.${(frac + '000').slice(0, 3)}Z`;
  }
  return new Date(v).toISOString();
}
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00$/;

// Typed by the schema generated from the migrations (platform/schema.ts, `npm run db:schema`): builder queries have
// their table and column names checked and their results typed; sql`…` templates still type their rows by hand.
export type Tx = Transaction<Database>;
export type Kdb = Kysely<Database>;

export interface Db {
  kind: 'pglite' | 'postgres';
  pool: pg.Pool;
  kysely: Kdb;
  /**
   * A server only: two connections of its own for short autonomous writes that must not wait for, or hold locks
   * for, a request's transaction — document numbers (platform/sequences.ts). Never used while holding its own lock
   * for long, so a request waiting on it always gets a turn; the app's pool can be exhausted without a deadlock.
   */
  side: pg.Pool | null;
  /** Where inTenant reports a transaction it runs again (set by the app to its logger; silent when unset). */
  log?: { warn(obj: object, msg: string): void } | undefined;
  /** A new embedded folder: which install-time template it was copied from (pglite-template.ts); else absent. */
  copiedFrom?: 'demo' | 'empty';
  close(): Promise<void>;
}

export interface OpenDbOptions {
  databaseUrl: string | null;
  dataDir: string;
  poolSize?: number;
  /** A new embedded data folder starts as a copy of the install-time template when one matches (pglite-template.ts); default true. */
  fromTemplate?: boolean;
  /** The demo's day (pglite-template.ts demoDay) when the start wants the demo: its template is copied if made. */
  demoOn?: string | null;
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    prepareRepeatedStatements(pool);
    // statement_timeout: a wait on the side pool is a bug (see Db.side); fail the request rather than hang it
    const side = new pg.Pool({ connectionString: opts.databaseUrl, max: 2, statement_timeout: 5000 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', pool, kysely, side, close: async () => { await kysely.destroy(); await side.end(); } };
  }
  const release = opts.dataDir.startsWith('memory://') ? () => {} : lockDataDir(opts.dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const copiedFrom = opts.fromTemplate === false ? null : await fillFromTemplate(opts.dataDir, { demoOn: opts.demoOn ?? null });
    const pglite = await PGlite.create(opts.dataDir);
    const pool = new pg.Pool(pglitePoolConfig(pglite));
    prepareRepeatedStatements(pool);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'pglite',
      pool,
      kysely,
      side: null, // one connection, one transaction at a time: nothing to wait for
      ...(copiedFrom ? { copiedFrom } : {}),
      close: async () => {
        await kysely.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Who a transaction runs as. Every request is a user of a tenant; jobs run as the system inside one tenant. */
export interface Actor {
  tenantId: string;
  userId: string | null;
  requestId?: string | null;
  /** The tenant's time zone (tenants.timezone), for its business dates; requests carry it, jobs pass the tenant's. */
  timeZone?: string;
  /**
   * Plan every statement of the transaction for its own parameters (plan_cache_mode = force_custom_plan), set for
   * reads (GET) by the authentication. A named statement (prepared.ts) may otherwise switch to one generic plan after
   * five calls, made for the average customer: a read over one customer's whole history or a date range then ran
   * 20–100× slower from its sixth call on a connection (the statement of account: 0.3 s → 10–19 s at 1M receivables).
   * Writes and jobs keep PostgreSQL's choice (their statements touch a customer's few open items, by key); so does a
   * read whose route says `genericPlans` (its generic plans checked: the aging report).
   */
  planPerCall?: boolean;
}

const txError = defineErrors('common', {
  busy: [503, 'The database is busy with conflicting changes; try again in a moment'],
});

/** 503 common.busy: the request met a change it cannot finish under; the client may try again at once. */
export function busyError(detail: string) {
  return txError('busy', detail, { retryAfterSeconds: 1 });
}

// Errors after which PostgreSQL has rolled the whole transaction back and running it again may well succeed: a
// deadlock (the other side went through) and a serialization failure. Not lock_not_available (55P03): nothing here
// sets NOWAIT or lock_timeout, and a statement that asks for it wants to fail fast, not to be repeated.
const RETRYABLE = new Set(['40P01', '40001']);
/** Attempts per request transaction: the first plus three retries, then 503 common.busy. */
export const TX_ATTEMPTS = 4;
let retries = 0;

/** How many request transactions this process has run again after a deadlock or serialization failure. */
export function transactionRetries(): number {
  return retries;
}

/** The SQLSTATE of a database error (node-postgres and PGlite both carry `code`), looking through `cause`. */
function sqlState(err: unknown): string | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/**
 * Run `fn` in one transaction as the tenant's application role. Row-level security policies read
 * app.tenant_id, so a query that forgets its tenant filter still sees only this tenant's rows.
 *
 * A transaction that loses a deadlock or a serialization conflict is run again from the start, on a fresh
 * transaction, up to TX_ATTEMPTS times with a jittered, growing pause; then the caller gets 503 common.busy (never a
 * 500). So `fn` must be safe to run again: everything it writes to the database is rolled back with the attempt (the
 * audit buffer and idempotency keys included), document numbers taken on the side pool only leave a gap, and nothing
 * is sent to the client before inTenant returns. State it keeps outside the database must be rebuilt per attempt.
 * The lock order that keeps deadlocks rare in the first place: docs/adr/0004-lock-order.md.
 */
export async function inTenant<T>(db: Db, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTenantOnce(db, actor, fn);
    } catch (err) {
      const code = sqlState(err);
      if (code === null || !RETRYABLE.has(code)) throw err;
      if (attempt >= TX_ATTEMPTS) {
        db.log?.warn({ reqId: actor.requestId ?? null, tenantId: actor.tenantId, code, attempts: attempt }, 'transaction gave up: still conflicting after retries, answering 503');
        throw txError('busy', undefined, { retryAfterSeconds: 1 });
      }
      retries++;
      // full jitter over a doubling window (25, 50, 100 ms): two transactions that just deadlocked do not meet again
      const delayMs = Math.round(Math.random() * 25 * 2 ** (attempt - 1));
      db.log?.warn({ reqId: actor.requestId ?? null, tenantId: actor.tenantId, code, attempt, delayMs }, `transaction retried after ${code === '40P01' ? 'a deadlock' : 'a serialization failure'}`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

async function inTenantOnce<T>(db: Db, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const opened = takeOpenedTransaction(actor);
  if (opened) return runOpened(db, opened, fn);
  const tenantId = uuidLiteral(actor.tenantId);
  const userId = actor.userId ? uuidLiteral(actor.userId) : '';
  return db.kysely.connection().execute(async (conn) => {
    const tx = conn as unknown as Tx; // a connection-bound Kysely: queries only, like a Transaction
    // `begin` and the transaction's settings in one round trip (the simple protocol takes several statements; the
    // values are checked UUIDs, so writing them as literals is safe). Every request pays this, so it counts.
    await beginAsTenant(conn, tenantId, userId, actor.planPerCall === true);
    try {
      txDb.set(tx, db);
      beforeCommit.set(tx, []);
      const result = await fn(tx);
      await runBeforeCommit(tx);
      await commit(conn);
      return result;
    } catch (err) {
      await rollback(conn).catch(() => undefined); // a broken connection is closed by the pool anyway
      throw err;
    }
  });
}

/**
 * inTenantOnce on the transaction the request's authentication opened (request-tx.ts): no `begin` of its own. That
 * transaction is read only (auth.sql.ts), so its commit changes nothing anyone could read: the answer need not wait
 * for it. The commit is sent once the answer is written, and the connection goes back to the pool when it completes:
 * one round trip less on the path of every such read (issue 13 item 2: the list's service time at one client 1.40 →
 * 1.13 ms above its bare SELECT with the server as deployed; no gain where the client shares the server's thread). A commit that fails (the connection
 * broke after the last read) drops the connection; the answer read before it stands. (Parking the connection with its
 * transaction open, for the next read to commit in its opening message, was tried: no CPU measurably saved.)
 */
async function runOpened<T>(db: Db, opened: OpenedTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return opened.kysely.connection().execute(async (conn) => {
    const tx = conn as unknown as Tx;
    txDb.set(tx, db);
    beforeCommit.set(tx, []);
    try {
      const result = await fn(tx);
      await settleDeferredBegin(opened); // a remembered caller is checked before any answer goes out (request-tx.ts)
      await runBeforeCommit(tx);
      // setImmediate: after this turn's microtasks, in which the handler returns and Fastify writes the answer — so
      // the answer's write comes first, and the commit's follows it (a loopback write costs ~0.1–0.3 ms of CPU here)
      setImmediate(() => commitClient(opened.client).then(() => releaseTaken(opened), (err: Error) => {
        db.log?.warn({ err: err.message }, 'a read-only request transaction failed to commit after its answer');
        releaseTaken(opened, err);
      }));
      return result;
    } catch (err) {
      // an error is an answer too: the remembered caller is checked first, and a refusal answers instead
      const refusal = opened.deferredBegin ? await settleDeferredBegin(opened).then(() => null, (e: Error) => e) : null;
      const broken = await rollback(conn).then(() => undefined, (e: Error) => e);
      releaseTaken(opened, broken);
      throw refusal ?? err;
    }
  });
}

function uuidLiteral(v: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) throw new Error(`not a UUID: ${JSON.stringify(v)}`);
  return v.toLowerCase();
}

/** A transaction as the owner role (no RLS): only for login look-ups, migrations, job claims and demo loading. */
export async function asSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (tx) => {
    beforeCommit.set(tx, []);
    const result = await fn(tx);
    await runBeforeCommit(tx);
    return result;
  });
}

// Work a transaction defers to its end, still inside it (the audit trail writes its entries in one statement).
const beforeCommit = new WeakMap<Tx, Array<() => Promise<void>>>();

/**
 * Run `fn` at the end of this transaction, before it commits, in the order registered; false when the transaction
 * was not opened by inTenant / asSystem (then the caller must do the work at once). If the transaction fails, the
 * work is dropped with it.
 */
export function deferToCommit(tx: Tx, fn: () => Promise<void>): boolean {
  const hooks = beforeCommit.get(tx);
  if (!hooks) return false;
  hooks.push(fn);
  return true;
}

async function runBeforeCommit(tx: Tx): Promise<void> {
  const hooks = beforeCommit.get(tx) ?? [];
  for (let i = 0; i < hooks.length; i++) await hooks[i]!(); // a hook may register another
}

// Which database a request transaction belongs to, for the platform helpers that act beside it (sequences.ts).
// Only inTenant registers: system work (demo load, jobs) may hold counter rows it inserted itself, and must keep
// taking its numbers inside its own transaction.
const txDb = new WeakMap<Tx, Db>();

/** The database whose inTenant opened this transaction; undefined for any other. */
export function dbOfTx(tx: Tx): Db | undefined {
  return txDb.get(tx);
}
