// HTTP load generator, run in a worker thread so the clients' own work (fetch, reading bodies) does not share
// an event loop with the server under test. Keep-alive connections via the built-in fetch (undici).
import { parentPort, workerData } from 'node:worker_threads';
import { runLoad, type LoadOptions } from './lib.js';

export interface HttpJob {
  baseUrl: string;
  path: string;
  token: string;
  load: LoadOptions;
}

const job = workerData as HttpJob;
const url = job.baseUrl + job.path;
const headers = { authorization: `Bearer ${job.token}`, accept: 'application/json' };

const result = await runLoad(job.load, async () => {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(job.load.timeoutMs ?? 120_000) });
  const body = await res.arrayBuffer(); // the whole body, so latency includes the transfer
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
});
parentPort!.postMessage(result, [result.latencies.buffer as ArrayBuffer]);
