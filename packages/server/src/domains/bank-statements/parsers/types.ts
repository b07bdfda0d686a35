// What every statement parser hands back: statements with their balances and lines, amounts as exact decimal strings
// (never floats — a bank's "620,3" is "620.3", not 620.29999…), dates as YYYY-MM-DD.

export interface ParsedLine {
  bookedOn: string;
  valueOn: string | null;
  direction: 'credit' | 'debit';
  /** Positive decimal string, as many decimals as the bank wrote. */
  amount: string;
  currency: string;
  payerName: string | null;
  payerAccount: string | null;
  remittance: string | null;
  bankReference: string | null;
  customerReference: string | null;
}

/** A balance as the file states it: signed amount (debit negative), its own currency and date. */
export interface ParsedBalance { amount: string; currency: string; date: string | null }

export interface ParsedStatement {
  account: string;
  currency: string;
  reference: string | null;
  number: string | null;
  opening: ParsedBalance | null;
  closing: ParsedBalance | null;
  /** Closing available balance (MT940 :64:, camt CLAV) when the file gives one; informative only. */
  available: ParsedBalance | null;
  lines: ParsedLine[];
}

/** A file the parser cannot read at all: a 400 naming what is wrong and where. */
export class StatementParseError extends Error {
  constructor(message: string, readonly where: string | null = null) {
    super(where ? `${where}: ${message}` : message);
  }
}

/** "6800," → "6800", "620,3" → "620.3", "1.234,56" stays the caller's business: banks' MT940 amounts use a comma. */
export function commaDecimal(text: string): string {
  const m = /^(\d+),(\d*)$/.exec(text.trim());
  if (!m) throw new StatementParseError(`not an amount: "${text}"`);
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  return m[2] ? `${int}.${m[2]}` : int;
}

/** YYMMDD → YYYY-MM-DD (SWIFT years: 00–79 are 20xx, 80–99 are 19xx). */
export function swiftDate(yymmdd: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  const year = yy < 80 ? 2000 + yy : 1900 + yy;
  const date = `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  if (!isCalendarDate(date)) throw new StatementParseError(`not a date: "${yymmdd}"`);
  return date;
}

export function isCalendarDate(ymd: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t : null;
};
