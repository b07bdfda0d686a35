// A request's transaction opened by its authentication (issue 13, item 2). A read route that opts in (`openTx` in its
// route config) has `begin`, the token look-up and the tenant settings sent as one message (auth.sql.ts
// beginWithLiveToken); the request's first inTenant then runs on that connection instead of opening its own, so the
// request costs the round trips of its bare SQL in a transaction. PostgreSQL server only: PGlite has no round trips.
//
// Opt in only where the handler's first database work is one inTenant with the request's own AuthContext and nothing
// that takes a second connection before it (asSystem, another actor object): a request holding its connection while
// it waits for another could, with every connection so held, wait for ever.
import type pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';
import type { Actor } from './db.js';
import { rollbackClient } from './db.sql.js';

export interface OpenedTx {
  client: pg.PoolClient;
  /** A Kysely over this one connection (cached per connection; releasing it is ours, not Kysely's). */
  kysely: Kysely<Database>;
  state: 'open' | 'taken' | 'closed';
  /**
   * The authentication's check still on its way (a remembered token, auth.ts): null when it found the caller as
   * remembered — the transaction is begun with the caller's settings —, else the error to answer with, the connection
   * then outside any transaction. Nothing may be sent on the connection before it settles.
   */
  verdict: Promise<Error | null> | null;
}

const opened = new WeakMap<Actor, OpenedTx>();
let taken = 0;

/** How many request transactions were opened by the authentication and used by the request (tests, metrics). */
export function takenTransactions(): number {
  return taken;
}
const kyselyOf = new WeakMap<pg.PoolClient, Kysely<Database>>();

function kyselyFor(client: pg.PoolClient): Kysely<Database> {
  let k = kyselyOf.get(client);
  if (!k) {
    // Kysely releases what its pool hands out after each use: hand it a view whose release does nothing
    const view = { query: client.query.bind(client), release: () => undefined };
    k = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => view, end: async () => undefined } as never }) });
    kyselyOf.set(client, k);
  }
  return k;
}

/** Hand `client`, inside a transaction begun for `actor`, to the request's first inTenant. */
export function keepOpenedTransaction(actor: Actor, client: pg.PoolClient, verdict: Promise<Error | null> | null = null): void {
  opened.set(actor, { client, kysely: kyselyFor(client), state: 'open', verdict });
}

/**
 * Wait for the authentication's check (OpenedTx.verdict) before the first statement: the caller as remembered, or the
 * error to answer with (the connection is then released here, and the transaction is not the caller's to use).
 */
export async function awaitVerdict(o: OpenedTx): Promise<void> {
  if (!o.verdict) return;
  let problem: Error | null;
  try {
    problem = await o.verdict;
  } catch (err) {
    releaseTaken(o, err as Error); // the connection failed under the check: drop it
    throw err;
  }
  o.verdict = null;
  if (problem) {
    releaseTaken(o);
    throw problem;
  }
}

/** The transaction opened for this actor, if it is still unused: from now on the caller commits and releases it. */
export function takeOpenedTransaction(actor: Actor): OpenedTx | null {
  const o = opened.get(actor);
  if (!o || o.state !== 'open') return null;
  o.state = 'taken';
  taken++;
  return o;
}

/** At the end of a request (answered or aborted): roll back and release a transaction nobody took. */
export async function closeUnusedTransaction(actor: Actor | null): Promise<void> {
  const o = actor ? opened.get(actor) : undefined;
  if (!o || o.state !== 'open') return;
  o.state = 'closed';
  try {
    await o.verdict; // nothing is sent on the connection while the check is on its way
    await rollbackClient(o.client);
    o.client.release();
  } catch (err) {
    o.client.release(err as Error); // a broken connection is dropped from the pool
  }
}

/** Release a taken transaction's connection after its commit or rollback (`err`: drop it from the pool). */
export function releaseTaken(o: OpenedTx, err?: Error): void {
  o.state = 'closed';
  o.client.release(err);
}
