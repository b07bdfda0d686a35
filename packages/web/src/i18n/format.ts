// Locale-aware formatting of instants, business dates and money. Money never goes through a float.
import { BOOK_CURRENCY, formatMoney } from '@l2c/shared';
import { useTranslation } from 'react-i18next';

const instantFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function instantFormat(lang: string): Intl.DateTimeFormat {
  let f = instantFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
    });
    instantFormats.set(lang, f);
  }
  return f;
}

function dateFormat(lang: string): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    dateFormats.set(lang, f);
  }
  return f;
}

// English dates read year-month-day (2026-12-06): 12/06/2026 is 6 December to some readers and 12 June to others.
const isoLike = (lang: string) => lang.startsWith('en');

/** An instant (ISO 8601 with offset) in the viewer's time zone. */
export function formatInstant(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (!isoLike(lang)) return instantFormat(lang).format(d);
  const p = Object.fromEntries(instantFormat('en-GB').formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** A business date (YYYY-MM-DD) — a calendar day, not shifted by time zones. */
export function formatBusinessDate(ymd: string | null | undefined, lang: string): string {
  if (!ymd) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) return ymd;
  if (isoLike(lang)) return `${m[1]}-${m[2]}-${m[3]}`;
  return dateFormat(lang).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    instant: (iso: string | null | undefined) => formatInstant(iso, lang),
    date: (ymd: string | null | undefined) => formatBusinessDate(ymd, lang),
    // A screen that does not name the currency shows the book currency's; a record's own currency is passed when it has one.
    money: (amount: string, currency?: string) => formatMoney(amount, currency ?? BOOK_CURRENCY, lang),
  };
}
