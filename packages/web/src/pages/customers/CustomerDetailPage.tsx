// Customer detail: header with actions (edit, claim, release, assign) and tabs.
import { EditOutlined, InboxOutlined, UserSwitchOutlined, VerticalAlignBottomOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useClaimCustomerMutation, useCustomer } from '../../api/customers';
import type { Customer } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { AssignModal } from '../../components/AssignModal';
import { ReleaseModal } from '../../components/ReleaseModal';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';
import { AccountsTab } from '../../components/accounts/AccountsTab';
import { CreditAssessmentPanel } from '../dunning/CreditAssessmentPanel';
import { AuditTab } from './AuditTab';
import { ContactsTab } from './ContactsTab';
import { CustomerContracts, CustomerPayments, CustomerReceivables, CustomerWriteOffs } from './CustomerMoneyLists';
import { CustomerTimeline } from './CustomerTimeline';
import { MoneySummary } from './MoneySummary';
import { CustomerOverview } from './CustomerOverview';
import { FollowUpsTab } from './FollowUpsTab';
import { OpportunityFormModal } from '../opportunities/OpportunityFormModal';
import { DuplicatesCard } from '../../components/dedup/DuplicatesCard';
import { CustomerRfmCard } from '../../components/scoring/CustomerRfmCard';

