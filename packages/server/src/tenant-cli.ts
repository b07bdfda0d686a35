// `npm run tenant:create -- --slug acme --name "Acme 有限公司" --admin-email it@acme.cn [--admin-name 王磊]
//  [--admin-password …] [--timezone Asia/Shanghai] [--locale zh-CN|en]`: an operator creates a tenant with its first
// admin (domains/workspace createTenant, the same function as POST /api/operator/tenants). Without --admin-password a
// random one is made and printed once. `npm run tenant:create -- --list` lists the tenants. Uses DATABASE_URL or the
// embedded data folder like the server (stop the server first on the embedded database: one process holds its folder).
import { parseArgs } from 'node:util';
import { loadConfig } from './platform/config.js';
import { openDb } from './platform/db.js';
import { migrate } from './platform/migrate.js';
import { createTenant, listTenants } from './domains/workspace/index.js';

const USAGE = 'usage: npm run tenant:create -- --slug SLUG --name NAME --admin-email EMAIL [--admin-name NAME] [--admin-password PASSWORD] [--timezone TZ] [--locale zh-CN|en]\n       npm run tenant:create -- --list';

let args;
try {
  args = parseArgs({
    options: {
      slug: { type: 'string' }, name: { type: 'string' }, timezone: { type: 'string' },
      'admin-email': { type: 'string' }, 'admin-name': { type: 'string' }, 'admin-password': { type: 'string' },
      locale: { type: 'string' }, list: { type: 'boolean' },
    },
  }).values;
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!args.list && (!args.slug || !args.name || !args['admin-email'])) {
  console.error(USAGE);
  process.exit(2);
}
if (args['admin-password'] !== undefined && args['admin-password'].length < 8) {
  console.error('--admin-password: at least 8 characters');
  process.exit(2);
}
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(db);
  if (args.list) {
    for (const t of await listTenants(db)) console.log(`${t.slug}\t${t.name}\t${t.timezone}\t${t.createdAt}`);
  } else {
    const locale = args.locale === 'en' ? 'en' : 'zh-CN';
    const t = await createTenant(db, {
      slug: args.slug!, name: args.name!, timezone: args.timezone,
      admin: { email: args['admin-email']!, name: args['admin-name'] ?? 'Administrator', password: args['admin-password'], locale },
    });
    console.log(`tenant ${t.slug} (${t.name}) created: ${t.tenantId}`);
    console.log(`admin ${t.adminEmail}${t.initialPassword ? ` — initial password (shown once): ${t.initialPassword}` : ''}`);
    console.log(`log in with the tenant "${t.slug}" when the email is used in more than one tenant`);
  }
} catch (err) {
  const e = err as { code?: string; message: string; extra?: { errors?: Array<{ path: string; message: string }> } };
  console.error(e.code ? `${e.code}: ${e.message}${e.extra?.errors ? ` (${e.extra.errors.map((x) => `${x.path}: ${x.message}`).join('; ')})` : ''}` : e.message);
  process.exitCode = 1;
} finally {
  await db.close();
}
