// The first screen in a real browser (Debian's Chromium through the browser tests' harness, tests/e2e/harness.ts): the
// product as `npm start` serves it (built web app, server process, demo tenant), one tab, localhost. Figures: from a
// navigation's start until its first element is visible, the login page and then the home page after logging in, best
// of BENCH_LOADS (5) loads each after one unmeasured load — the login page, which asks the API nothing, is the floor
// the home page is set against. Target: under 1.5 s each (the customer-360 issue's first screen). Measured here and
// not in the browser tests (the guide's rule 6): on a shared 2-core VM the home page's loads spread over 0.98–2.0 s in
// one CI run (2026-12-07). PGlite by default; DATABASE_URL: a fresh database on that server, as the tests do.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { CHROMIUM, DEMO_ADMIN, byId, logInAs, startE2E } from '../tests/e2e/harness.js';
import { envInt, log } from './lib.js';
import { recordFigure } from './figures.js';

const LOADS = Math.max(1, envInt('BENCH_LOADS', 5));
const LIMIT_MS = 1500;

/** Milliseconds from the navigation's start until `testId` is visible, read in the page (navigation timing). */
async function firstScreenMs(page: Page, url: string, testId: string): Promise<number> {
  await page.goto(url);
  await byId(page, testId).waitFor();
  return page.evaluate(() => Math.round(performance.now()));
}

async function loads(page: Page, url: string, testId: string): Promise<number[]> {
  await firstScreenMs(page, url, testId); // unmeasured: the server's first answer of each file, the browser's first parse
  const out: number[] = [];
  for (let i = 0; i < LOADS; i++) out.push(await firstScreenMs(page, url, testId));
  return out;
}

if (!fs.existsSync(CHROMIUM)) {
  // npm test installs Chromium (scripts/test.mjs); the bench does not install anything
  console.log(`first screen: skipped — no Chromium at ${CHROMIUM} (npm test installs it, or set L2C_CHROMIUM)`);
} else {
  const e2e = await startE2E();
  try {
    const page = e2e.context.pages()[0] ?? (await e2e.newPage());
    const login = await loads(page, `${e2e.baseUrl}/login`, 'login-email');
    await logInAs(e2e, page, DEMO_ADMIN);
    const home = await loads(page, `${e2e.baseUrl}/`, 'home-welcome');
    const problems = e2e.browserProblems();
    if (problems.length) throw new Error(`the browser reported problems:\n${problems.join('\n')}`);
    const best = (xs: number[]) => Math.min(...xs);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    const database = process.env.DATABASE_URL ? 'postgres' : 'pglite';
    log(`login ${login.join(' / ')} ms; home ${home.join(' / ')} ms`);
    console.log([
      '',
      `L2C bench — first screen (navigation start → first element visible), ${database}, best of ${LOADS} loads — ${new Date().toISOString().slice(0, 10)}`,
      `login page:              best ${best(login)} ms, median ${median(login)} ms (target < ${LIMIT_MS} ms: ${best(login) < LIMIT_MS ? 'yes' : 'NO'})`,
      `home page, logged in:    best ${best(home)} ms, median ${median(home)} ms (target < ${LIMIT_MS} ms: ${best(home) < LIMIT_MS ? 'yes' : 'NO'})`,
    ].join('\n'));
    recordFigure({
      bench: 'first-screen', figure: `first screen, home page logged in vs the login page (no API), best of ${LOADS} loads`,
      api: best(home), sql: best(login), unit: 'ms', database, target: `< ${LIMIT_MS} ms each`,
      met: best(home) < LIMIT_MS && best(login) < LIMIT_MS,
    });
  } finally {
    await e2e.close();
  }
}
