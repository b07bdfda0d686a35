// A priced version's content hash: SHA-256 of the canonical JSON of what the customer is offered — the header terms,
// the lines as entered and every priced line's amounts, and the totals. Canonical: object keys sorted, no spaces,
// strings as JSON writes them, so the same content always gives the same hash whatever order it was built in.
// Approval is bound to this hash: any change of lines or prices makes another one (OCA sale-workflow#1087's bypass).
import crypto from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function contentHash(content: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
