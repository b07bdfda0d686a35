// Sending one webhook: the signature, the address check (no private or loopback targets unless allowed) and the POST.
//
// Signature (docs/webhooks.md): header `L2C-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
// as Stripe does it; the receiver recomputes it over the raw body and refuses a timestamp older than a few minutes.
import crypto from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export function newSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString('base64url')}`;
}

export function sign(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

// Addresses a webhook must not reach from the server's network: loopback, private, link-local (cloud metadata),
// carrier-grade NAT, unspecified, multicast and the IPv6 equivalents (IPv4-mapped ones are checked as IPv4).
const BLOCKED = new net.BlockList();
for (const [a, p] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) BLOCKED.addSubnet(a, p, 'ipv4');
for (const [a, p] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) BLOCKED.addSubnet(a, p, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
  const family = net.isIP(address);
  if (family === 0) return true; // not an address at all: refuse
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why this URL cannot be a webhook target (its form, or a literal private address), or null. Names are checked at send. */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'use an http:// or https:// address';
  if (url.username || url.password) return 'no user name or password in the address; verify the signature instead';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (net.isIP(host) !== 0 && isPrivateAddress(host)))) {
    return 'private and loopback addresses are refused (the server allows them with L2C_WEBHOOK_ALLOW_PRIVATE=1)';
  }
  return null;
}

/** A DNS lookup that refuses private answers, so a public name cannot be pointed at the internal network. */
function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const bad = !allowPrivate && list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(Object.assign(new Error(`${hostname} resolves to a private address (${bad.address})`), { code: 'EPRIVATE' }), '', 0);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export interface SendResult { statusCode: number | null; latencyMs: number; error: string | null }

export interface SendInput { url: string; secret: string; body: string; eventId: string; eventType: string; deliveryId: string; attempt: number }

/** POST the body, signed; any 2xx is success. At most `timeoutMs`; the answer's body is read and dropped (64 KB at most). */
export async function send(input: SendInput, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<SendResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): SendResult => ({ statusCode, latencyMs: Math.round(performance.now() - started), error });
  const problem = urlProblem(input.url, opts.allowPrivate);
  if (problem) return done(null, problem);
  const url = new URL(input.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    const req = client.request(url, {
      method: 'POST',
      lookup: guardedLookup(opts.allowPrivate),
      timeout: opts.timeoutMs,
      headers: {
        'content-type': 'application/json', 'content-length': Buffer.byteLength(input.body), 'user-agent': 'L2C-Webhooks/1',
        'l2c-signature': sign(input.secret, input.body), 'l2c-event-id': input.eventId, 'l2c-event-type': input.eventType,
        'l2c-delivery-id': input.deliveryId, 'l2c-delivery-attempt': String(input.attempt),
      },
    }, (res) => {
      let seen = 0;
      res.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > 65_536) res.destroy();
      });
      const finish = () => resolve(done(res.statusCode ?? null, res.statusCode && res.statusCode >= 200 && res.statusCode < 300 ? null : `HTTP ${res.statusCode}`));
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err) => resolve(done(null, err.message.slice(0, 300))));
    req.end(input.body);
  });
}

/** Exponential backoff with jitter: base · 2^(attempt−1), times a random factor in [0.5, 1.5), at most six hours. */
export function backoffMs(attempt: number, baseMs: number): number {
  const raw = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
  return Math.round(raw * (0.5 + Math.random()));
}
