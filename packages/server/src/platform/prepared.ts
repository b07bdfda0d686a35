// Repeated statements run as server-side prepared statements, per connection — what PgJDBC does by default
// (prepareThreshold=5). Kysely sends every statement unnamed, so the database parses and plans it on every use; for
// the joins our reads are made of, planning is most of the statement's cost on small data (the embedded database's
// demo load: 12.9 s unnamed, 7.7 s named, docs/benchmarks.md). A named statement is planned for its parameters the
// first five times and then, if PostgreSQL finds a generic plan no costlier, planned once for the session.
//
// Only statements with parameters are named (a parameterless one may hold several statements — `begin; select
// set_config(…)` — which only the simple protocol runs). A text is named on its second use, so one-off texts (a long
// `in ($1 … $n)` list, a bulk insert of n rows) never take a slot; a connection prepares at most MAX_PREPARED texts,
// after which further texts simply run unnamed. Prepared statements outlive a rolled-back transaction, and row-level
// security stays exact: PostgreSQL replans a cached plan when the role it was planned for changes.
import type pg from 'pg';

const MAX_PREPARED = 600;
// A read that turns array parameters into rows (`unnest(…)` joined to tables: the duplicate matcher, bank matching)
// wants its plan made for the array at hand — a generic plan guesses a few rows and picks nested loops over whole
// tables; the lead import's matcher ran 3.5× slower on one (docs/benchmarks.md). Those stay unnamed and are planned
// every time. Plain batch writes (`insert … select … from unnest(…)`: audit entries, outbox events, ledger facts) have
// no plan to get wrong and are named; so is a statement that says so with PREPARE_ANYWAY (the document counter).
const OVER_ROWS = /\bunnest\s*\(/i;
const BATCH_WRITE = /^\s*insert\s/i;
/** Put in a statement's text (a comment) to have it named even though it reads over `unnest(…)`. */
export const PREPARE_ANYWAY = '/* l2c:prepare */';
const wantsCustomPlan = (text: string) => OVER_ROWS.test(text) && !BATCH_WRITE.test(text) && !text.includes(PREPARE_ANYWAY);
const MAX_SEEN = 4000;

type Query = pg.ClientBase['query'];

/** Name repeated statements on every connection the pool opens from now on. */
export function prepareRepeatedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => nameRepeated(client));
}

// What a database session has prepared. Keyed by the client's protocol connection, not the client: the embedded
// database's pool hands every client the one connection to its one session, and statement names belong to a session.
interface Session { prepared: Map<string, string>; seen: Set<string> }
const sessions = new WeakMap<object, Session>();

function nameRepeated(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const key = (client as unknown as { connection?: object }).connection ?? client;
  let session = sessions.get(key);
  if (!session) sessions.set(key, (session = { prepared: new Map(), seen: new Set() }));
  const { prepared, seen } = session; // text → statement name; texts used once so far
  (client as { query: Query }).query = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined && !wantsCustomPlan(config)) {
      let name = prepared.get(config);
      if (name === undefined && prepared.size < MAX_PREPARED) {
        if (seen.delete(config)) {
          name = `l2c_s${prepared.size}`;
          prepared.set(config, name);
        } else {
          if (seen.size >= MAX_SEEN) seen.clear(); // forget the once-used texts rather than grow without bound
          seen.add(config);
        }
      }
      if (name !== undefined) return query({ name, text: config, values });
    }
    return query(config, values, callback);
  }) as Query;
}
