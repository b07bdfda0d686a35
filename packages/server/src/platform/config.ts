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
  sessionHours: number;
  webDist: string | null;
  timezone: string;
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
    sessionHours: Number(env.L2C_SESSION_HOURS ?? 12),
    webDist: env.L2C_WEB_DIST ?? path.resolve(import.meta.dirname, '../../../web/dist'),
    timezone: env.L2C_TIMEZONE ?? 'Asia/Shanghai',
  };
}
