// Invoices 发票: requests 开票申请, the register of issued invoices, red-letter confirmations 红字确认单, settings. The
// tab, its filters and the open record live in the URL (?tab=register&id=…), so a link or reload lands on the same view.
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth';
import { useUrlFilters } from '../../lib/url';
import { RedTab } from './RedTab';
import { RegisterTab } from './RegisterTab';
import { RequestsTab } from './RequestsTab';
import { SettingsTab } from './SettingsTab';

const KEYS = ['tab', 'id', 'status', 'new', 'customerId', 'receivableId'] as const;

export default function InvoicesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const tab = filters.tab ?? 'requests';
  const items = [
    { key: 'requests', label: t('invoice.tabs.requests'), children: <RequestsTab filters={filters} setFilters={setFilters} /> },
    { key: 'register', label: t('invoice.tabs.register'), children: <RegisterTab filters={filters} setFilters={setFilters} /> },
    { key: 'red', label: t('invoice.tabs.red'), children: <RedTab /> },
    ...(can('invoices', 'import') ? [{ key: 'settings', label: t('invoice.tabs.settings'), children: <SettingsTab /> }] : []),
  ];
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('invoice.title')}</Typography.Title>
      <Tabs activeKey={tab} items={items} destroyOnHidden onChange={(k) => setFilters({ tab: k === 'requests' ? null : k, id: null, status: null })}
        data-testid="invoice-tabs" />
    </Card>
  );
}

export type Filters = Partial<Record<(typeof KEYS)[number], string>>;
export type SetFilters = (patch: Partial<Record<(typeof KEYS)[number], string | null>>) => void;
