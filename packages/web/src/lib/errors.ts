// Turning ApiErrors into words for people, and into field errors on antd forms.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useAppApi } from './appApi';

export function errorText(t: TFunction, err: unknown): string {
  if (!isApiError(err)) return t('errors.generic', { detail: err instanceof Error ? err.message : String(err) });
  if (err.status === 0) return t('errors.network');
  switch (err.code) {
    case 'common.version_conflict': return t('errors.versionConflict');
    case 'common.csrf': return t('errors.csrf');
    case 'common.forbidden': return t('errors.forbidden');
    case 'common.not_found': return t('errors.notFound');
    case 'common.unauthenticated': return t('errors.unauthenticated');
    case 'common.rate_limited': return t('errors.rateLimited');
    default: break;
  }
  const byCode = err.code ? t(`errors.codes.${err.code}`, { defaultValue: '' }) : '';
  if (byCode) return byCode;
  if (err.status >= 500) return t('errors.server', { requestId: err.requestId ?? '-' });
  if (err.status === 429) return t('errors.rateLimited');
  // Domain messages come from the server (English detail); show them as they are.
  if (err.detail) return err.detail;
  if (err.status === 403) return t('errors.forbidden');
  if (err.status === 404) return t('errors.notFound');
  if (err.status === 400) return t('errors.validation');
  return t('errors.generic', { detail: err.title });
}

/** Show an error as an antd message toast. */
export function useShowError() {
  const { t } = useTranslation();
  const { message } = useAppApi();
  return useCallback((err: unknown) => { void message.error(errorText(t, err)); }, [message, t]);
}

/** "body.contacts[0].name", "/name", "name" → ['name'] style antd name paths. */
export function pathToName(path: string): (string | number)[] {
  return path
    .replace(/^\//, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((s, i) => s !== '' && !(i === 0 && s === 'body'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Put the server's field errors on the matching form fields. Returns the errors that matched no field,
 * so the caller can show them some other way.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, fields: readonly string[]): string[] {
  if (!isApiError(err) || err.errors.length === 0) return [];
  const known = new Set(fields);
  const unmatched: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of err.errors) {
    const name = pathToName(e.path);
    const head = name[0];
    if (typeof head === 'string' && known.has(head)) {
      const key = String(head);
      const entry = byField.get(key) ?? { name: [head], errors: [] };
      entry.errors.push(e.message);
      byField.set(key, entry);
    } else {
      unmatched.push(e.path ? `${e.path}: ${e.message}` : e.message);
    }
  }
  form.setFields([...byField.values()]);
  return unmatched;
}

/**
 * Put field errors on the form; return a summary for what could not be shown on a field,
 * or null when every problem now shows next to its field.
 */
export function formErrorSummary(t: TFunction, form: FormInstance, err: unknown, fields: readonly string[]): string | null {
  const unmatched = applyFieldErrors(form, err, fields);
  if (isApiError(err) && err.errors.length > 0 && unmatched.length === 0) return null;
  return [errorText(t, err), ...unmatched].join('\n');
}

/**
 * Like applyFieldErrors, but onto nested fields too ("lines.0.quantity" → ['lines', 0, 'quantity']), for forms with
 * lists. `rename` maps API field names to form field names (e.g. discountRate → discountPercent). Returns what
 * matched no field.
 */
export function applyNestedFieldErrors(
  form: FormInstance, errors: ReadonlyArray<{ path: string; message: string }>, fields: readonly string[], rename: Record<string, string> = {},
): string[] {
  const known = new Set(fields);
  const unmatched: string[] = [];
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of errors) {
    const name = pathToName(e.path).map((s) => (typeof s === 'string' ? (rename[s] ?? s) : s));
    if (typeof name[0] !== 'string' || !known.has(name[0])) {
      unmatched.push(e.path ? `${e.path}: ${e.message}` : e.message);
      continue;
    }
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(e.message);
    byName.set(key, entry);
  }
  form.setFields([...byName.values()]);
  return unmatched;
}
