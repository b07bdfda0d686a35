// HTTP load generator, run in a worker thread so the clients' own work (sending, reading bodies) does not share an
// event loop with the server under test. Keep-alive connections, one per client.
// BENCH_HTTP_CLIENT picks the client: `http` (default: node:http with a keep-alive agent — a lean client, as a load
// generator such as wrk or autocannon is) or `fetch` (the built-in fetch, undici behind WHATWG streams, which costs
// the shared cores ~2–3× the CPU per request of node:http: up to 2026-12-06 session 5 every API figure paid it).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { runLoad, type LoadOptions } from './lib.js';

export interface HttpJob {
  baseUrl: string;
  path: string;
  token: string;
  load: LoadOptions;
}

const job = workerData as HttpJob;
const url = new URL(job.baseUrl + job.path);
const headers = { authorization: `Bearer ${job.token}`, accept: 'application/json' };
const timeoutMs = job.load.timeoutMs ?? 120_000;
const client = process.env.BENCH_HTTP_CLIENT === 'fetch' ? 'fetch' : 'http';
const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(1, job.load.concurrency) });

/** One GET over node:http; resolves once the whole body arrived (latency includes the transfer). */
function get(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`));
        else resolve();
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`request timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

async function getByFetch(): Promise<void> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
}

const result = await runLoad(job.load, client === 'fetch' ? getByFetch : get);
agent.destroy();
parentPort!.postMessage(result, [result.latencies.buffer as ArrayBuffer]);
