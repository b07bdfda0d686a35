// API contracts of bank statements 银行流水 and the reconciliation workbench 对账工作台: import (MT940, camt.053, CSV/Excel
// through a column mapping saved per bank), statements with their balance check, lines with the matcher's proposal,
// and what finance (confirm, split, reject) and reps (claim 认领) do with a line.
import { z } from 'zod';
import { BusinessDateSchema, CursorSchema, decimalString, IdSchema, MoneySchema, pageOf, Text, UserRefSchema } from './common.js';

export const BANK_FILE_FORMATS = ['auto', 'mt940', 'camt053', 'csv', 'xlsx'] as const;
export const BANK_STATEMENT_STATUSES = ['balanced', 'unbalanced', 'accepted', 'rejected'] as const;
export const BANK_LINE_STATUSES = ['held', 'ignored', 'unsupported', 'unclaimed', 'matched', 'rejected'] as const;
/** The matcher's rules, in the order it tries them (docs: domains/bank-statements/README in matching.ts). */
/** existing_payment: the line is a payment already registered by hand (HK-…) — confirmed, the line is linked to it. */
export const BANK_MATCH_RULES = ['reference', 'payer_amount', 'payer_set', 'payer_instalment', 'payer_only', 'amount_only', 'existing_payment'] as const;
/** From this confidence a proposal is applied at import without a person (finance may reverse the write-off). */
export const AUTO_APPLY_CONFIDENCE = 90;

const Column = Text.trim().min(1).max(100);
const SignedBalance = decimalString({ digits: 17, scale: 3, sign: 'signed', message: 'expected a balance like "1234.50" or "-12.00"' });

/** A bank's CSV/Excel layout: the header row and which column holds what. */
export const BankColumnMappingInput = z.object({
  bank: Text.trim().min(1).max(100),
  /** The statement's account, when the export does not name it in a column. */
  account: Text.trim().max(100).nullish().transform((v) => v ?? null),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected a currency code like CNY').default('CNY'),
  headerRow: z.coerce.number().int().min(1).max(50).default(1),
  delimiter: z.enum([',', ';', '\t', '|']).default(','),
  encoding: z.enum(['utf-8', 'gbk', 'gb18030']).default('utf-8'),
  dateFormat: z.enum(['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY']).default('YYYY-MM-DD'),
  decimalComma: z.boolean().default(false),
  columns: z.object({
    bookedOn: Column,
    valueOn: Column.optional(),
    /** One signed amount column (credits positive) … */
    amount: Column.optional(),
    /** … or a credit 贷方 and a debit 借方 column. */
    credit: Column.optional(),
    debit: Column.optional(),
    currency: Column.optional(),
    payerName: Column.optional(),
    payerAccount: Column.optional(),
    remittance: Column.optional(),
    bankReference: Column.optional(),
    /** The running balance 余额: gives the opening and closing balance to check the statement against. */
    balance: Column.optional(),
  }).refine((c) => !!c.amount !== !!(c.credit && c.debit), { message: 'map either "amount" or both "credit" and "debit"', path: ['amount'] }),
});
export type BankColumnMapping = z.output<typeof BankColumnMappingInput>;
/** A saved mapping as the API answers it (plain fields: the input's defaults and transforms already applied). */
export const BankColumnMappingSchema = z.object({
  id: z.string(), bank: z.string(), account: z.string().nullable(), currency: z.string(), headerRow: z.number().int(), delimiter: z.string(),
  encoding: z.string(), dateFormat: z.string(), decimalComma: z.boolean(),
  columns: z.record(z.string(), z.string()), version: z.number().int(), updatedAt: z.string(),
}).meta({ id: 'BankColumnMapping', description: 'A bank\'s CSV/Excel layout, saved under its bank name: the header row and which column holds what.' });
export const BankColumnMappingList = z.object({ items: z.array(BankColumnMappingSchema) }).meta({ id: 'BankColumnMappingList' });

export const BankStatementImport = z.object({
  fileName: Text.trim().min(1).max(200),
  contentBase64: Text.min(1).max(14_000_000),
  format: z.enum(BANK_FILE_FORMATS).default('auto'),
  /** CSV/Excel: a saved mapping … */
  mappingId: IdSchema.optional(),
  /** … or one given here (saved under its bank name when `saveMapping`). */
  mapping: BankColumnMappingInput.optional(),
  saveMapping: z.boolean().default(false),
  /** CSV/Excel without a balance column: the balances as the bank states them, so the statement can be checked. */
  openingBalance: SignedBalance.optional(),
  closingBalance: SignedBalance.optional(),
});

