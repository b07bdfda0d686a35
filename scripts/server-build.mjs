// Bundle the server (packages/server/src and packages/shared/src, not node_modules) into one ES module when the bundle
// is missing or older than its sources. `npm start` runs the bundle with plain node: loading the server's ~400
// TypeScript files through tsx's loader took 3.2 s of every start on 2 cores (one message to tsx's loader thread and
// one module compile per file); the bundle loads in a fraction of that (issue 13.6, docs/benchmarks.md). Tests and
// `npm run dev` keep running the sources through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { newestMtime } from './web-build.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER = path.join(ROOT, 'packages/server');
export const SERVER_BUNDLE = path.join(SERVER, 'dist/main.mjs');
const INPUTS = ['packages/server/src', 'packages/shared/src', 'packages/server/package.json', 'packages/shared/package.json', 'scripts/server-build.mjs'];

/** Why a build is due, or null when the bundle is newer than every input. */
export function serverBuildReason() {
  if (!fs.existsSync(SERVER_BUNDLE)) return 'packages/server/dist/main.mjs is missing';
  const built = fs.statSync(SERVER_BUNDLE).mtimeMs;
  for (const rel of INPUTS) if (newestMtime(path.join(ROOT, rel)) > built) return `${rel} changed since the last build`;
  return null;
}

const dependencies = (pkg) => Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, pkg), 'utf8')).dependencies ?? {});

/**
 * The bundle's modules keep asking where they are: `import.meta.dirname` and `import.meta.url` become the source
 * file's folder and URL, computed from where the bundle is (so a moved checkout still finds its migrations).
 */
const sourcePlaces = {
  name: 'l2c-source-places',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      let text = await fs.promises.readFile(args.path, 'utf8');
      if (text.includes('import.meta.')) {
        const rel = JSON.stringify(path.relative(path.dirname(SERVER_BUNDLE), path.dirname(args.path)));
        const file = JSON.stringify(path.basename(args.path));
        text = text
          .replaceAll('import.meta.dirname', `__l2cSourceDir(${rel})`)
          .replaceAll('import.meta.url', `__l2cSourceUrl(${rel}, ${file})`);
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

const BANNER = [
  "import { fileURLToPath as __l2cToPath, pathToFileURL as __l2cToUrl } from 'node:url';",
  "import __l2cPath from 'node:path';",
  'const __l2cBundleDir = __l2cPath.dirname(__l2cToPath(import.meta.url));',
  'const __l2cSourceDir = (rel) => __l2cPath.resolve(__l2cBundleDir, rel);',
  'const __l2cSourceUrl = (rel, file) => __l2cToUrl(__l2cPath.join(__l2cSourceDir(rel), file)).href;',
].join('\n');

/** Build the bundle (in a temporary folder, then renamed: a server starting meanwhile never loads half a file). */
export async function buildServer() {
  const esbuild = await import('esbuild');
  // node_modules stay outside the bundle (native modules, PGlite's wasm and data files found beside its code)
  const external = [...new Set([...dependencies('packages/server/package.json'), ...dependencies('packages/shared/package.json')])]
    .flatMap((d) => [d, `${d}/*`]);
  // built in a folder of its own, then moved beside the old: the bundle names its source map (main.mjs.map)
  const tmp = path.join(path.dirname(SERVER_BUNDLE), `.build-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    await esbuild.build({
      entryPoints: [path.join(SERVER, 'src/main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20',
      outfile: path.join(tmp, 'main.mjs'), external, plugins: [sourcePlaces], banner: { js: BANNER }, sourcemap: 'linked', logLevel: 'silent',
    });
    fs.renameSync(path.join(tmp, 'main.mjs.map'), `${SERVER_BUNDLE}.map`);
    fs.renameSync(path.join(tmp, 'main.mjs'), SERVER_BUNDLE);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Build the server bundle if due. Resolves to true when it built, false when it was up to date.
 * @param {{ log?: (msg: string) => void }} opts
 */
export async function ensureServerBuilt({ log = (m) => console.log(m) } = {}) {
  const reason = serverBuildReason();
  if (!reason) return false;
  const started = Date.now();
  await buildServer();
  log(`server bundled in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason})`);
  return true;
}
