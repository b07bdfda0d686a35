// Start the product: API + web on one port. Graceful shutdown on SIGTERM/SIGINT.
// With DATABASE_URL and L2C_WORKERS above 1, this process is the primary of that many worker processes sharing the
// port (platform/cluster.ts); each worker runs the server below.
import cluster from 'node:cluster';
import { DataDirLockedError } from './platform/lockfile.js';
import { WorkersSettingError, runPrimary, workerCount } from './platform/cluster.js';

async function serve(): Promise<void> {
  try {
    // Imported here, not at the top: the primary of several workers serves nothing and need not load the app (it
    // was a third copy of the app's ~200 MB with L2C_WORKERS=2).
    const { createApp } = await import('./app.js');
    const { listTenants } = await import('./domains/workspace/index.js');
    const { DEMO_PASSWORD, DEMO_USERS } = await import('./demo/demo-data.js');
    // the first of each role: enough to try every screen (README lists all of them)
    const DEMO_LOGINS = DEMO_USERS.filter((u, i) => DEMO_USERS.findIndex((x) => x.role === u.role) === i).map((u) => `${u.email} (${u.role})`).join(', ');
    const l2c = await createApp();
    const { port, host } = l2c.config;
    await l2c.app.listen({ port, host });
    const worker = cluster.isWorker ? ` (worker ${process.env.L2C_WORKER_INDEX ?? cluster.worker?.id}, pid ${process.pid})` : '';
    // one start-up line: where, on which database, and the demo's logins when the demo tenant is there
    const demo = (await listTenants(l2c.db)).some((t) => t.slug === 'demo') ? ` — demo logins: ${DEMO_LOGINS} (password ${DEMO_PASSWORD})` : '';
    l2c.app.log.info(`L2C is running: http://localhost:${port} (database: ${l2c.db.kind})${worker}${cluster.isWorker ? '' : demo}`);
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      l2c.app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      await l2c.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`L2C cannot start: ${err.message}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  }
}

if (cluster.isWorker) {
  await serve();
} else {
  let workers = 1;
  try {
    workers = workerCount();
  } catch (err) {
    if (!(err instanceof WorkersSettingError)) throw err;
    console.error(`L2C cannot start: ${err.message}`);
    process.exit(2);
  }
  if (workers === 1) {
    await serve();
  } else {
    // the primary speaks pino's JSON lines too, so one log reader reads all of it
    const log = (msg: string) => console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, role: 'primary', msg }));
    log(`starting ${workers} worker processes (L2C_WORKERS) on port ${process.env.PORT ?? 3000}`);
    process.exit(await runPrimary({ workers, log }));
  }
}
