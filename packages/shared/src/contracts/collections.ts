// API contracts of collections 催收: aging 账龄, DSO, overdue lists, statements of account 对账单.
import { z } from 'zod';
import { BusinessDateSchema, CursorSchema, IdSchema, ListQueryBase, pageOf, Text, UserRefSchema } from './common.js';
import { CurrencySchema } from './receivables.js';

export const AGING_GROUPS = ['none', 'customer', 'owner', 'team', 'region', 'product_line'] as const;
export type AgingGroup = (typeof AGING_GROUPS)[number];
export const DEFAULT_AGING_BUCKETS = [0, 30, 60, 90, 180] as const;

/**
 * Bucket boundaries in days past due, ascending: "0,30,60,90,180" gives current (not yet due), 1–30, 31–60, 61–90,
 * 91–180 and over 180. A list that does not start at 0 gets 0 in front: "not yet due" is always its own bucket.
 */
export const AgingBucketsParam = Text.trim().max(80)
  .regex(/^\d{1,4}(,\d{1,4})*$/, 'expected ascending whole days like "0,30,60,90,180"')
  .transform((s) => s.split(',').map(Number))
  .refine((xs) => xs.every((x, i) => i === 0 || x > xs[i - 1]!), 'boundaries must be strictly ascending')
  .refine((xs) => xs.length <= 12, 'at most 12 boundaries')
  .transform((xs) => (xs[0] === 0 ? xs : [0, ...xs]));

const AgingBase = z.object({
  /** The day the report looks from; default today (the fast path on the open-amount projection). */
  asOf: BusinessDateSchema.optional(),
  buckets: AgingBucketsParam.optional(),
  currency: CurrencySchema,
});

export const AgingQuery = AgingBase.extend({
  groupBy: z.enum(AGING_GROUPS).default('none'),
  /** Rows are sorted by open amount, largest first; the totals row always covers every group. */
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});

export const AgingBucketSchema = z.object({
  key: z.string(), label: z.string(),
  /** Days past due covered, inclusive; null = unbounded (minDays null is "not yet due"). */
  minDays: z.number().int().nullable(), maxDays: z.number().int().nullable(),
});
export const AgingRowSchema = z.object({
  key: z.string(), label: z.string(), count: z.number().int(),
  total: z.string(), overdue: z.string(),
  /** Open amount per bucket, in the order of the report's buckets. */
  amounts: z.array(z.string()),
  /** By customer only: confirmed cash not yet applied (as of the day), and overdue less it (never below 0). On the
   * totals row only when every customer is listed. */
  unapplied: z.string().optional(),
  netOverdue: z.string().optional(),
});
export const AgingReport = z.object({
  asOf: z.string(), currency: z.string(), groupBy: z.enum(AGING_GROUPS), method: z.enum(['projection', 'as_of']),
  buckets: z.array(AgingBucketSchema),
  rows: z.array(AgingRowSchema),
  /** How many groups there are in all (rows holds the first `limit`). */
  groups: z.number().int(),
  totals: AgingRowSchema,
});
export type AgingReport = z.infer<typeof AgingReport>;

export const AgingDrillQuery = AgingBase.extend({
  groupBy: z.enum(AGING_GROUPS).default('none'),
  /** The row's key from the report; omit for every row. */
  key: Text.max(120).optional(),
  /** A bucket key from the report, or "overdue"; omit for every open receivable. */
  bucket: Text.max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: CursorSchema.optional(),
});
export const OpenReceivableSchema = z.object({
  id: z.string(), number: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }),
  contract: z.object({ id: z.string(), number: z.string() }).nullable(),
  owner: UserRefSchema, currency: z.string(), amount: z.string(),
  /** Open as of the report date. */
  amountOpen: z.string(),
  businessDate: z.string(), dueDate: z.string(), daysOverdue: z.number().int(), bucket: z.string(),
});
export const OpenReceivablePage = pageOf(OpenReceivableSchema).extend({ asOf: z.string() });

