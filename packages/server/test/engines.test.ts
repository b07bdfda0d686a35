// Every installed package must run on the oldest Node.js the root package.json promises (engines.node). npm only
// warns (EBADENGINE) when one does not, and the warning scrolls by in CI while the package may use what that Node
// lacks. This walks package-lock.json and names each package whose own engines.node excludes that minimum.
// (cookie@2 and content-disposition@3 wanted Node 22: package.json's overrides pin cookie ^1.1 and
// content-disposition ^2.0, the same API — parseCookie/stringifySetCookie, create — built for Node 18.)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface Semver {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
  validRange(range: string): string | null;
}
const semver = createRequire(import.meta.url)('semver') as Semver;

const root = path.resolve(import.meta.dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface LockEntry { version?: string; engines?: unknown; link?: boolean }

/** Packages in the lockfile whose engines.node does not admit `nodeVersion`. */
function enginesExcluding(lock: { packages: Record<string, LockEntry> }, nodeVersion: string): string[] {
  const out: string[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where || entry.link) continue; // the root and our own workspaces
    const engines = entry.engines;
    // engines is an object { node: range } today; a few old packages still carry an array of "node >= x" strings.
    const range = Array.isArray(engines)
      ? engines.filter((e): e is string => typeof e === 'string' && e.startsWith('node')).map((e) => e.slice(4).trim()).join(' || ')
      : typeof engines === 'object' && engines && typeof (engines as { node?: unknown }).node === 'string' ? (engines as { node: string }).node : '';
    if (!range || !semver.validRange(range)) continue;
    if (!semver.satisfies(nodeVersion, range)) out.push(`${where.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${range}`);
  }
  return out;
}

describe('dependencies fit the engines field', () => {
  it('no package in package-lock.json requires a newer Node.js than the root package.json declares', () => {
    const declared = readJson('package.json').engines.node as string;
    const minimum = semver.minVersion(declared)!.version;
    expect(minimum).toBe('20.19.0');
    expect(enginesExcluding(readJson('package-lock.json'), minimum)).toEqual([]);
  });

  it('the check catches a package that wants Node 22', () => {
    const lock = { packages: {
      '': { version: '0.1.0' },
      'node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } },
      'node_modules/old': { version: '1.0.0', engines: ['node >= 0.8'] },
      'node_modules/fine': { version: '1.1.1', engines: { node: '>=18' } },
    } };
    expect(enginesExcluding(lock, '20.19.0')).toEqual(['cookie@2.0.2 wants node >=22']);
  });
});
