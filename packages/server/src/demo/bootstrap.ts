// Start-up bootstrap: the deployment's admin (L2C_ADMIN_EMAIL/L2C_ADMIN_PASSWORD) and, on the first start of an
// empty embedded database, the demo tenant.
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { asSystem, type Db } from '../platform/db.js';
import type { Config } from '../platform/config.js';
import { refreshStatistics } from '../platform/statistics.js';
import { hashPassword, verifyPassword } from '../domains/identity/index.js';
import { loadDemo } from './demo-data.js';
import { createTenant } from '../domains/workspace/index.js';

export const DEFAULT_TENANT_SLUG = 'default';

export async function bootstrap(db: Db, config: Config, log: FastifyBaseLogger): Promise<void> {
  const empty = await asSystem(db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from tenants`.execute(tx)).rows[0]!.n === 0);
  // Embedded: demo by default. Server: only when asked for explicitly (L2C_DEMO=1), never into a real deployment by accident.
  const wantDemo = config.demo && (db.kind === 'pglite' || process.env.L2C_DEMO === '1');
  if (empty && wantDemo) {
    const started = Date.now();
    const steps = await loadDemoTenant(db);
    log.info({ ms: Date.now() - started, steps }, 'demo tenant loaded');
  } else if (db.copiedFrom === 'demo') {
    log.info('demo tenant copied from the one npm install made today (platform/pglite-template.ts)');
  }
  if (config.adminEmail && config.adminPassword) await ensureAdmin(db, config.adminEmail.toLowerCase(), config.adminPassword, log);
}

/** The demo tenant as a first start loads it — also into the install-time demo template (db-template-cli.ts). */
export async function loadDemoTenant(db: Db): Promise<Record<string, number>> {
  const { steps } = await loadDemo(db);
  await refreshStatistics(db); // two years of rows just arrived; plan the first screens with real counts
  return steps;
}

export async function ensureAdmin(db: Db, email: string, password: string, log?: FastifyBaseLogger): Promise<void> {
  // `default` is just a tenant: on the first start it is created the way an operator creates one, with this admin.
  const hasDefault = await asSystem(db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from tenants where slug = ${DEFAULT_TENANT_SLUG}`.execute(tx)).rows[0]!.n > 0);
  if (!hasDefault) {
    try {
      await createTenant(db, { slug: DEFAULT_TENANT_SLUG, name: 'Default', admin: { email, name: 'Administrator', password } });
      log?.info({ email }, 'default tenant created with its admin');
      return;
    } catch (err) {
      // another process created it a moment ago: fall through and ensure the admin in it
      if ((err as { code?: string }).code !== 'workspace.slug_taken') throw err;
    }
  }
  const existing = await asSystem(db, async (tx) => {
    const r = await sql<{ id: string; password_hash: string; role: string }>`select u.id, u.password_hash, u.role from users u
      join tenants t on t.id = u.tenant_id where t.slug = ${DEFAULT_TENANT_SLUG} and u.email = ${email}`.execute(tx);
    return r.rows[0];
  });
  if (existing && existing.role === 'admin' && (await verifyPassword(existing.password_hash, password))) return;
  const hash = await hashPassword(password);
  await asSystem(db, async (tx) => {
    await sql`insert into users (tenant_id, email, name, role, password_hash)
      select id, ${email}, 'Administrator', 'admin', ${hash} from tenants where slug = ${DEFAULT_TENANT_SLUG}
      on conflict (tenant_id, email) do update set role = 'admin', password_hash = excluded.password_hash, active = true,
        failed_logins = 0, locked_until = null, updated_at = now()`.execute(tx);
  });
  log?.info({ email }, 'admin of the default tenant ensured');
}