// 'timeline' is the one history of the customer (audit, follow-ups, money); 'audit' is its old name in links.
const TABS = ['overview', 'contacts', 'followups', 'contracts', 'receivables', 'payments', 'writeOffs', 'accounts', 'credit', 'timeline', 'audit'] as const;

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can, user, scope } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [releasing, setReleasing] = useState<Customer | null>(null);
  const [assigning, setAssigning] = useState<Customer | null>(null);
  const [newOpportunity, setNewOpportunity] = useState(false);
  const claimMutation = useClaimCustomerMutation();
  const customer = useCustomer(id);

  if (customer.isPending) return <Card><Skeleton active /></Card>;
  if (customer.isError) {
    return (
      <Result
        status="warning"
        title={errorText(t, customer.error)}
        extra={<Button onClick={() => void navigate('/customers')}>{t('common.back')}</Button>}
      />
    );
  }
  const c = customer.data;
  const tabParam = params.get('tab');
  const tab = tabParam === 'audit' ? 'timeline' : (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as string) : 'overview';
  // money of a customer in scope, not of the pool (the API answers 404 for a narrower scope than all)
  const moneyVisible = !c.inPool || scope === 'all';
  const canAssign = can('customers', 'assign') || can('pool', 'assign');
  const canRelease = !c.inPool && (can('customers', 'release') || can('pool', 'release'))
    && (c.owner?.id === user?.id || canAssign);
  const canClaim = c.inPool && (can('customers', 'claim') || can('pool', 'claim'));

  const claim = () => claimMutation.mutate(c.id, { onSuccess: () => void message.success(t('pool.claimed')) });

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-title">{c.name}</Typography.Title>
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              <Tag>{c.number}</Tag>
              {c.grade && <Tag color="gold">{enumLabel(t, 'grade', c.grade)}</Tag>}
              {c.industry && <Tag>{enumLabel(t, 'industry', c.industry)}</Tag>}
              {c.inPool && <Tag color="orange">{t('customer.detail.inPool')}</Tag>}
              <Typography.Text type="secondary">{t('customer.fields.owner')}: {c.owner?.name ?? '—'}</Typography.Text>
            </Flex>
          </div>
          <Flex gap={8} wrap>
            {can('customers', 'update') && !c.inPool && (
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/customers/${c.id}/edit`)} data-testid="customer-edit">
                {t('common.edit')}
              </Button>
            )}
            {can('opportunities', 'create') && !c.inPool && (
              <Button onClick={() => setNewOpportunity(true)} data-testid="customer-new-opportunity">{t('opp.new')}</Button>
            )}
            <Button onClick={() => void navigate(`/key-accounts/${c.id}`)} data-testid="customer-key-account">{t('ka.open')}</Button>
            {canClaim && (
              <Button type="primary" icon={<VerticalAlignBottomOutlined />} loading={claimMutation.isPending} onClick={claim} data-testid="customer-claim">
                {t('customer.detail.claim')}
              </Button>
            )}
            {canAssign && (
              <Button icon={<UserSwitchOutlined />} onClick={() => setAssigning(c)} data-testid="customer-assign">
                {t('customer.detail.assign')}
              </Button>
            )}
            {canRelease && (
              <Button danger icon={<InboxOutlined />} onClick={() => setReleasing(c)} data-testid="customer-release">
                {t('customer.detail.release')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>
      {can('accounts', 'read') && moneyVisible && <MoneySummary customerId={c.id} />}
      <Flex gap={16} wrap>
        {moneyVisible && <div style={{ flex: '1 1 360px' }}><CustomerRfmCard customerId={c.id} /></div>}
        <div style={{ flex: '1 1 360px' }}><DuplicatesCard object="customer" id={c.id} /></div>
      </Flex>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((prev) => {
            const next = new URLSearchParams(prev);
            if (key === 'overview') next.delete('tab');
            else next.set('tab', key);
            return next;
          }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'overview', label: <span data-testid="customer-tab-overview">{t('customer.detail.overview')}</span>, children: <CustomerOverview customer={c} /> },
            ...(can('contacts', 'read') ? [{ key: 'contacts', label: <span data-testid="customer-tab-contacts">{t('customer.detail.contacts')}</span>, children: <ContactsTab customerId={c.id} /> }] : []),
            ...(can('followups', 'read') ? [{ key: 'followups', label: <span data-testid="customer-tab-followups">{t('customer.detail.followups')}</span>, children: <FollowUpsTab customerId={c.id} /> }] : []),
            // A customer in the pool is open to every rep for claiming, its accounts are not (the API answers 404).
            ...(can('accounts', 'read') && (!c.inPool || scope === 'all') ? [{ key: 'accounts', label: <span data-testid="customer-tab-accounts">{t('account.tab')}</span>, children: <AccountsTab customerId={c.id} /> }] : []),
            // the credit assessment 资信评估 follows the accounts' rule: money of a customer in scope, not of the pool
            ...(can('credit', 'read') && (!c.inPool || scope === 'all') ? [{ key: 'credit', label: <span data-testid="customer-tab-credit">{t('credit.tab')}</span>, children: <CreditAssessmentPanel customerId={c.id} /> }] : []),
            ...(can('contracts', 'read') && moneyVisible ? [{ key: 'contracts', label: <span data-testid="customer-tab-contracts">{t('c360.tabs.contracts')}</span>, children: <CustomerContracts customerId={c.id} /> }] : []),
            ...(can('receivables', 'read') && moneyVisible ? [{ key: 'receivables', label: <span data-testid="customer-tab-receivables">{t('c360.tabs.receivables')}</span>, children: <CustomerReceivables customerId={c.id} /> }] : []),
            ...(can('payments', 'read') && moneyVisible ? [{ key: 'payments', label: <span data-testid="customer-tab-payments">{t('c360.tabs.payments')}</span>, children: <CustomerPayments customerId={c.id} /> }] : []),
            ...(can('write_offs', 'read') && moneyVisible ? [{ key: 'writeOffs', label: <span data-testid="customer-tab-write-offs">{t('c360.tabs.writeOffs')}</span>, children: <CustomerWriteOffs customerId={c.id} /> }] : []),
            // without the money (no accounts permission, or a pool customer), the history is the customer's audit trail
            ...(can('accounts', 'read') && moneyVisible
              ? [{ key: 'timeline', label: <span data-testid="customer-tab-timeline">{t('c360.tabs.timeline')}</span>, children: <CustomerTimeline customerId={c.id} /> }]
              : can('customers', 'read') ? [{ key: 'timeline', label: <span data-testid="customer-tab-audit">{t('customer.detail.audit')}</span>, children: <AuditTab customerId={c.id} /> }] : []),
          ]}
        />
      </Card>
      <AssignModal customer={assigning} onClose={() => setAssigning(null)} />
      <ReleaseModal customer={releasing} onClose={() => setReleasing(null)} />
      <OpportunityFormModal open={newOpportunity} onClose={() => setNewOpportunity(false)} customer={{ id: c.id, name: c.name }} />
    </Flex>
  );
}
