// The authentication's token cache (issue 13). Every request used to look its token up: a three-table join, on the
// embedded database 0.35 ms of the app's own thread per request, on a server ~0.05 ms of database CPU and the parsing
// of its row. This process remembers the rows it looked up, by token hash, and a request with a remembered token only
// checks the tenant's auth epoch (migration 039), which every change the look-up would see counts up in the change's
// own transaction: same epoch, same row. So a revoked token, a deactivated user, a changed role, team or time zone is
// seen by the very next request in every process, as exactly as by the look-up; only the look-up's work is saved.
// Expiry is checked here against the clock (the look-up checks it against the database's). Nothing else is cached:
// the settings that row-level security reads are set in the request's transaction from the row as before.
import type { Db } from './db.js';
import type { TokenRow } from './auth.sql.js';

/** Rows kept per database (a token in use is a session or an integration's key: thousands at most in a tenant). */
const MAX_ROWS = 10_000;
const caches = new WeakMap<Db, Map<string, TokenRow>>();
let hits = 0;

/** How many requests this process authenticated from a remembered row (tests, metrics). */
export function tokenCacheHits(): number {
  return hits;
}

/** The row remembered for this token hash, unless the token has expired since. */
export function rememberedToken(db: Db, tokenHash: string): TokenRow | undefined {
  const cache = caches.get(db);
  const row = cache?.get(tokenHash);
  if (!row) return undefined;
  if (row.expires_at !== null && Date.parse(row.expires_at) <= Date.now()) {
    cache!.delete(tokenHash);
    return undefined;
  }
  return row;
}

/** Remember the row a look-up returned (none: forget the token). */
export function rememberToken(db: Db, tokenHash: string, row: TokenRow | undefined): void {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  if (!row) {
    cache.delete(tokenHash);
    return;
  }
  cache.delete(tokenHash); // re-inserted last: the oldest entry is the first the limit evicts
  if (cache.size >= MAX_ROWS) cache.delete(cache.keys().next().value!);
  cache.set(tokenHash, row);
}

/** The remembered row still holds: the tenant's epoch is the one read with it. Counts the hit. */
export function stillValid(row: TokenRow, epoch: number): boolean {
  if (epoch !== row.epoch) return false;
  hits++;
  return true;
}
