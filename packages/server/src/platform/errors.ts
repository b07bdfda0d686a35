// Domain errors carry a code from a closed union per domain; the HTTP layer maps code → status via the
// domain's table. Anything else that escapes is a defect and becomes a 500 with the request id.
export interface FieldProblem { path: string; message: string }

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Extension members of the problem document: field errors, duplicate candidates, the id of a conflicting record … */
    readonly extra: { errors?: FieldProblem[]; candidates?: unknown[]; [member: string]: unknown } = {},
  ) {
    super(message);
  }
}

/** A domain's closed table of errors, as the OpenAPI document reads it (platform/openapi.ts): a route names the sets
 * it can answer with (`schema.errors`), and every code, status and title in its document comes from here. */
export interface ErrorSet {
  readonly domain: string;
  readonly table: Readonly<Record<string, readonly [number, string]>>;
}

/** Define a domain's errors once: code → [status, title]. Returns a typed factory that is also the domain's ErrorSet;
 * `only(…codes)` is the part of it one route can answer with. */
export function defineErrors<C extends string>(domain: string, table: Record<C, readonly [number, string]>) {
  function fail(code: C, detail?: string, extra?: DomainError['extra']): DomainError {
    const [status, title] = table[code];
    return new DomainError(`${domain}.${code}`, status, detail ?? title, extra);
  }
  const only = (...codes: C[]): ErrorSet => ({ domain, table: Object.fromEntries(codes.map((c) => [c, table[c]])) });
  return Object.assign(fail, { domain, table: table as ErrorSet['table'], only });
}

export const commonError = defineErrors('common', {
  not_found: [404, 'Not found'],
  forbidden: [403, 'You are not allowed to do this'],
  unauthenticated: [401, 'Log in first'],
  version_conflict: [409, 'Someone else changed this record; reload it and try again'],
  invalid: [400, 'Invalid input'],
  csrf: [403, 'Missing or wrong CSRF token'],
  idempotency_mismatch: [422, 'This Idempotency-Key was used with a different request body'],
  rate_limited: [429, 'Too many requests'],
  // Database facts the input broke (platform/pg-errors.ts): an unknown or another tenant's id, a taken value, a rule.
  reference_not_found: [422, 'A referenced record does not exist'],
  in_use: [409, 'Other records still refer to this one'],
  duplicate: [409, 'This record already exists'],
  check_violation: [422, 'The record breaks a rule of its table'],
  // What the HTTP layer refuses before a route runs (platform/http.ts)
  too_large: [413, 'The request body is larger than the server accepts'],
  unsupported_media_type: [415, 'The request body has a content type this route does not take'],
  uri_too_long: [414, 'A path parameter is longer than the server accepts'],
});
