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
   * A remembered caller's `begin` not sent yet (auth.ts): it goes out with the transaction's first statement, in the
   * same write, and `verdict` judges its answer — null when the caller is as remembered (the statement's answer
   * stands), else the error to answer with instead (the statement's answer is dropped; the connection is then outside
   * any transaction).
   */
  deferredBegin: DeferredBegin | null;
}

export interface DeferredBegin { text: string; verdict: (results: unknown) => Promise<Error | null> }

const opened = new WeakMap<Actor, OpenedTx>();
const openedOn = new WeakMap<pg.PoolClient, OpenedTx>();
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
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    const view = {
      query: (...args: unknown[]) => {
        const o = openedOn.get(client);
        return o?.deferredBegin ? withBegin(o, o.deferredBegin, args) : query(...args);
      },
      release: () => undefined,
    };
    k = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => view, end: async () => undefined } as never }) });
    kyselyOf.set(client, k);
  }
  return k;
}

/**
 * The transaction's first statement, sent in one write right behind its `begin` (node-postgres' pipeline mode, on for
 * these two only): one round trip and one wake-up of the server fewer than waiting for `begin` first. The statement
 * runs under the remembered caller's settings before the check is read — a read only transaction, whose answer is
 * dropped if the check finds the caller changed (auth.ts checkRemembered).
 */
async function withBegin(o: OpenedTx, deferred: DeferredBegin, args: unknown[]): Promise<unknown> {
  o.deferredBegin = null;
  const client = o.client as pg.PoolClient & { pipeline: boolean; connection: { stream: { cork(): void; uncork(): void } } };
  client.pipeline = true;
  client.connection.stream.cork();
  let sent: [Promise<unknown>, Promise<unknown>];
  try {
    sent = [client.query(deferred.text), (client.query as (...a: unknown[]) => Promise<unknown>)(...args)];
  } catch (err) {
    client.pipeline = false;
    throw err;
  } finally {
    client.connection.stream.uncork();
  }
  const [b, f] = await Promise.allSettled(sent);
  client.pipeline = false; // both answered: nothing of the pipeline is left on the connection
  if (b.status === 'rejected') throw b.reason;
  const problem = await deferred.verdict(b.value);
  if (problem) throw problem;
  if (f.status === 'rejected') throw f.reason;
  return f.value;
}

/** Hand `client`, inside a transaction begun for `actor` (or to begin with its first statement), to the request's first inTenant. */
export function keepOpenedTransaction(actor: Actor, client: pg.PoolClient, deferredBegin: DeferredBegin | null = null): void {
  const o: OpenedTx = { client, kysely: kyselyFor(client), state: 'open', deferredBegin };
  opened.set(actor, o);
  openedOn.set(client, o);
}

/** The transaction opened for this actor, if it is still unused: from now on the caller commits and releases it. */
export function takeOpenedTransaction(actor: Actor): OpenedTx | null {
  const o = opened.get(actor);
  if (!o || o.state !== 'open') return null;
  o.state = 'taken';
  taken++;
  return o;
}

/**
 * After the transaction's work, before its answer: a `begin` still not sent (the work sent no statement) is sent and
 * judged now, so no answer goes out for a caller the check refuses.
 */
export async function settleDeferredBegin(o: OpenedTx): Promise<void> {
  const deferred = o.deferredBegin;
  if (!deferred) return;
  o.deferredBegin = null;
  const problem = await deferred.verdict(await o.client.query(deferred.text));
  if (problem) throw problem;
}

/** At the end of a request (answered or aborted): roll back and release a transaction nobody took. */
export async function closeUnusedTransaction(actor: Actor | null): Promise<void> {
  const o = actor ? opened.get(actor) : undefined;
  if (!o || o.state !== 'open') return;
  o.state = 'closed';
  try {
    if (o.deferredBegin) o.deferredBegin = null; // never sent: no transaction to roll back
    else await rollbackClient(o.client);
    openedOn.delete(o.client);
    o.client.release();
  } catch (err) {
    o.client.release(err as Error); // a broken connection is dropped from the pool
  }
}

/** Release a taken transaction's connection after its commit or rollback (`err`: drop it from the pool). */
export function releaseTaken(o: OpenedTx, err?: Error): void {
  o.state = 'closed';
  openedOn.delete(o.client);
  o.client.release(err);
}
