// Statements compiled once per shape (issue 13). Building a sql`…` template and compiling it is Kysely's work on every
// call: for a report statement of a few dozen fragments, 0.1–0.3 ms of the request's thread (more right after the
// request waited on the database, its caches cold) — a tenth of what the API adds above its bare SQL on the aging
// report. A hot statement whose text depends only on its shape (which parts are present, not their values) is built
// once with a named slot for each value, compiled, and run afterwards with the values put in their slots' places.
import { CompiledQuery, type QueryResult, type RawBuilder } from 'kysely';
import type { Tx } from './db.js';

/** A value's place in a statement built by `once` (typed as the value it stands for). */
export type Slot = <T>(name: string) => T;

interface Compiled { text: string; slots: string[] }
const compiledByKey = new Map<string, Compiled>();
const SLOT = Symbol('slot');

/**
 * Run the statement `build` makes, compiled once per `key` (the statement's shape: everything its text depends on).
 * `build` puts `slot('name')` where a value goes; `values` gives each name its value for this call.
 */
export function runCompiled<R>(tx: Tx, key: string, build: (slot: Slot) => RawBuilder<R>, values: Record<string, unknown>): Promise<QueryResult<R>> {
  let c = compiledByKey.get(key);
  if (!c) {
    const q = build(<T>(name: string) => ({ [SLOT]: name }) as T).compile(tx);
    const slots = q.parameters.map((p) => {
      const name = (p as { [SLOT]?: string } | null)?.[SLOT];
      if (name === undefined) throw new Error(`compiled statement ${key}: a value not in a slot`);
      return name;
    });
    compiledByKey.set(key, (c = { text: q.sql, slots }));
  }
  return tx.executeQuery<R>(CompiledQuery.raw(c.text, c.slots.map((name) => {
    if (!(name in values)) throw new Error(`compiled statement ${key}: no value for slot ${name}`);
    return values[name];
  })));
}
