// bank-statements: bank statement files 银行流水 — MT940, camt.053, CSV/Excel through a column mapping saved per bank —
// their statements (each checked: opening + lines = closing) and lines (each imported once, by fingerprint), the
// matcher's proposals and the payer names and accounts learned from confirmed matches. It offers
// - bankStatementsRoutes: reading statements and lines, the column mappings;
// - importFileTx / decideStatementTx: storing a file's statements and lines, a person's decision on one that does not
//   reconcile — for flows/bank-reconciliation, which books the lines as payments and matches them;
// - lockLineTx / linesByIds / attachPayment / setProposals / pendingProposal / confidentLines / waitingCounts /
//   markMatched / linkPaymentTx (the line is a payment registered by hand) / rejectProposalTx / rejectLineTx / learnPayer / lineView / statementViews: a line's life, for that flow.
// It owns bank_statement_imports, bank_statements, bank_statement_lines, bank_match_proposals, bank_payer_aliases and
// bank_column_mappings (tables.ts).
export { bankStatementsRoutes } from './bank-statements.routes.js';
export { importFileTx, decideStatementTx, detectFormat, checkStatement, parseFile } from './import.service.js';
export {
  lockLineTx, linesByIds, attachPayment, linkPaymentTx, setProposals, pendingProposal, confidentLines, waitingCounts, markMatched, rejectProposalTx, rejectLineTx,
  learnPayer, lineView, statementViews, saveMappingTx, findMappingTx, type StoredLine, type PendingProposal,
} from './bank-statements.service.js';
export { bankError } from './bank-statements.errors.js';
export { parseMt940 } from './parsers/mt940.js';
export { parseCamt053 } from './parsers/camt053.js';
export type { ParsedStatement, ParsedLine } from './parsers/types.js';
