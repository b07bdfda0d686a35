// Keeps the web data layer in one place: screens (pages, components, layout, auth, lib) read and write through the
// resource hooks of api/*.ts, never through useQuery/useMutation of their own with literal keys; and no api module is
// named "revenue" while that word is kept for the revenue-recognition domain (cash is receivables, payments,
// write-offs, collections). Vite's import.meta.glob reads the sources as text, so the check needs no file system API.
import { describe, expect, it } from 'vitest';

const screens = import.meta.glob<string>(['../**/*.{ts,tsx}', '!./**', '!../**/*.test.ts'], {
  query: '?raw', import: 'default', eager: true,
});
const apiModules = Object.keys(import.meta.glob('./*.{ts,tsx}'));

/** TanStack Query calls that belong in api/*.ts: queries, mutations, and query keys spelled out in place. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/\buse(Infinite|Suspense)?Query\s*\(/, 'useQuery'],
  [/\buseQueries\s*\(/, 'useQueries'],
  [/\buseMutation\s*\(/, 'useMutation'],
  [/\bqueryKey\s*:/, 'queryKey:'],
  [/\b(invalidate|refetch|reset|remove|cancel)Queries\s*\(/, 'a cache call'],
  [/\b(set|get)QueryData\s*\(/, 'a cache call'],
];

describe('web data layer', () => {
  it('reads the screens at all', () => {
    expect(Object.keys(screens).some((f) => f.includes('/pages/'))).toBe(true);
    expect(Object.keys(screens).some((f) => f.includes('/components/'))).toBe(true);
  });

  it('screens use the resource hooks of api/, not queries, mutations or keys of their own', () => {
    const found: string[] = [];
    for (const [file, text] of Object.entries(screens)) {
      text.split('\n').forEach((line, i) => {
        for (const [pattern, what] of FORBIDDEN) {
          if (pattern.test(line)) found.push(`${file.replace(/^\.\.\//, 'src/')}:${i + 1}: ${what} — add or use a hook in src/api/`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('no api module is called revenue until a revenue-recognition domain exists', () => {
    expect(apiModules.filter((f) => /revenue/i.test(f))).toEqual([]);
    expect(apiModules).toEqual(expect.arrayContaining(['./receivables.ts', './payments.ts', './write-offs.ts', './collections.ts']));
  });
});
