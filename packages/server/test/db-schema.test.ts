// platform/schema.ts (the Kysely Database type) is generated from the migrations; this fails while the committed file
// and what the migrations make disagree, so a new migration cannot land without its types.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { generateSchema, textChoices } from '../src/platform/schema-gen.js';

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../src/platform/schema.ts');

describe('typed database schema', () => {
  let db: Db | null = null;
  afterAll(async () => { await db?.close(); });

  it('platform/schema.ts is what the migrations make (run npm run db:schema)', async () => {
    // its own fresh PGlite: the shared test database may carry tables a test made
    db = await openDb({ databaseUrl: null, dataDir: 'memory://' });
    await migrate(db);
    const generated = await generateSchema(db.kysely);
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === generated, 'platform/schema.ts is stale: run npm run db:schema and commit it').toBe(true);
    // the types a person relies on
    expect(generated).toContain("role: 'admin' | 'sales_manager' | 'sales_rep' | 'finance' | 'marketer' | 'executive';");
    expect(generated).toMatch(/export interface ReceivablesTable \{[^}]*\n {2}amount: Numeric;/);
    expect(generated).toMatch(/export interface ReceivablesTable \{[^}]*\n {2}due_date: BusinessDate;/);
    expect(generated).toMatch(/export interface CustomersTable \{[^}]*\n {2}id: Generated<string>;/);
  }, 120_000);

  it('reads the text choices of a CHECK as PostgreSQL prints it, and nothing else', () => {
    expect(textChoices("CHECK ((kind = ANY (ARRAY['apply'::text, 'reverse'::text])))")).toEqual(['apply', 'reverse']);
    expect(textChoices("CHECK ((tax_rate = ANY (ARRAY[(0)::numeric, 0.06])))")).toBeNull();
    expect(textChoices("CHECK ((amount > (0)::numeric))")).toBeNull();
  });
});
