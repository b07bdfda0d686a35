// Tables quotes owns: quotes, their lines, priced versions (immutable snapshots with a content hash) and share links.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  quotes: { readers: { 'domains/pricing': 'accepted quotes of a customer: a cumulative promotion\'s period quantity, and a budget fact\'s quote number' } },
  quote_lines: { readers: { 'domains/pricing': 'quantities of accepted quotes\' SKUs for cumulative promotions' } },
  quote_versions: { readers: { 'domains/pricing': 'the version a budget fact names (its number)' } },
  quote_share_links: {},
};