export const AgingTrendQuery = z.object({
  months: z.coerce.number().int().min(1).max(36).default(12),
  currency: CurrencySchema,
});
export const AgingTrend = z.object({
  currency: z.string(),
  /** Month-end snapshots, oldest first; the last point is today (the month is not over yet). */
  points: z.array(z.object({ month: z.string(), asOf: z.string(), open: z.string(), overdue: z.string() })),
});

export const TopOverdueQuery = z.object({
  asOf: BusinessDateSchema.optional(),
  currency: CurrencySchema,
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export const TopOverdueCustomers = z.object({
  asOf: z.string(),
  items: z.array(z.object({
    customer: z.object({ id: z.string(), name: z.string() }), owner: UserRefSchema,
    overdue: z.string(), open: z.string(), count: z.number().int(), maxDaysOverdue: z.number().int(),
  })),
});

export const OverdueListQuery = ListQueryBase.omit({ q: true }).extend({
  asOf: BusinessDateSchema.optional(),
  currency: CurrencySchema,
  customerId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  /** Only receivables at least this many days past due. */
  minDays: z.coerce.number().int().min(1).max(3650).default(1),
});

export const DsoQuery = z.object({
  asOf: BusinessDateSchema.optional(),
  days: z.coerce.number().int().min(1).max(730).default(90),
  currency: CurrencySchema,
});
export const DsoReport = z.object({
  asOf: z.string(), currency: z.string(), days: z.number().int(),
  /** Open receivables as of asOf. */
  receivablesOpen: z.string(),
  /** Net credit sales (invoices less credit notes) booked in the `days` days up to and including asOf. */
  creditSales: z.string(),
  /** open ÷ sales × days, one decimal; null when there were no sales. */
  simpleDso: z.string().nullable(),
  /** Countback: days of the most recent sales, month by month, that add up to what is open; one decimal. */
  countbackDso: z.string(),
  /** True when every month looked at was counted back and money older than that is still open. */
  countbackExhausted: z.boolean(),
  periods: z.array(z.object({ from: z.string(), to: z.string(), days: z.number().int(), sales: z.string(), daysCounted: z.string() })),
});

export const StatementQuery = z.object({
  from: BusinessDateSchema,
  to: BusinessDateSchema,
  currency: CurrencySchema,
  lang: z.enum(['zh', 'en']).optional(),
}).refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export const STATEMENT_LINE_KINDS = ['receivable', 'credit_note', 'payment', 'rebate', 'bad_debt'] as const;
export const StatementLineSchema = z.object({
  date: z.string(), kind: z.enum(STATEMENT_LINE_KINDS), number: z.string(), ref: z.string().nullable(), memo: z.string().nullable(),
  /** Increases what the customer owes. */
  debit: z.string(),
  /** Decreases what the customer owes. */
  credit: z.string(),
  balance: z.string(),
});
export const StatementWriteOffSchema = z.object({
  date: z.string(), number: z.string(), kind: z.enum(['apply', 'reverse', 'bad_debt']), memo: z.string().nullable(),
  lines: z.array(z.object({ receivableNumber: z.string(), source: z.string(), sourceNumber: z.string().nullable(), amount: z.string() })),
  total: z.string(),
});
export const Statement = z.object({
  customer: z.object({ id: z.string(), number: z.string(), name: z.string() }),
  from: z.string(), to: z.string(), currency: z.string(),
  /**
   * Balance = invoices booked − confirmed payments − credit notes − rebate offsets − bad debt written off, counted up to
   * the end of the day before `from`. It equals open receivables − unapplied payments − unapplied credit notes.
   */
  openingBalance: z.string(),
  lines: z.array(StatementLineSchema),
  totals: z.object({ debit: z.string(), credit: z.string() }),
  closingBalance: z.string(),
  /** Write-offs 核销 in the period: they match payments to receivables and do not move the balance (bad debt is a line). */
  writeOffs: z.array(StatementWriteOffSchema),
  /** What the closing balance is made of, as of `to`. */
  closing: z.object({ receivablesOpen: z.string(), paymentsUnapplied: z.string(), creditNotesUnapplied: z.string() }),
});
export type Statement = z.infer<typeof Statement>;
