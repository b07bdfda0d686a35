// Start the product: API + web on one port. Graceful shutdown on SIGTERM/SIGINT.
import { createApp } from './app.js';
import { DataDirLockedError } from './platform/lockfile.js';

try {
  const l2c = await createApp();
  const { port, host } = l2c.config;
  await l2c.app.listen({ port, host });
  l2c.app.log.info(`L2C is running: http://localhost:${port} (database: ${l2c.db.kind})`);
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
