// The job runs' statements (jobs.ts): claim a run key by insert (or take over an expired lease), mark it finished.
import { sql } from 'kysely';
import type { Kdb } from './db.js';

export async function claimJobRun(db: Kdb, job: string, runKey: string, owner: string, leaseSeconds: number): Promise<boolean> {
  const r = await sql<{ job: string }>`
    insert into job_runs (job, run_key, owner, lease_until) values (${job}, ${runKey}, ${owner}, now() + make_interval(secs => ${leaseSeconds}))
    on conflict (job, run_key) do update set owner = excluded.owner, lease_until = excluded.lease_until, started_at = now()
      where job_runs.finished_at is null and job_runs.lease_until < now()
    returning job`.execute(db);
  return r.rows.length === 1;
}

export async function finishJobRun(db: Kdb, job: string, runKey: string, result: unknown): Promise<void> {
  await db.updateTable('job_runs').set({ finished_at: sql`now()`, result: JSON.stringify(result ?? null) })
    .where('job', '=', job).where('run_key', '=', runKey).execute();
}
