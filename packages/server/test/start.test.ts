// What `npm start` runs: the server bundle (scripts/server-build.mjs) with plain node. The bundle finds what its
// sources find beside themselves — the migrations, the web app's build, packages resolved from a module's own place —
// and serves the same API; a start on a new embedded folder begins from the install-time empty database.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../src/platform/migrate.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe.skipIf(!!process.env.DATABASE_URL)('npm start: the server bundle', () => {
  it('builds, starts on a new embedded folder and serves the API, its documents and errors as the sources do', { timeout: 120_000 }, async () => {
    const { ensureServerBuilt, SERVER_BUNDLE } = await import('../../../scripts/server-build.mjs' as string) as { ensureServerBuilt(o: object): Promise<boolean>; SERVER_BUNDLE: string };
    await ensureServerBuilt({ log: () => undefined });
    expect(fs.existsSync(SERVER_BUNDLE)).toBe(true);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-start-test-'));
    const { freePort } = await import('../../../scripts/pg.mjs' as string) as { freePort(): Promise<number> };
    const port = await freePort();
    const child = spawn(process.execPath, ['--enable-source-maps', SERVER_BUNDLE], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', L2C_DATA_DIR: path.join(dir, 'data'), L2C_DEMO: '0', L2C_LOG_LEVEL: 'warn' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = `http://127.0.0.1:${port}`;
      let ready: { status: string; migrations: { applied: number; expected: number } } | null = null;
      for (let i = 0; i < 600 && !ready; i++) {
        if (child.exitCode !== null) throw new Error(`the bundle exited with ${child.exitCode}:\n${output}`);
        try {
          const res = await fetch(`${url}/api/ready`);
          if (res.status === 200) ready = await res.json() as typeof ready;
        } catch { /* not listening yet */ }
        if (!ready) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).toMatchObject({ status: 'ready', migrations: { applied: readMigrations().length, expected: readMigrations().length } });

      const unauthenticated = await fetch(`${url}/api/v1/customers`);
      expect(unauthenticated.status).toBe(401);
      expect(unauthenticated.headers.get('content-type')).toContain('application/problem+json');
      const openapi = await fetch(`${url}/api/openapi.json`);
      expect(openapi.status).toBe(200);
      expect(Object.keys(((await openapi.json()) as { paths: object }).paths).length).toBeGreaterThan(100);
      if (fs.existsSync(path.join(root, 'packages/web/dist/index.html'))) {
        const page = await fetch(`${url}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root"');
      }
    } finally {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(output).not.toMatch(/"level":(50|60)/); // nothing logged as an error or fatal
  });
});
