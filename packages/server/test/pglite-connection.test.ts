// node-postgres on PGlite through our connection (platform/pglite-connection.ts), which hands a statement's protocol
// messages to PGlite in one call: answers, errors and the session's state come out as they would over a socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pglitePoolConfig } from '../src/platform/pglite-connection.js';

describe.skipIf(!!process.env.DATABASE_URL)('node-postgres on PGlite', () => {
  let pglite: PGlite;
  let pool: pg.Pool;
  beforeAll(async () => {
    pglite = await PGlite.create('memory://');
    pool = new pg.Pool(pglitePoolConfig(pglite));
  }, 60_000);
  afterAll(async () => {
    await pool.end();
    await pglite.close();
  });

  it('answers statements with parameters, named and unnamed, and simple queries of several statements', async () => {
    expect((await pool.query('select $1::int + $2::int as x', [40, 2])).rows).toEqual([{ x: 42 }]);
    for (let i = 0; i < 3; i++) expect((await pool.query({ name: 'twice', text: 'select $1::text || $1::text as x', values: [`a${i}`] })).rows).toEqual([{ x: `a${i}a${i}` }]);
    const many = await pool.query('select 1 as a; select 2 as b') as unknown as pg.QueryResult[];
    expect(many.map((r) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
    expect((await pool.query("select '12.345'::numeric as n, null::int as z")).rows).toEqual([{ n: '12.345', z: null }]);
  });

  it('reports an error where it happened and stays usable: at parse, at bind, at execution, inside a transaction', async () => {
    await expect(pool.query('selec 1')).rejects.toMatchObject({ code: '42601' }); // syntax: parse
    await expect(pool.query('select $1::int as x', ['not a number'])).rejects.toMatchObject({ code: '22P02' }); // bind
    await expect(pool.query('select 1 / $1::int as x', [0])).rejects.toMatchObject({ code: '22012' }); // execution
    expect((await pool.query('select $1::int as x', [7])).rows).toEqual([{ x: 7 }]);

    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query('create temporary table t (x int primary key)');
      await c.query('insert into t values ($1)', [1]);
      await expect(c.query('insert into t values ($1)', [1])).rejects.toMatchObject({ code: '23505' });
      await expect(c.query('select 1 as x')).rejects.toMatchObject({ code: '25P02' }); // the transaction is aborted
      await c.query('rollback');
      expect((await c.query("select to_regclass('pg_temp.t') as t")).rows).toEqual([{ t: null }]);
    } finally {
      c.release();
    }
  });

  it('keeps answers in order when statements are sent without waiting (pipeline mode, as request-tx.ts uses it)', async () => {
    const c = await pool.connect();
    (c as unknown as { pipeline: boolean }).pipeline = true;
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => c.query('select $1::int as i', [i])));
      expect(answers.map((r) => r.rows[0].i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    } finally {
      (c as unknown as { pipeline: boolean }).pipeline = false;
      c.release();
    }
  });
});
