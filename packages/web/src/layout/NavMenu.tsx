// The side menu, grouped by domain. Items the user may not read are hidden.
import {
  AimOutlined, AppstoreOutlined, CarOutlined, FunnelPlotOutlined, FileTextOutlined, TagsOutlined,
  ExperimentOutlined, MergeCellsOutlined,
  BankOutlined, FlagOutlined, ContactsOutlined, FormOutlined,
  AuditOutlined, BarChartOutlined, CheckSquareOutlined, CloudDownloadOutlined, FileProtectOutlined, HomeOutlined, InboxOutlined, KeyOutlined,
  MoneyCollectOutlined, NodeIndexOutlined, PhoneOutlined, ReconciliationOutlined, SettingOutlined, TeamOutlined,
} from '@ant-design/icons';
import { Badge, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useApprovalInbox } from '../api/approvals';
import { useAwaitingBadDebtRequests } from '../api/bad-debt-requests';
import { useAuth } from '../auth/useAuth';

const PREFIXES: Array<[string, string]> = [
  ['/catalog', 'catalog'],
  ['/opportunities', 'opportunities'], ['/pipeline', 'pipeline'], ['/visits', 'visits'], ['/key-accounts', 'customers'],
  ['/customers', 'customers'], ['/pool', 'pool'], ['/audit', 'audit'], ['/settings/tokens', 'tokens'], ['/settings/export', 'dataExport'], ['/admin', 'admin'],
  ['/contracts', 'contracts'], ['/approvals', 'approvals'], ['/receivables', 'receivables'], ['/payments', 'payments'],
  ['/write-off', 'writeOff'], ['/bank', 'bank'], ['/aging', 'aging'], ['/invoices', 'invoices'], ['/dunning', 'dunning'],
  ['/campaigns', 'campaigns'], ['/leads', 'leads'], ['/lead-pool', 'leadPool'], ['/lead-forms', 'leadForms'], ['/quotes', 'quotes'], ['/pricing', 'pricing'],
  ['/dedup', 'dedup'], ['/merge', 'dedup'], ['/scoring', 'scoring'],
];

