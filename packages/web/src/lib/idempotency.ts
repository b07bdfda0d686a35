// Idempotency keys for money-booking forms: one key per form submission, kept across retries of the same submission
// (a double click or a lost answer books once) and renewed after a success.
import { useCallback, useMemo, useRef } from 'react';

/** A random UUID; crypto.randomUUID exists only in secure contexts, so plain-HTTP intranet hosts get a fallback. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `key()` is stable until `renew()`; call renew after the booking succeeded (or when the form opens afresh). */
export function useIdempotencyKey() {
  const ref = useRef<string | null>(null);
  const key = useCallback(() => {
    ref.current ??= newIdempotencyKey();
    return ref.current;
  }, []);
  const renew = useCallback(() => { ref.current = null; }, []);
  return useMemo(() => ({ key, renew }), [key, renew]);
}
