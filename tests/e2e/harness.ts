// Browser-test harness: the real product (built web app + server process) on a free port with its own fresh database,
// driven by Debian's Chromium through playwright-core. One harness per test file; `close()` removes everything.
//
// Database: a fresh embedded PGlite folder, or — when DATABASE_URL is set — a fresh database created on that server
// for this run (dropped afterwards). Either way the demo tenant is loaded (L2C_DEMO=1).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, type TestContext } from 'vitest';
import { ROOT, ensureWebBuilt } from '../../scripts/web-build.mjs';
import { scratchDatabase } from '../../packages/server/test/scratch-database.js';

export const CHROMIUM = process.env.L2C_CHROMIUM ?? '/usr/bin/chromium';
export const DEMO_ADMIN = { email: 'admin@demo.l2c.cn', password: 'demo1234' };
const HEALTH_TIMEOUT_MS = Number(process.env.L2C_E2E_HEALTH_MS ?? 120_000); // a busy shared machine may need longer for the demo

export interface E2E {
  baseUrl: string;
  context: BrowserContext;
  /** A new tab with console errors and failed requests recorded. */
  newPage(opts?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** What the server process printed (its JSON log at warn level, plus anything on stderr). */
  serverOutput(): string;
  /** Browser console errors, page errors and failed API requests seen so far. */
  browserProblems(): string[];
  /** Save a full-page screenshot of every open tab to /tmp; returns the file paths. */
  screenshots(label: string): Promise<string[]>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh database on the server of `baseUrl`, and a function that drops it. */
const freshDatabase = (baseUrl: string) => scratchDatabase(baseUrl, 'l2c_e2e');

function startServer(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const main = path.join(ROOT, 'packages/server/src/main.ts');
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), main], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output += d.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, output: () => output, exited };
}

async function waitForHealth(baseUrl: string, exited: Promise<number | null>, output: () => string): Promise<{ database: string }> {
  let gone: number | null | undefined;
  void exited.then((c) => (gone = c));
  const until = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < until) {
    if (gone !== undefined) throw new Error(`the server exited (${gone}) before it was healthy:\n${output().slice(-4000)}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return (await res.json()) as { database: string };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server at ${baseUrl} was not healthy within ${HEALTH_TIMEOUT_MS / 1000} s:\n${output().slice(-4000)}`);
}

export async function startE2E(): Promise<E2E> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set L2C_CHROMIUM; npm test does this for you as root.`);
  }
  await ensureWebBuilt({ log: (m) => console.log(`[e2e] ${m}`), stdio: 'pipe' });

  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`[e2e] cleanup: ${(err as Error).message}`);
      }
    }
  };

  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      L2C_DEMO: '1',
      L2C_JOBS: '0',
      // One process: a browser story reads back what it just wrote, and on two CI cores a second worker only adds
      // start-up time. Several workers are tested by packages/server/test/workers.test.ts.
      L2C_WORKERS: process.env.L2C_E2E_WORKERS ?? '1',
      L2C_LOG_LEVEL: process.env.L2C_E2E_LOG_LEVEL ?? 'warn',
      L2C_WEB_DIST: path.join(ROOT, 'packages/web/dist'),
      L2C_ADMIN_EMAIL: '',
      L2C_ADMIN_PASSWORD: '',
    };
    if (process.env.DATABASE_URL) {
      const db = await freshDatabase(process.env.DATABASE_URL);
      cleanups.push(() => db.drop());
      env.DATABASE_URL = db.url;
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-e2e-data-'));
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
      env.DATABASE_URL = '';
      env.L2C_DATA_DIR = dataDir;
    }

    const server = startServer(env);
    cleanups.push(async () => {
      if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      server.child.kill('SIGTERM');
      const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
      await server.exited;
      clearTimeout(timer);
    });
    const health = await waitForHealth(baseUrl, server.exited, server.output);
    const expected = process.env.DATABASE_URL ? 'postgres' : 'pglite';
    if (health.database !== expected) throw new Error(`the e2e server runs on ${health.database}, expected ${expected}`);
    console.log(`[e2e] server on ${baseUrl} (${health.database}), Chromium ${CHROMIUM}`);

    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-e2e-chromium-'));
    cleanups.push(() => fs.rmSync(profile, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
      // the app then switches antd's animations off (AppProviders): no click on a modal's button while it still grows
      reducedMotion: 'reduce',
    });
    cleanups.push(() => context.close());
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);

    const problems: string[] = [];
    const watch = (page: Page) => {
      page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('response', (res) => {
        if (res.status() >= 500 || (res.url().includes('/api/') && res.status() >= 400 && res.status() !== 401)) {
          problems.push(`HTTP ${res.status()} ${res.request().method()} ${res.url().replace(baseUrl, '')}`);
        }
      });
    };
    for (const p of context.pages()) watch(p);
    context.on('page', watch);

    return {
      baseUrl,
      context,
      newPage: async (opts = {}) => {
        const page = await context.newPage();
        if (opts.viewport) await page.setViewportSize(opts.viewport);
        return page;
      },
      serverOutput: server.output,
      browserProblems: () => [...problems],
      screenshots: async (label) => {
        const files: string[] = [];
        const slug = label.replace(/[^\w-]+/g, '-').slice(0, 80);
        for (const [i, page] of context.pages().entries()) {
          if (page.isClosed()) continue;
          const file = path.join(os.tmpdir(), `l2c-e2e-${slug}-${Date.now()}-${i}.png`);
          try {
            await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
            files.push(file);
          } catch { /* a closing page */ }
        }
        return files;
      },
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

// ---- helpers the browser tests share ----

export const byId = (p: Page, id: string) => p.getByTestId(id);

/** Log in through the login page as a fresh visitor (cookies cleared), and wait until the app has left it. */
export async function logInAs(e2e: E2E, page: Page, user: { email: string; password: string }): Promise<void> {
  await e2e.context.clearCookies();
  await page.goto(`${e2e.baseUrl}/login`);
  await byId(page, 'login-email').fill(user.email);
  await byId(page, 'login-password').fill(user.password);
  await byId(page, 'login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Poll `check` until it holds (errors count as "not yet"); fail with the last error after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** On a failed test: screenshots, browser problems and the server's last output, in the test log. */
export function reportFailures(ctx: TestContext, state: () => { e2e: E2E | undefined; page: Page | undefined }) {
  ctx.onTestFailed(async () => {
    const { e2e, page } = state();
    if (!e2e) return;
    const files = await e2e.screenshots(ctx.task.name);
    console.error([
      `[e2e] "${ctx.task.name}" failed at ${page && !page.isClosed() ? page.url() : '(no page)'}`,
      ...files.map((f) => `[e2e] screenshot: ${f}`),
      ...e2e.browserProblems().map((p) => `[e2e] browser: ${p}`),
      `[e2e] server output (last 3000 chars):\n${e2e.serverOutput().slice(-3000)}`,
    ].join('\n'));
  });
}

/** GET an API path with the browser's session (the page's cookies); expects a 200. */
export async function getJson<T>(e2e: E2E, page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${e2e.baseUrl}/api/v1${path}`);
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}
