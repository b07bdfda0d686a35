// Reading and writing list filters in the URL, so filtered lists survive reloads and the back button.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params, keys.join(',')]);
  const update = useCallback(
    (patch: Partial<Record<K, string | null | undefined>>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch) as [string, string | null | undefined][]) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      }, { replace: true });
    },
    [setParams],
  );
  return [values, update] as const;
}
