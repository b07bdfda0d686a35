// 系统管理 (admins): users, teams, credit limits, public-pool rules and the company profile, one tab each (?tab=).
import { Card, Result, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { CompanyTab } from './CompanyTab';
import { CreditTab } from './CreditTab';
import { PoolTab } from './PoolTab';
import { TeamsTab } from './TeamsTab';
import { UsersTab } from './UsersTab';
import { ApprovalRulesTab } from './ApprovalRulesTab';
import { NumberFormatsTab } from './NumberFormatsTab';
import { WebhooksTab } from './WebhooksTab';

const TABS = ['users', 'teams', 'credit', 'pool', 'company', 'approvals', 'numbers', 'webhooks'] as const;

export default function AdminPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  if (!can('users', 'update')) return <Result status="403" title={t('admin.noAccess')} />;
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'users';
  return (
    <Card title={t('admin.title')}>
      <Tabs
        activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} destroyOnHidden
        items={[
          { key: 'users', label: <span data-testid="admin-tab-users">{t('admin.tabs.users')}</span>, children: <UsersTab /> },
          { key: 'teams', label: <span data-testid="admin-tab-teams">{t('admin.tabs.teams')}</span>, children: <TeamsTab /> },
          { key: 'credit', label: <span data-testid="admin-tab-credit">{t('admin.tabs.credit')}</span>, children: <CreditTab /> },
          { key: 'pool', label: <span data-testid="admin-tab-pool">{t('admin.tabs.pool')}</span>, children: <PoolTab /> },
          { key: 'company', label: <span data-testid="admin-tab-company">{t('admin.tabs.company')}</span>, children: <CompanyTab /> },
          { key: 'approvals', label: <span data-testid="admin-tab-approvals">{t('approvalRules.tab')}</span>, children: <ApprovalRulesTab /> },
          { key: 'numbers', label: <span data-testid="admin-tab-numbers">{t('numbering.tab')}</span>, children: <NumberFormatsTab /> },
          { key: 'webhooks', label: <span data-testid="admin-tab-webhooks">{t('webhooks.tab')}</span>, children: <WebhooksTab /> },
        ]}
      />
    </Card>
  );
}
