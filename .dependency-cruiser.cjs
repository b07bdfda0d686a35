// The dependency rules of docs/architecture: shared ← platform ← domains ← flows ← app, web talks to shared only.
// Run with `npm run lint:deps` (also a stage of `npm test`). Paths are relative to the repository root.
const SRV = '^packages/server/src/';
const TESTS = ['\\.test\\.ts$', '^packages/server/test/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ---- packages ----
    {
      name: 'web-only-shared',
      comment: 'packages/web may import packages/shared and npm packages, nothing else of the repository (never the server).',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/', pathNot: ['^packages/web/', '^packages/shared/'] },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'packages/shared holds contracts used by both sides; it imports neither the server nor the web app.',
      severity: 'error',
      from: { path: '^packages/shared/' },
      to: { path: '^packages/(server|web)/' },
    },
    {
      name: 'server-not-to-web',
      comment: 'The server serves the built web app from disk; it never imports its code.',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/web/' },
    },
    // ---- inside the server ----
    {
      name: 'platform-not-to-domains',
      comment: 'platform/ is below the domains: it imports no domains/ or flows/ (pass what it needs in as functions).',
      severity: 'error',
      from: { path: `${SRV}platform/` },
      to: { path: `${SRV}(domains|flows|demo)/` },
    },
    {
      name: 'domains-not-to-flows',
      comment: 'flows/ orchestrate domains; a domain never reaches up into a flow.',
      severity: 'error',
      from: { path: `${SRV}domains/`, pathNot: TESTS },
      to: { path: `${SRV}flows/` },
    },
    {
      name: 'nothing-imports-the-composition-root',
      comment: 'app.ts (and main.ts) sit on top; only main.ts, CLIs and tests import app.ts.',
      severity: 'error',
      from: { path: `${SRV}(platform|domains|flows|demo)/`, pathNot: TESTS },
      to: { path: `${SRV}(app|main)\\.ts$` },
    },
    {
      name: 'domain-through-its-index',
      comment: 'A domain uses another domain only through that domain\'s public entry, domains/<d>/index.ts.',
      severity: 'error',
      from: { path: `${SRV}domains/([^/]+)/` },
      to: {
        path: `${SRV}domains/[^/]+/`,
        pathNot: [`${SRV}domains/$1/`, `${SRV}domains/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'ledger-imports-no-domain',
      comment: 'The ledger is the bottom of the money path: it imports no other domain.',
      severity: 'error',
      from: { path: `${SRV}domains/ledger/` },
      to: { path: `${SRV}domains/`, pathNot: `${SRV}domains/ledger/` },
    },
    {
      name: 'nothing-imports-analytics',
      comment: 'analytics is read-only and nothing depends on it; only the composition root mounts its routes.',
      severity: 'error',
      from: { pathNot: [`${SRV}domains/analytics/`, `${SRV}app\\.ts$`, ...TESTS] },
      to: { path: `${SRV}domains/analytics/` },
    },
    {
      name: 'server-no-cycles',
      comment: 'No import cycles in the server, except through type-only imports (erased at run time).',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'outside-code-through-domain-index',
      comment:
        'Code outside the domains (app.ts, flows/, demo/) should also use a domain through its index.ts. ' +
        'A warning for now: app.ts and demo/bootstrap.ts reach into domain files.',
      severity: 'warn',
      from: { path: SRV, pathNot: [`${SRV}domains/`, ...TESTS] },
      to: { path: `${SRV}domains/[^/]+/`, pathNot: `${SRV}domains/[^/]+/index\\.ts$` },
    },
    // ---- hygiene ----
    {
      name: 'not-to-unresolvable',
      comment: 'An import that cannot be resolved is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-dev-deps-in-production-code',
      comment: 'Server and shared run in production with their own dependencies; devDependencies are for tests and tools.',
      severity: 'error',
      from: { path: '^packages/(server|shared)/src/', pathNot: TESTS },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^packages/[^/]+/dist/', '(^|/)coverage/'] },
    // Type-only imports are dependencies too (so cycles through them are visible and can be allowed explicitly).
    tsPreCompilationDeps: true,
    // NodeNext: `./x.js` means `./x.ts`; `@l2c/shared` is the workspace package (its package.json exports src/index.ts).
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.jsx', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
