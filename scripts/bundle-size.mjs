// The first screen's JavaScript, gzipped, from the build's chunk graph (packages/web/dist/.vite/manifest.json): the
// entry with everything it imports statically, plus the first page a person sees — the login page, or the home page
// after logging in — with its static imports, and the interface language's first-screen texts (i18n/core.<lang>.ts,
// loaded before the first render; the larger language counts; the other areas' texts load after the first render). Fails (exit 1) above the budget, so a change that pulls a
// heavy library (all of antd, ECharts) into the first screen fails CI. `node scripts/bundle-size.mjs [--json]` after a
// web build. Issue 9: 394 kB (login) / 413 kB (home) before, under 300 after.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const TARGET_KB = 300;
export const BUDGET_KB = 300;
const DIST = path.resolve(import.meta.dirname, '../packages/web/dist');
const FIRST_PAGES = ['src/pages/LoginPage.tsx', 'src/pages/HomePage.tsx', 'src/pages/home/HomePage.tsx'];
/** The language chunks main.tsx waits for (one of them loads before the first render). */
const LANGUAGE_BUNDLES = /^src\/i18n\/core\.[\w-]+\.ts$/;

function closure(manifest, keys) {
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k) || !manifest[k]) return;
    seen.add(k);
    for (const i of manifest[k].imports ?? []) visit(i); // static imports only: dynamic ones load later
  };
  keys.forEach(visit);
  return seen;
}

/** Gzipped sizes of the first screen, per first page (login, home): { page: { kb, files } }. */
export function firstScreen(dist = DIST) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('no entry in the manifest');
  const gz = new Map();
  const size = (file) => {
    if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length);
    return gz.get(file);
  };
  const result = {};
  // the heavier language, with what it imports
  const languages = Object.keys(manifest).filter((k) => LANGUAGE_BUNDLES.test(k));
  const langBytes = (k) => [...closure(manifest, [k])].map((x) => manifest[x].file).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + size(f), 0);
  const language = languages.sort((a, b) => langBytes(b) - langBytes(a))[0];
  for (const page of FIRST_PAGES.filter((p) => manifest[p])) {
    const files = [...closure(manifest, [entry, page, ...(language ? [language] : [])])].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
    const bytes = files.reduce((sum, f) => sum + size(f), 0);
    result[page.replace(/^src\/pages\//, '')] = { kb: Math.round(bytes / 102.4) / 10, files: files.length };
  }
  return result;
}

/** For scripts/test.mjs: a one-line note, or an Error above the budget. */
export function checkFirstScreen(dist = DIST) {
  const sizes = firstScreen(dist);
  const worst = Math.max(...Object.values(sizes).map((s) => s.kb));
  const note = Object.entries(sizes).map(([p, s]) => `${p.replace(/\.tsx$/, '')} ${s.kb} kB`).join(', ') + ` gzipped (budget ${BUDGET_KB}, target ${TARGET_KB})`;
  if (worst > BUDGET_KB) throw new Error(`first screen over budget: ${note}; import heavy libraries in the pages that need them (React.lazy)`);
  return note;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = firstScreen();
  const worst = Math.max(...Object.values(sizes).map((s) => s.kb));
  if (process.argv.includes('--json')) console.log(JSON.stringify({ budgetKb: BUDGET_KB, sizes }));
  else for (const [page, s] of Object.entries(sizes)) console.log(`first screen (${page}): ${s.kb} kB gzipped JavaScript in ${s.files} files (budget ${BUDGET_KB} kB, target ${TARGET_KB} kB)`);
  if (worst > BUDGET_KB) {
    console.error(`the first screen loads ${worst} kB of gzipped JavaScript, over the ${BUDGET_KB} kB budget: import heavy libraries in the pages that need them (React.lazy)`);
    process.exit(1);
  }
}
