// Configuration comes from the environment only; defaults start the embedded product.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  logLevel: string;
  jobs: boolean;
  cookieSecure: boolean;
  /** Which proxies may set X-Forwarded-For/-Proto (L2C_TRUST_PROXY); false: none, the socket address is the client. */
  trustProxy: TrustProxy;
  sessionHours: number;
  webDist: string | null;
  timezone: string;
  /** L2C_METRICS_TOKEN: bearer for /api/metrics; unset → metrics off (404). */
  metricsToken: string | null;
  /** L2C_PUBLIC_URL: the address integrators reach this server at (the OpenAPI document's `servers`). */
  publicUrl: string | null;
  /** L2C_OPERATOR_TOKEN: bearer for the operator's /api/operator/* (tenants); unset → those routes answer 404. */
  operatorToken: string | null;
  /** Load shedding (platform/overload.ts): L2C_MAX_INFLIGHT requests in flight, L2C_MAX_DB_WAITING queued queries. */
  maxInflight: number;
  maxDbWaiting: number;
  /** Webhooks (domains/webhooks): L2C_WEBHOOKS=1/0 starts or stops this process's sender (unset: with the jobs); L2C_WEBHOOK_ALLOW_PRIVATE=1 lets
   * subscriptions reach private and loopback addresses; L2C_WEBHOOK_MAX_ATTEMPTS, L2C_WEBHOOK_BACKOFF_MS (first retry). */
  webhookSender: boolean | null;
  webhookAllowPrivate: boolean;
  webhookMaxAttempts: number;
  webhookBackoffMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.L2C_DATA_DIR ?? './data'),
    demo: env.L2C_DEMO !== '0',
    adminEmail: env.L2C_ADMIN_EMAIL || null,
    adminPassword: env.L2C_ADMIN_PASSWORD || null,
    logLevel: env.L2C_LOG_LEVEL ?? 'info',
    jobs: env.L2C_JOBS !== '0',
    cookieSecure: env.L2C_COOKIE_SECURE === '1',
    trustProxy: parseTrustProxy(env.L2C_TRUST_PROXY),
    sessionHours: Number(env.L2C_SESSION_HOURS ?? 12),
    webDist: env.L2C_WEB_DIST ?? path.resolve(import.meta.dirname, '../../../web/dist'),
    timezone: env.L2C_TIMEZONE ?? 'Asia/Shanghai',
    metricsToken: env.L2C_METRICS_TOKEN || null,
    publicUrl: env.L2C_PUBLIC_URL || null,
    operatorToken: env.L2C_OPERATOR_TOKEN || null,
    maxInflight: Number(env.L2C_MAX_INFLIGHT ?? 256),
    maxDbWaiting: Number(env.L2C_MAX_DB_WAITING ?? 64),
    webhookSender: env.L2C_WEBHOOKS === '1' ? true : env.L2C_WEBHOOKS === '0' ? false : null,
    webhookAllowPrivate: env.L2C_WEBHOOK_ALLOW_PRIVATE === '1',
    webhookMaxAttempts: Number(env.L2C_WEBHOOK_MAX_ATTEMPTS ?? 8),
    webhookBackoffMs: Number(env.L2C_WEBHOOK_BACKOFF_MS ?? 30_000),
  };
}

/** Addresses or CIDRs of the proxies in front of L2C (or proxy-addr's names: loopback, linklocal, uniquelocal), or a hop count. */
export type TrustProxy = string[] | number | false;

/**
 * L2C_TRUST_PROXY: unset or empty → trust no proxy; `2` → trust that many hops; `127.0.0.1,10.0.0.0/8` → trust
 * these proxies only. `true`/`*` is refused: trusting every peer lets any client choose its address, and with it its
 * login rate-limit bucket.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (!v || v === '0' || v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === '*') throw new Error('L2C_TRUST_PROXY must name the proxies (addresses, CIDRs) or a hop count, not trust everyone');
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}
