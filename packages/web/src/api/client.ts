// The one way the web app talks to the server: fetch with the session cookie, CSRF header on writes,
// RFC 9457 problem details turned into ApiError, and a redirect to /login when the session is gone.
export const API_BASE = '/api/v1';

export interface ApiFieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ApiFieldError[];
  readonly candidates: unknown[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number; code?: string; title?: string; detail?: string;
    errors?: ApiFieldError[]; candidates?: unknown[]; requestId?: string;
  }) {
    super(init.detail || init.title || `HTTP ${init.status}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code ?? `http.${init.status}`;
    this.title = init.title ?? `HTTP ${init.status}`;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.candidates = init.candidates ?? [];
    this.requestId = init.requestId;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not redirect to /login on 401 (the login form itself, for instance). */
  skipAuthRedirect?: boolean;
}

let csrfFallback: string | null = null;
let onUnauthorized: () => void = () => {
  if (!window.location.pathname.startsWith('/login')) {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`/login?next=${encodeURIComponent(next)}`);
  }
};

/** The app replaces the default hard redirect with a router navigation. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Remember the CSRF token from the login answer in case the cookie is not readable. */
export function setCsrfToken(token: string | null): void {
  csrfFallback = token;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function apiUrl(path: string, query?: Query): string {
  return `${API_BASE}${path}${buildQuery(query)}`;
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let body: Record<string, unknown> | null = null;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    body = null;
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const errors = Array.isArray(body?.errors)
    ? (body.errors as unknown[]).map((e) => {
        const o = (e ?? {}) as Record<string, unknown>;
        return { path: String(o.path ?? ''), message: String(o.message ?? '') };
      })
    : [];
  return new ApiError({
    status: res.status,
    code: str(body?.code),
    title: str(body?.title) ?? res.statusText,
    detail: str(body?.detail),
    errors,
    candidates: Array.isArray(body?.candidates) ? (body.candidates as unknown[]) : [],
    requestId: str(body?.requestId),
  });
}

/** Low-level request returning the Response (used for downloads). Throws ApiError when not ok. */
export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') {
    const csrf = readCookie('l2c_csrf') ?? csrfFallback;
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'include', signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: e instanceof Error ? e.message : String(e) });
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && !opts.skipAuthRedirect) onUnauthorized();
    throw err;
  }
  return res;
}

/** JSON request. 204 answers resolve to undefined. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Download a file answer (e.g. an Excel export) and hand it to the browser as a file. */
export async function download(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  const res = await request(path, { query, headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star?.[1] ? decodeURIComponent(star[1].replace(/"/g, '')) : (plain?.[1] ?? fallbackName);
  saveBlob(blob, name);
}

/** Hand a downloaded blob to the browser as a file named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
