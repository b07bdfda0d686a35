// Document number formats 单据编号规则: per document type a prefix, a date part, a counter width and when the counter
// starts again. No stored format: PREFIX-YYYY-000123, counted per year.
import { z } from 'zod';
import { Text } from './common.js';

/** The numbered document types, by their counter code (the built-in prefix). A new numbered document adds its code. */
export const DOC_NUMBER_TYPES = {
  KH: 'customer', HT: 'contract', YS: 'receivable', HK: 'payment', HX: 'write_off', HC: 'credit_note', KP: 'invoice_request', HZ: 'red_confirmation',
} as const;
export type DocNumberType = keyof typeof DOC_NUMBER_TYPES;
export const DOC_NUMBER_CODES = Object.keys(DOC_NUMBER_TYPES) as DocNumberType[];
export const DATE_PATTERNS = ['', 'YYYY', 'YYMM', 'YYYYMM', 'YYYYMMDD'] as const;
export const NUMBER_RESETS = ['never', 'yearly', 'monthly', 'daily'] as const;
export const NUMBER_SEPARATORS = ['', '-', '/', '_'] as const;

export const DocNumberFormatInput = z.object({
  prefix: Text.trim().regex(/^[A-Za-z0-9]{0,10}$/, 'letters and digits, at most 10'),
  datePattern: z.enum(DATE_PATTERNS),
  separator: z.enum(NUMBER_SEPARATORS),
  width: z.number().int().min(3).max(12),
  reset: z.enum(NUMBER_RESETS),
  version: z.number().int().min(0).optional(),
});
export type DocNumberFormatInput = z.infer<typeof DocNumberFormatInput>;

export const DocNumberFormatSchema = z.object({
  docType: z.string(), kind: z.string(), prefix: z.string(), datePattern: z.enum(DATE_PATTERNS), separator: z.enum(NUMBER_SEPARATORS),
  width: z.number().int(), reset: z.enum(NUMBER_RESETS), builtIn: z.boolean(), version: z.number().int(), updatedAt: z.string().nullable(),
  next: z.string().meta({ description: 'The number the next document of this type would get today (not reserved).' }),
}).meta({ id: 'DocNumberFormat' });
export type DocNumberFormat = z.infer<typeof DocNumberFormatSchema>;
export const DocNumberPreviewInput = DocNumberFormatInput.omit({ version: true });

/** The reset period must be visible in the number, or a new period would repeat the last one's numbers. */
export function resetProblem(f: Pick<DocNumberFormatInput, 'datePattern' | 'reset'>): string | null {
  const has = { yearly: f.datePattern !== '', monthly: f.datePattern.includes('MM'), daily: f.datePattern.includes('DD'), never: true };
  return has[f.reset] ? null : `a ${f.reset} counter needs the ${f.reset === 'yearly' ? 'year' : f.reset === 'monthly' ? 'month' : 'day'} in the date part`;
}

/** The number as the format writes it for a business date (YYYY-MM-DD) and a counter value. */
export function formatDocNumber(f: Pick<DocNumberFormatInput, 'prefix' | 'datePattern' | 'separator' | 'width'>, on: string, value: number): string {
  const date = f.datePattern.replace('YYYY', on.slice(0, 4)).replace('YY', on.slice(2, 4)).replace('MM', on.slice(5, 7)).replace('DD', on.slice(8, 10));
  return [f.prefix, date, String(value).padStart(f.width, '0')].filter((p) => p !== '').join(f.separator);
}

/** The counter's key for a date: 0 (never), YYYY, YYYYMM or YYYYMMDD. */
export function periodKey(reset: (typeof NUMBER_RESETS)[number], on: string): number {
  if (reset === 'never') return 0;
  const y = on.slice(0, 4), m = on.slice(5, 7), d = on.slice(8, 10);
  return Number(reset === 'yearly' ? y : reset === 'monthly' ? y + m : y + m + d);
}
