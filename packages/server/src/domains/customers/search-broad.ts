// Which search terms are broad (migration 034: more than BROAD_TERM_MATCHES matches in the tenant), remembered in the
// process so that a known-broad term skips the count that decides it.
//
// Why: for a broad term the count (the gram index and the exact check up to 1,001 rows, as the owner) was 6.3 ms of
// the list statement's 8.7 ms at 100k customers (docs/benchmarks.md), paid on every page of every request. Whether a
// term is broad only chooses the plan — both plans return the same rows in the same order — so a stale answer costs
// speed, never correctness: a term remembered broad that has since become rare is walked along the sort index (slower
// the rarer it got, for at most TTL_MS); a term not remembered is counted as before. Only "broad" is remembered: for a
// narrow term the counted matches are the rows the page is made of, so knowing it in advance would save nothing.
//
// Why not an estimate in SQL: a GIN index does not expose its posting-list sizes to a query, and a per-tenant gram
// frequency table kept by every write of a name would put a hot row (per tenant and gram) on the customer write path
// to save a count that this remembers for minutes. The count stays exact when it runs.
//
// What is kept: tenant id and the normalised term (search-keys.ts searchTerm), never a row or a count; the decision
// is tenant-wide (counted as the owner, as before) and is never sent to a client — it chooses a plan, and the rows
// are still read as l2c_app under RLS and the caller's data scope. Per process: each worker (L2C_WORKERS) learns
// its own, which costs one count per term and worker.
import type { SearchTerm } from './search-keys.js';

/** How long a term stays known broad: a name change elsewhere can make it rare, which only slows its pages. */
export const BROAD_TTL_MS = 5 * 60_000;
/** At most this many remembered terms in the process (least recently used forgotten first): ~100 bytes each. */
const MAX_TERMS = 5000;

// key → expiry (ms). A Map iterates in insertion order, so re-inserting on use makes the first key the least recent.
const broad = new Map<string, number>();

const keyOf = (tenantId: string, t: SearchTerm) => `${tenantId}\u0000${t.term}\u0000${t.compact ?? ''}`;

/** true when the term was counted broad in this tenant within BROAD_TTL_MS, else null (unknown: count it). */
export function knownBroad(tenantId: string, t: SearchTerm, now = Date.now()): true | null {
  const key = keyOf(tenantId, t);
  const expires = broad.get(key);
  if (expires === undefined) return null;
  broad.delete(key);
  if (expires <= now) return null;
  broad.set(key, expires);
  return true;
}

/** Remember what the list statement counted for the term (only a broad outcome is kept, see above). */
export function rememberBroad(tenantId: string, t: SearchTerm, isBroad: boolean, now = Date.now()): void {
  const key = keyOf(tenantId, t);
  broad.delete(key);
  if (!isBroad) return;
  broad.set(key, now + BROAD_TTL_MS);
  while (broad.size > MAX_TERMS) broad.delete(broad.keys().next().value!);
}

/** Forget every remembered term (tests). */
export function forgetBroadTerms(): void {
  broad.clear();
}
