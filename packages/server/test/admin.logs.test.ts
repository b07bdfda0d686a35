// The console: JSON lines for machines; on a terminal short lines, no line per request (errors and slow ones still
// show), no health checks, and no second "listening" line (main.ts prints the one start-up line).
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { prettyLine, loggerOptions } from '../src/platform/log.js';

const line = (o: Record<string, unknown>) => JSON.stringify({ level: 30, time: Date.UTC(2026, 11, 6, 1, 2, 3), pid: 1, hostname: 'h', ...o });

describe('console logs', () => {
  it('a terminal gets readable lines and none per ordinary request', () => {
    expect(prettyLine(line({ msg: 'incoming request', reqId: 'r1', req: { url: '/api/v1/customers' } }), false)).toBeNull();
    expect(prettyLine(line({ msg: 'request completed', reqId: 'r1', res: { statusCode: 200 }, responseTime: 12 }), false)).toBeNull();
    expect(prettyLine(line({ msg: 'Server listening at http://127.0.0.1:3000' }), false)).toBeNull();
    expect(prettyLine(line({ level: 50, msg: 'request completed', res: { statusCode: 500 }, responseTime: 3.2 }), false)).toMatch(/ERROR request completed {2}status=500 ms=3$/);
    expect(prettyLine(line({ msg: 'request completed', res: { statusCode: 200 }, responseTime: 2500 }), false)).toContain('status=200 ms=2500');
    expect(prettyLine(line({ msg: 'demo tenant loaded', ms: 14200 }), false)).toMatch(/^\d\d:\d\d:\d\d INFO {2}demo tenant loaded {2}ms=14200$/);
  });

  it('health checks log nothing at info, in either format', async () => {
    const out: string[] = [];
    const opts = loggerOptions('info', false) as object;
    const app = Fastify({ logger: { ...opts, stream: { write: (s: string) => out.push(s) } } });
    app.get('/api/health', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
    app.get('/api/v1/x', async () => ({ ok: true }));
    await app.inject({ url: '/api/health' });
    expect(out).toEqual([]);
    await app.inject({ url: '/api/v1/x' });
    expect(out.map((s) => JSON.parse(s).msg)).toEqual(['incoming request', 'request completed']); // JSON lines keep the request log
    await app.close();
  });
});