function selectedKey(pathname: string): string {
  return PREFIXES.find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? 'home';
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();

  const link = (to: string, testId: string, label: string) => (
    <Link to={to} data-testid={testId} onClick={onNavigate}>{label}</Link>
  );

  const crm: NonNullable<MenuProps['items']> = [];
  if (can('campaigns', 'read')) {
    crm.push({ key: 'campaigns', icon: <FlagOutlined />, label: link('/campaigns', 'nav-campaigns', t('campaign.nav')) });
  }
  if (can('leads', 'read')) {
    crm.push({ key: 'leads', icon: <ContactsOutlined />, label: link('/leads', 'nav-leads', t('lead.nav')) });
    crm.push({ key: 'leadPool', icon: <InboxOutlined />, label: link('/lead-pool', 'nav-lead-pool', t('lead.poolNav')) });
  }
  if (can('lead_forms', 'read') || can('leads', 'assign')) {
    crm.push({ key: 'leadForms', icon: <FormOutlined />, label: link('/lead-forms', 'nav-lead-forms', t('lead.formsNav')) });
  }
  if (can('customers', 'read')) {
    crm.push({ key: 'customers', icon: <TeamOutlined />, label: link('/customers', 'nav-customers', t('nav.customers')) });
  }
  if (can('pool', 'read')) {
    crm.push({ key: 'pool', icon: <InboxOutlined />, label: link('/pool', 'nav-pool', t('nav.pool')) });
  }
  if (can('opportunities', 'read')) {
    crm.push({ key: 'opportunities', icon: <AimOutlined />, label: link('/opportunities', 'nav-opportunities', t('opp.nav')) });
    crm.push({ key: 'pipeline', icon: <FunnelPlotOutlined />, label: link('/pipeline', 'nav-pipeline', t('opp.pipelineNav')) });
  }
  if (can('dedup', 'read')) {
    crm.push({ key: 'dedup', icon: <MergeCellsOutlined />, label: link('/dedup', 'nav-dedup', t('dedup.nav')) });
  }
  if (can('scoring', 'create')) {
    crm.push({ key: 'scoring', icon: <ExperimentOutlined />, label: link('/scoring', 'nav-scoring', t('scoring.nav')) });
  }
  if (can('visits', 'read')) {
    crm.push({ key: 'visits', icon: <CarOutlined />, label: link('/visits', 'nav-visits', t('visit.nav')) });
  }
  const canApprove = can('approvals', 'approve');
  const inbox = useApprovalInbox(canApprove, { poll: true });
  // bad-debt requests wait in the same inbox (its second tab); same query as the tab, so one fetch serves both
  const badDebt = useAwaitingBadDebtRequests(can('receivables', 'approve'), { poll: true });
  const waiting = (inbox.data?.items.length ?? 0) + (badDebt.data?.items.length ?? 0);
  const cash: NonNullable<MenuProps['items']> = [];
  if (can('contracts', 'read')) {
    cash.push({ key: 'contracts', icon: <FileProtectOutlined />, label: link('/contracts', 'nav-contracts', t('nav.contracts')) });
  }
  if (can('approvals', 'read')) {
    cash.push({
      key: 'approvals', icon: <CheckSquareOutlined />,
      label: (
        <Link to="/approvals" data-testid="nav-approvals" onClick={onNavigate}>
          {t('nav.approvals')}{' '}
          {waiting > 0 && <Badge count={waiting} size="small" style={{ marginInlineStart: 4 }} data-testid="nav-approvals-badge" />}
        </Link>
      ),
    });
  }
  if (can('quotes', 'read')) {
    cash.push({ key: 'quotes', icon: <FileTextOutlined />, label: link('/quotes', 'nav-quotes', t('quote.nav')) });
    cash.push({ key: 'pricing', icon: <TagsOutlined />, label: link('/pricing', 'nav-pricing', t('pricing.nav')) });
  }
  if (can('catalog', 'read')) {
    cash.push({ key: 'catalog', icon: <AppstoreOutlined />, label: link('/catalog', 'nav-catalog', t('catalog.nav')) });
  }
  if (can('receivables', 'read')) {
    cash.push({ key: 'receivables', icon: <ReconciliationOutlined />, label: link('/receivables', 'nav-receivables', t('nav.receivables')) });
  }
  if (can('payments', 'read')) {
    cash.push({ key: 'payments', icon: <MoneyCollectOutlined />, label: link('/payments', 'nav-payments', t('nav.payments')) });
  }
  if (can('write_offs', 'read')) {
    cash.push({ key: 'writeOff', icon: <NodeIndexOutlined />, label: link('/write-off', 'nav-write-off', t('nav.writeOff')) });
  }
  if (can('payments', 'read')) {
    cash.push({ key: 'bank', icon: <BankOutlined />, label: link('/bank', 'nav-bank', t('bank.nav')) });
  }
  if (can('invoices', 'read')) {
    cash.push({ key: 'invoices', icon: <AuditOutlined />, label: link('/invoices', 'nav-invoices', t('invoice.nav')) });
  }
  if (can('dunning', 'read')) {
    cash.push({ key: 'dunning', icon: <PhoneOutlined />, label: link('/dunning', 'nav-dunning', t('dunning.nav')) });
  }
  if (can('receivables', 'read')) {
    cash.push({ key: 'aging', icon: <BarChartOutlined />, label: link('/aging', 'nav-aging', t('nav.aging')) });
  }
  const system: NonNullable<MenuProps['items']> = [];
  if (can('users', 'update')) {
    system.push({ key: 'admin', icon: <SettingOutlined />, label: link('/admin', 'nav-admin', t('admin.nav')) });
  }
  if (can('audit', 'read')) {
    system.push({ key: 'audit', icon: <AuditOutlined />, label: link('/audit', 'nav-audit', t('nav.audit')) });
  }
  if (can('tokens', 'read')) {
    system.push({ key: 'tokens', icon: <KeyOutlined />, label: link('/settings/tokens', 'nav-tokens', t('nav.tokens')) });
  }
  if (can('settings', 'export')) {
    system.push({ key: 'dataExport', icon: <CloudDownloadOutlined />, label: link('/settings/export', 'nav-data-export', t('dataExport.nav')) });
  }

  const items: MenuProps['items'] = [
    { key: 'home', icon: <HomeOutlined />, label: link('/', 'nav-home', t('nav.home')) },
    ...(crm.length ? [{ type: 'group' as const, key: 'crm', label: t('nav.crm'), children: crm }] : []),
    ...(cash.length ? [{ type: 'group' as const, key: 'cash', label: t('nav.cash'), children: cash }] : []),
    ...(system.length ? [{ type: 'group' as const, key: 'system', label: t('nav.system'), children: system }] : []),
  ];

  return <Menu mode="inline" selectedKeys={[selectedKey(pathname)]} items={items} style={{ borderInlineEnd: 0 }} />;
}
