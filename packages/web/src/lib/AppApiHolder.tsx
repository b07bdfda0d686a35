// The real antd App API (lib/appApi.tsx loads this after the first render): antd's App without a container element,
// whose context holders render the toasts, notifications and confirm dialogs; it hands its API over once.
import { App } from 'antd';
import { useEffect } from 'react';
import type { useAppProps } from 'antd/es/app/context';

function Capture({ onReady }: { onReady: (api: useAppProps) => void }) {
  const api = App.useApp();
  useEffect(() => onReady(api), [api, onReady]);
  return null;
}

export default function AppApiHolder({ onReady }: { onReady: (api: useAppProps) => void }) {
  return <App component={false}><Capture onReady={onReady} /></App>;
}
