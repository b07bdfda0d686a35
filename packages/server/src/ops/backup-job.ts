// The backup as the running server takes it: on a schedule (a job, off by default), and on request of
// `npm run backup` when the embedded data folder is locked by this process (SIGUSR2 plus a request file: PGlite has
// one connection and one owner, so only the server itself can read its database while it runs).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db.js';
import type { JobDefinition } from '../platform/jobs.js';
import { backupFileName, pruneBackups, writeBackup } from './backup.js';

export const REQUEST_FILE = 'l2c.backup-request';

export interface BackupSchedule { dir: string; keep: number; everyMs: number }

/** L2C_BACKUP_EVERY (e.g. 24h, 6h, 30m; unset or 0: no scheduled backups), L2C_BACKUP_DIR (./backups), L2C_BACKUP_KEEP (7). */
export function backupSchedule(env: NodeJS.ProcessEnv = process.env): BackupSchedule | null {
  const every = (env.L2C_BACKUP_EVERY ?? '').trim();
  if (!every || every === '0') return null;
  const m = every.match(/^(\d+)\s*(m|h|d)$/);
  if (!m || Number(m[1]) === 0) throw new Error(`L2C_BACKUP_EVERY must be a number of minutes, hours or days (30m, 6h, 1d), not ${JSON.stringify(every)}`);
  const everyMs = Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
  const keep = Number(env.L2C_BACKUP_KEEP ?? 7);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`L2C_BACKUP_KEEP must be a whole number ≥ 1, not ${JSON.stringify(env.L2C_BACKUP_KEEP)}`);
  return { dir: path.resolve(env.L2C_BACKUP_DIR ?? './backups'), keep, everyMs };
}

/** One backup per period across all server processes (the jobs table's claim), then the oldest beyond `keep` go. */
export function backupJob(s: BackupSchedule): JobDefinition {
  return {
    name: 'ops.backup',
    runKey: (now) => new Date(Math.floor(now.getTime() / s.everyMs) * s.everyMs).toISOString(),
    run: async (db, now) => {
      const r = await writeBackup(db, path.join(s.dir, backupFileName(now)));
      const removed = pruneBackups(s.dir, s.keep);
      return { file: path.basename(r.file), bytes: r.bytes, rows: r.rows, ms: r.ms, removed: removed.length };
    },
  };
}

/** Embedded only: answer `npm run backup` while this process holds the data folder. */
export function listenForBackupRequests(db: Db, dataDir: string, log: FastifyBaseLogger): () => void {
  let busy = false;
  const onSignal = () => {
    const requestPath = path.join(dataDir, REQUEST_FILE);
    if (busy || !fs.existsSync(requestPath)) return;
    busy = true;
    void (async () => {
      let target = '';
      try {
        target = fs.readFileSync(requestPath, 'utf8').trim();
        fs.rmSync(requestPath, { force: true });
        const r = await writeBackup(db, target);
        log.info({ file: r.file, bytes: r.bytes, rows: r.rows, ms: r.ms }, 'backup written on request');
      } catch (err) {
        log.error({ err }, 'backup on request failed');
        if (target) fs.writeFileSync(`${target}.error`, String((err as Error).message ?? err));
      } finally {
        busy = false;
      }
    })();
  };
  process.on('SIGUSR2', onSignal);
  return () => process.off('SIGUSR2', onSignal);
}
