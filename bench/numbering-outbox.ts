// Bench: what migration 032 adds to every money write (`tsx bench/numbering-outbox.ts`; PGlite in memory by default,
// PostgreSQL with DATABASE_URL). Each figure is a transaction per call, sequential, against its bare-SQL counterpart in
// the same run:
//   (a) a document number: the counter statement that also reads the type's format (nextDocNumber), against the
//       pre-032 counter upsert alone;
//   (b) an event: a transaction with an audit entry and an outbox event (emitEvent, written before commit), against the
//       same transaction with the audit entry alone.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDb, asSystem, inTenant, type Db } from '../packages/server/src/platform/db.js';
import { migrate } from '../packages/server/src/platform/migrate.js';
import { nextDocNumber } from '../packages/server/src/platform/sequences.js';
import { recordAudit } from '../packages/server/src/platform/audit.js';
import { emitEvent } from '../packages/server/src/platform/outbox.js';
import { createTenant } from '../packages/server/src/domains/workspace/index.js';
import { envInt, log, table } from './lib.js';

const N = envInt('BENCH_NUMBERING_CALLS', 2000);

async function timed(n: number, fn: (i: number) => Promise<void>): Promise<{ p50: number; mean: number }> {
  for (let i = 0; i < Math.min(100, n); i++) await fn(-1 - i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(n / 2)]!, mean: ms.reduce((s, x) => s + x, 0) / n };
}

async function main() {
  const db: Db = await openDb({ databaseUrl: process.env.DATABASE_URL || null, dataDir: 'memory://' });
  try {
    await migrate(db);
    const slug = `bench-num-${crypto.randomBytes(3).toString('hex')}`;
    const { tenantId, adminId } = await createTenant(db, { slug, name: slug, settings: {}, admin: { email: `a@${slug}.test`, name: 'a', passwordHash: 'x' } });
    const actor = { tenantId, userId: adminId, timeZone: 'Asia/Shanghai' };
    const year = Number(new Date().toISOString().slice(0, 4));
    const today = new Date().toISOString().slice(0, 10);

    const bareCounter = await timed(N, () => asSystem(db, async (tx) => {
      await sql`insert into doc_sequences (tenant_id, doc_type, year, last_value) values (${tenantId}, 'ZA', ${year}, 1)
        on conflict (tenant_id, doc_type, year) do update set last_value = doc_sequences.last_value + 1 returning last_value`.execute(tx);
    }));
    const formatted = await timed(N, () => asSystem(db, async (tx) => { await nextDocNumber(tx, actor, 'ZB', today); }));

    // on a server the number is taken on the side pool in autocommit (inTenant's transactions): that path as well
    let side: { named: Awaited<ReturnType<typeof timed>>; bare: Awaited<ReturnType<typeof timed>> } | null = null;
    if (db.side) {
      const bare = await timed(N, async () => {
        await db.side!.query(`insert into doc_sequences (tenant_id, doc_type, year, last_value) values ($1, 'ZC', $2, 1)
          on conflict (tenant_id, doc_type, year) do update set last_value = doc_sequences.last_value + 1 returning last_value`, [tenantId, year]);
      });
      const named = await timed(N, () => inTenant(db, actor, async (tx) => { await nextDocNumber(tx, actor, 'ZD', today); }));
      const emptyTx = await timed(N, () => inTenant(db, actor, async () => {}));
      side = { named: { p50: named.p50 - emptyTx.p50, mean: named.mean - emptyTx.mean }, bare };
    }

    const entityId = crypto.randomUUID();
    const auditOnly = await timed(N, () => asSystem(db, async (tx) => {
      await recordAudit(tx, actor, { action: 'bench', entityType: 'payment', entityId, changes: [{ field: 'status', before: 'claimed', after: 'confirmed' }] });
    }));
    const withEvent = await timed(N, () => asSystem(db, async (tx) => {
      await recordAudit(tx, actor, { action: 'bench', entityType: 'payment', entityId, changes: [{ field: 'status', before: 'claimed', after: 'confirmed' }] });
      await emitEvent(tx, actor, { type: 'payment.confirmed', entityType: 'payment', entityId, data: { id: entityId, amount: '8800.00', currency: 'CNY', status: 'confirmed' } });
    }));
    await asSystem(db, async (tx) => { await sql`delete from outbox_events where tenant_id = ${tenantId}`.execute(tx); });

    const row = (name: string, a: { p50: number; mean: number }, b: { p50: number; mean: number }) =>
      [name, a.p50.toFixed(3), b.p50.toFixed(3), (a.p50 / b.p50).toFixed(2), a.mean.toFixed(3), b.mean.toFixed(3)];
    log(`numbering and outbox on ${db.kind}, ${N} transactions each, sequential`);
    console.log(table(['figure', 'p50 ms', 'bare p50 ms', 'ratio', 'mean ms', 'bare mean ms'], [
      row('number with its format (nextDocNumber) vs counter upsert', formatted, bareCounter),
      row('audit entry + outbox event vs audit entry alone', withEvent, auditOnly),
      ...(side ? [row('server: number on the side pool (named statement; an empty transaction subtracted) vs bare upsert there', side.named, side.bare)] : []),
    ]));
  } finally {
    await db.close();
  }
}

await main();
