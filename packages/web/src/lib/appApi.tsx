// antd's App API (message, notification, modal) without antd's App on the first screen: App brings Modal, the
// notification and message machinery (14 kB gzipped). The shell provides antd's AppContext with forwarders, and the
// real API comes from a small lazily loaded holder (lib/AppApiHolder.tsx) rendered beside the page. A call made
// before the holder is there (it loads right after the first render) waits for it. Pages keep calling App.useApp():
// it reads the same AppContext.
import AppContext, { type useAppProps } from 'antd/es/app/context';
import { lazy, Suspense, useContext, type CSSProperties, type ReactNode } from 'react';

type Api = useAppProps;
let real: Api | null = null;
const waiting: Array<(api: Api) => void> = [];

function ready(api: Api): void {
  real = api;
  for (const w of waiting.splice(0)) w(api);
}

function whenReady(): Promise<Api> {
  return real ? Promise.resolve(real) : new Promise((resolve) => waiting.push(resolve));
}

/** One of the three APIs as an object whose every method calls the real one, now or once it is there. */
function forwarder<K extends keyof Api>(part: K): Api[K] {
  return new Proxy({}, {
    get: (_target, method: string | symbol) => (...args: unknown[]) => {
      const call = (api: Api) => (api[part] as unknown as Record<string | symbol, (...a: unknown[]) => unknown>)[method]!(...args);
      if (real) return call(real);
      const later = whenReady().then(call);
      // modal.confirm() hands back { destroy, update }; message.*() a thenable: both work on the promise
      return Object.assign(later, {
        destroy: () => void later.then((r) => (r as { destroy?: () => void })?.destroy?.()),
        update: (c: unknown) => void later.then((r) => (r as { update?: (x: unknown) => void })?.update?.(c)),
      });
    },
  }) as Api[K];
}

const forwarders: Api = { message: forwarder('message'), notification: forwarder('notification'), modal: forwarder('modal') };

/** The App API in shell code (header, error reporting, mutations): the same context App.useApp() reads. */
export function useAppApi(): Api {
  return useContext(AppContext);
}

const AppApiHolder = lazy(() => import('./AppApiHolder'));

// What antd's App container gives its children (.ant-app): the default text style of the theme.
const BASE: CSSProperties = {
  color: 'rgba(0, 0, 0, 0.88)', fontSize: 14, lineHeight: 1.5714285714285714,
  fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji', 'Segoe UI Symbol', 'Noto Color Emoji'",
  minHeight: '100%',
};

export function AppApiProvider({ children }: { children: ReactNode }) {
  return (
    <AppContext.Provider value={forwarders}>
      <div style={BASE}>{children}</div>
      <Suspense fallback={null}><AppApiHolder onReady={ready} /></Suspense>
    </AppContext.Provider>
  );
}
