// A transaction's end (platform/commit-writes.ts): the checks read in its last statement, with its audit entries —
// a failing check rolls the whole transaction back, its end rows included; a check named twice is read once.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTenant } from '../src/platform/db.js';
import { recordAudit } from '../src/platform/audit.js';
import { checkAtEnd } from '../src/platform/commit-writes.js';
import { makeTenant, testApp, type TestTenant } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
let a: TestTenant;

beforeAll(async () => {
  h = await testApp();
  a = await makeTenant(h.db);
});

const actor = () => ({ tenantId: a.tenantId, userId: a.users.admin.id });
const entriesOf = async (entityId: string) => inTenant(h.db, actor(), async (tx) =>
  (await sql<{ n: number }>`select count(*)::int as n from audit_log where entity_id = ${entityId}`.execute(tx)).rows[0]!.n);

describe('checks at a transaction\'s end', () => {
  it('see what the transaction wrote before its end, once per key, and let it commit when they pass', async () => {
    const team = crypto.randomUUID();
    const seen: unknown[] = [];
    await inTenant(h.db, actor(), async (tx) => {
      await recordAudit(tx, actor(), { action: 'create', entityType: 'team', entityId: team, after: { name: 'x' } });
      await sql`insert into teams (id, tenant_id, name) values (${team}, ${a.tenantId}, 'end-check')`.execute(tx);
      for (let i = 0; i < 2; i++) {
        await checkAtEnd(tx, { key: 'the team', value: sql`select count(*)::int from teams where id = ${team}`, verify: (v) => { seen.push(v); } });
      }
    });
    expect(seen).toEqual([1]);
    expect(await entriesOf(team)).toBe(1);
  });

  it('roll everything back when one fails: the transaction\'s rows and its end rows', async () => {
    const team = crypto.randomUUID();
    await expect(inTenant(h.db, actor(), async (tx) => {
      await recordAudit(tx, actor(), { action: 'create', entityType: 'team', entityId: team, after: { name: 'y' } });
      await sql`insert into teams (id, tenant_id, name) values (${team}, ${a.tenantId}, 'end-check-2')`.execute(tx);
      await checkAtEnd(tx, { key: 'always fails', value: sql`select 0`, verify: (v) => { if (v === 0) throw new Error('gap 0 found'); } });
    })).rejects.toThrow(/gap 0 found/);
    expect(await entriesOf(team)).toBe(0);
    const teams = await inTenant(h.db, actor(), async (tx) => (await sql<{ n: number }>`select count(*)::int as n from teams where id = ${team}`.execute(tx)).rows[0]!.n);
    expect(teams).toBe(0);
  });
});
