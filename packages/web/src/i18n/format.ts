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

/** An instant (ISO 8601 with offset) in the viewer's time zone. */
export function formatInstant(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instantFormat(lang).format(d);
}

/** A business date (YYYY-MM-DD) — a calendar day, not shifted by time zones. */
export function formatBusinessDate(ymd: string | null | undefined, lang: string): string {
  if (!ymd) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) return ymd;
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
