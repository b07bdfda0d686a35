// Tables bank-statements owns: imported statement files, their statements and lines, the matcher's proposals, the
// payer names and accounts learned from confirmed matches, and the saved CSV/Excel column mappings per bank.
import type { OwnedTables } from '../../platform/ownership.js';

export const ownedTables: OwnedTables = {
  bank_statement_imports: {},
  bank_statements: {},
  bank_statement_lines: { readers: { 'flows/bank-reconciliation': 'the unclaimed credit lines the matcher reads in one set-based statement' } },
  bank_match_proposals: { readers: { 'flows/bank-reconciliation': 'the line–payment pairings finance rejected, not proposed again (dedupe)' } },
  bank_payer_aliases: { readers: { 'flows/bank-reconciliation': 'payer names and accounts learned from confirmed matches, joined by the matcher' } },
  bank_column_mappings: {},
};
