// `npm run backup [-- FILE]`: a consistent, checksummed backup of the configured database (see docs/OPERATIONS.md).
// PostgreSQL (DATABASE_URL): read directly. Embedded, server stopped: open the data folder. Embedded, server running:
// the folder is locked by the server, so ask it (request file + SIGUSR2) and wait for its checksum file.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../platform/config.js';
import { openDb } from '../platform/db.js';
import { backupFileName, writeBackup, type BackupResult } from './backup.js';
import { REQUEST_FILE } from './backup-job.js';

const config = loadConfig();
const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const file = path.resolve(arg ?? path.join(process.env.L2C_BACKUP_DIR ?? './backups', backupFileName()));

function runningOwner(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'l2c.lock'), 'utf8'));
    if (!pid || pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function askServer(pid: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [`${file}.sha256`, `${file}.error`]) fs.rmSync(f, { force: true });
  fs.writeFileSync(path.join(config.dataDir, REQUEST_FILE), file);
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 30 * 60_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(`${file}.error`)) throw new Error(`the server (pid ${pid}) could not write the backup: ${fs.readFileSync(`${file}.error`, 'utf8')}`);
    if (fs.existsSync(`${file}.sha256`)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server (pid ${pid}) did not answer within 30 minutes`);
}

const started = Date.now();
try {
  const owner = config.databaseUrl ? null : runningOwner(config.dataDir);
  if (owner) {
    console.log(`the embedded database is in use by the server (pid ${owner}); asking it to write the backup`);
    await askServer(owner);
  } else {
    if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'PG_VERSION'))) throw new Error(`there is no embedded database in ${config.dataDir} (set L2C_DATA_DIR or DATABASE_URL)`);
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
    let r: BackupResult;
    try {
      r = await writeBackup(db, file);
    } finally {
      await db.close();
    }
    console.log(`${r.tables} tables, ${r.rows} rows`);
  }
  const sha = fs.readFileSync(`${file}.sha256`, 'utf8').split(/\s+/)[0];
  console.log(`backup written: ${file} (${fs.statSync(file).size} bytes, sha256 ${sha}) in ${Date.now() - started} ms`);
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  process.exit(1);
}
