// Providers every page needs: antd (locale follows the i18n language), antd's App API (lib/appApi.tsx: the real one
// loads after the first render), TanStack Query.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppApiProvider } from './lib/appApi';

// People who ask their system for less motion get none: antd's zoom and slide animations are switched off (modals and
// drawers appear at once). The browser tests ask for it too, so a click never lands on a dialog still growing.
const REDUCED_MOTION = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const THEME = { token: { colorPrimary: '#1677ff', borderRadius: 6, motion: !REDUCED_MOTION } };

export function AppProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? zhCN : enUS;
  return (
    <ConfigProvider locale={locale} theme={THEME}>
      <AppApiProvider>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </AppApiProvider>
    </ConfigProvider>
  );
}
