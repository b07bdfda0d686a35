// Load shedding: under overload the server answers 503 common.overloaded with Retry-After at once, instead of queueing
// requests without bound (each queued request holds a socket and memory, and answers late enough to be retried by its
// client anyway — the queue only grows). Two limits, checked before authentication (which itself reads the database):
//   - requests in flight in this process (L2C_MAX_INFLIGHT, default 256);
//   - queries waiting for a database connection (L2C_MAX_DB_WAITING, default 64): the pool is the real bottleneck,
//     and past a queue this long a new request would wait longer than a client waits.
// The operations endpoints (/api/health, /api/ready, /api/metrics) are never refused: they are how one sees overload.
import type { App } from './http.js';
import { defineErrors } from './errors.js';

export interface OverloadOptions { maxInflight: number; maxDbWaiting: number; retryAfterSeconds?: number }

const overloadError = defineErrors('common', {
  overloaded: [503, 'The server is overloaded; try again in a moment'],
});

let refusals = 0;
/** Requests this process refused with common.overloaded (for /api/metrics). */
export function overloadRefusals(): number {
  return refusals;
}

const EXEMPT = new Set(['/api/health', '/api/ready', '/api/metrics']);

export function overloadGuard(app: App, pool: { waitingCount: number }, opts: OverloadOptions): void {
  let inflight = 0;
  const retryAfterSeconds = opts.retryAfterSeconds ?? 1;
  // one listener function for every response (not a closure per request): 'close' fires once per response
  const done = () => { inflight--; };
  app.addHook('onRequest', async (req, reply) => {
    const url = req.url;
    if (!url.startsWith('/api/') || (url.charCodeAt(5) !== 118 /* /api/v1/…: never exempt */ && EXEMPT.has(pathOf(url)))) return;
    if (inflight >= opts.maxInflight || pool.waitingCount >= opts.maxDbWaiting) {
      refusals++;
      const why = inflight >= opts.maxInflight ? `${inflight} requests in flight (limit ${opts.maxInflight})` : `${pool.waitingCount} queries waiting for a database connection (limit ${opts.maxDbWaiting})`;
      req.log.warn({ inflight, dbWaiting: pool.waitingCount }, `refused: overloaded, ${why}`);
      throw overloadError('overloaded', undefined, { retryAfterSeconds });
    }
    inflight++;
    // 'close' fires once however the exchange ends: answered, failed, or the client went away
    reply.raw.on('close', done);
  });
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}
