// HTTP load generator, run in a worker thread so the clients' own work (sending, reading bodies) does not share an
// event loop with the server under test. Keep-alive connections, one per client.
// BENCH_HTTP_CLIENT picks the client:
//   raw    (default) a keep-alive socket per client that writes the same request bytes each time and reads the answer
//          by its content-length, as wrk does: on these two shared cores every millisecond the load generator spends
//          is one the server under test does not get. The bench process's CPU per customer-list request: ~0.8 ms with
//          node:http (0.33 cores at 403 req/s), ~0.45 with this client (0.21 at 459) — issue 13, session 10.
//   http   node:http with a keep-alive agent (the default until session 10).
//   fetch  the built-in fetch, undici behind WHATWG streams, ~2–3× the CPU per request of node:http (every API figure
//          up to 2026-12-06 session 5 paid it).
// Every client checks each answer's status; the body is read to its last byte before the request counts as done.
import http from 'node:http';
import net from 'node:net';
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
const client = process.env.BENCH_HTTP_CLIENT === 'fetch' ? 'fetch' : process.env.BENCH_HTTP_CLIENT === 'http' ? 'http' : 'raw';
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

const REQUEST = Buffer.from(`GET ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n` +
  `authorization: ${headers.authorization}\r\naccept: ${headers.accept}\r\n\r\n`, 'latin1');
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

/**
 * One client's keep-alive connection, one request at a time. An answer is complete when its head and content-length
 * bytes of body have arrived; an answer without a content-length (chunked) is refused: the API under test sends one.
 */
class RawConnection {
  private socket: net.Socket | null = null;
  private chunks: Buffer[] = [];
  private received = 0;
  private need = -1; // head + body bytes of the answer in flight, once its head is read
  private status = 0;
  private close = false;
  private waiting: { resolve: () => void; reject: (e: Error) => void } | null = null;

  get(): Promise<void> {
    if (this.waiting) this.fail(new Error('a request that never finished (timed out)')); // its answer would be taken for ours
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      if (!this.socket) this.connect();
      this.socket!.write(REQUEST);
    });
  }

  private connect() {
    const s = net.connect({ host: url.hostname, port: Number(url.port) });
    s.setNoDelay(true);
    s.on('data', (c: Buffer) => this.onData(c));
    s.on('error', (e) => this.fail(e));
    s.on('close', () => { if (this.socket === s) this.fail(new Error('connection closed before the answer')); });
    this.socket = s;
  }

  private onData(c: Buffer) {
    this.chunks.push(c);
    this.received += c.length;
    if (this.need < 0) {
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      this.chunks = [all];
      const end = all.indexOf(HEAD_END);
      if (end < 0) return;
      const head = all.toString('latin1', 0, end);
      this.status = Number(head.slice(9, 12));
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!length) return this.fail(new Error(`an answer without content-length (HTTP ${this.status}): use BENCH_HTTP_CLIENT=http`));
      this.close = /\r\nconnection:\s*close/i.test(head);
      this.need = end + HEAD_END.length + Number(length[1]);
    }
    if (this.received < this.need) return;
    if (this.received > this.need) return this.fail(new Error('more bytes than the answer: the server answered twice'));
    const w = this.waiting;
    const status = this.status;
    const body = status === 200 ? '' : Buffer.concat(this.chunks).toString('utf8').slice(0, 300);
    this.chunks = [];
    this.received = 0;
    this.need = -1;
    this.waiting = null;
    if (this.close) this.drop();
    if (status !== 200) w?.reject(new Error(`HTTP ${status}: ${body}`));
    else w?.resolve();
  }

  private fail(e: Error) {
    this.drop();
    const w = this.waiting;
    this.waiting = null;
    w?.reject(e);
  }

  /** Forget the connection (the next request opens another). */
  drop() {
    const s = this.socket;
    this.socket = null;
    this.chunks = [];
    this.received = 0;
    this.need = -1;
    s?.destroy();
  }
}

const raw = Array.from({ length: job.load.concurrency }, () => new RawConnection());
// a failed request leaves its connection mid-answer: the loop drops it and the next request starts afresh
const getRaw = async (loop: number) => {
  const conn = raw[loop]!;
  try {
    await conn.get();
  } catch (err) {
    conn.drop();
    throw err;
  }
};

const result = await runLoad(job.load, client === 'fetch' ? getByFetch : client === 'http' ? get : getRaw);
agent.destroy();
for (const c of raw) c.drop();
parentPort!.postMessage(result, [result.latencies.buffer as ArrayBuffer]);