export const BankStatementSchema = z.object({
  id: z.string(), importId: z.string(), fileName: z.string(), format: z.string(), seq: z.number().int(),
  account: z.string(), currency: z.string(), reference: z.string().nullable(), number: z.string().nullable(),
  openingDate: z.string().nullable(), openingBalance: z.string(), closingDate: z.string().nullable(), closingBalance: z.string(),
  credits: z.string(), debits: z.string(), lineCount: z.number().int(),
  /** opening + credits − debits: what the closing balance should be. */
  expectedClosing: z.string(),
  status: z.enum(BANK_STATEMENT_STATUSES), problem: z.string().nullable(),
  decidedBy: UserRefSchema, decidedAt: z.string().nullable(), decisionNote: z.string().nullable(),
  lines: z.record(z.string(), z.number().int()).describe('line count per status'),
  version: z.number().int(), createdAt: z.string(),
}).meta({ id: 'BankStatement', description: 'One statement of an imported file with its balance check: `unbalanced` when opening + credits − debits ≠ closing (or currencies differ); its lines are then held until decided.' });
export const BankStatementPage = pageOf(BankStatementSchema).meta({ id: 'BankStatementPage' });
export const BankStatementListQuery = z.object({
  status: z.enum(BANK_STATEMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: CursorSchema.optional(),
});

export const BankImportResult = z.object({
  importId: z.string(),
  /** The same file (same content) was imported before: nothing new was booked. */
  alreadyImported: z.boolean(),
  statements: z.array(BankStatementSchema),
  linesNew: z.number().int(), linesKnown: z.number().int(),
  /** Of the new credit lines: applied automatically, waiting with a proposal, waiting without one. */
  autoApplied: z.number().int(), proposed: z.number().int(), unmatched: z.number().int(),
}).meta({ id: 'BankImportResult' });

export const BankStatementDecision = z.object({
  decision: z.enum(['accept', 'reject']),
  note: Text.trim().min(1).max(500),
  version: z.number().int(),
});

export const BankMatchReason = z.object({ code: z.string(), detail: z.string() });
export const BankAllocation = z.object({ receivableId: z.string(), number: z.string(), amount: z.string() });
export const BankProposalSchema = z.object({
  id: z.string(), customer: z.object({ id: z.string(), name: z.string() }), rule: z.enum(BANK_MATCH_RULES),
  confidence: z.number().int(), reasons: z.array(BankMatchReason), allocations: z.array(BankAllocation), status: z.string(),
  /** existing_payment: the payment registered by hand this line would be (confirm links the line to it, no new payment). */
  payment: z.object({ id: z.string(), number: z.string(), status: z.string() }).nullable(),
});
export const BankLineSchema = z.object({
  id: z.string(), statementId: z.string(), account: z.string(), seq: z.number().int(),
  bookedOn: z.string(), valueOn: z.string().nullable(), direction: z.enum(['credit', 'debit']), currency: z.string(), amount: z.string(),
  payerName: z.string().nullable(), payerAccount: z.string().nullable(), remittance: z.string().nullable(),
  bankReference: z.string().nullable(), customerReference: z.string().nullable(),
  status: z.enum(BANK_LINE_STATUSES),
  payment: z.object({ id: z.string(), number: z.string(), status: z.string(), customer: z.object({ id: z.string(), name: z.string() }).nullable() }).nullable(),
  /** The pending proposal, or the one applied; hidden from a caller who may not see its customer. */
  proposal: BankProposalSchema.nullable(),
  matchedHow: z.string().nullable(), matchedBy: UserRefSchema, matchedAt: z.string().nullable(), writeOffId: z.string().nullable(),
  version: z.number().int(),
}).meta({ id: 'BankLine', description: 'A bank statement line: a credit becomes a payment 待认领 and is matched (proposal with confidence and reasons), confirmed, split, claimed 认领 or rejected.' });
export const BankLinePage = pageOf(BankLineSchema).meta({ id: 'BankLinePage' });
export const BankLineListQuery = z.object({
  status: z.enum(BANK_LINE_STATUSES).optional(),
  statementId: IdSchema.optional(),
  /** with: only lines that have a pending proposal; without: only lines that have none. */
  proposal: z.enum(['with', 'without']).optional(),
  q: Text.trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: CursorSchema.optional(),
});

export const BankLineConfirm = z.object({ version: z.number().int(), rememberPayer: z.boolean().default(true) });
export const BankLineSplit = z.object({
  customerId: IdSchema,
  /** Amounts per receivable; what is left of the line stays on the customer's prepaid account 预收. */
  allocations: z.array(z.object({ receivableId: IdSchema, amount: MoneySchema })).max(100),
  version: z.number().int(),
  rememberPayer: z.boolean().default(true),
});
export const BankLineReject = z.object({
  /** proposal: the proposal is wrong, the line stays 待认领; line: not a customer's payment at all (interest, refund). */
  what: z.enum(['proposal', 'line']),
  reason: Text.trim().min(1).max(500),
  version: z.number().int(),
});
export const BankLineClaim = z.object({
  customerId: IdSchema,
  /** The receivables to settle, oldest first when empty; the rest stays on the customer's prepaid account. */
  receivableIds: z.array(IdSchema).max(100).default([]),
  version: z.number().int(),
});
export const BankRematchResult = z.object({ autoApplied: z.number().int(), proposed: z.number().int(), unmatched: z.number().int() }).meta({ id: 'BankRematchResult' });
export const BankRematch = z.object({ onDate: BusinessDateSchema.optional() });
