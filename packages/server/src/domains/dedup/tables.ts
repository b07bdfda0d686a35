// Tables dedup owns: the tenant's duplicate rules and the merge facts (what a merge moved, so an undo can move it back).
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  duplicate_rules: {},
  merge_jobs: {},
};
