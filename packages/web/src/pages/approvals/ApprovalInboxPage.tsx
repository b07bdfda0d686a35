// The approval inbox: what waits for the signed-in user's decision, with the document's key facts; approve (with an
// optional comment), reject or return (with a reason the submitter can act on). Bad-debt write-offs are approvals
// too and are listed here with the rest; the second tab 坏账审批 (?tab=bad-debt) shows only them, with the full list.
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Tabs, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApprovalDecisionMutation, useApprovalInbox, type ApprovalAction } from '../../api/approvals';
import type { ApprovalInboxItem } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { stepName } from '../../components/contracts/ApprovalProgress';
import { Money } from '../../components/cash/Money';
import { ReasonModal } from '../../components/cash/ReasonModal';
import { useFormat } from '../../i18n/format';
import { rateToPercent } from '../../lib/contractForm';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';
import { BadDebtRequestsTab, useAwaitingBadDebt } from './BadDebtRequestsTab';

type Act = { item: ApprovalInboxItem; action: 'approve' | 'reject' | 'return' } | null;

function docLink(item: ApprovalInboxItem): string {
  // an amendment opens on its contract's page, where the amendments are listed
  if (item.subjectType === 'contract') return `/contracts/${item.subjectId}`;
  // a bad-debt request opens its receivable's drawer
  if (item.subjectType === 'receivable') return `/receivables?id=${encodeURIComponent(item.subjectId)}`;
  // an invoice request opens in the invoices page's drawer
  if (item.subjectType === 'invoice_request') return `/invoices?id=${encodeURIComponent(item.subjectId)}`;
  // a credit limit raise opens the customer's credit assessment tab
  if (item.subjectType === 'credit_profile') return `/customers/${encodeURIComponent(item.subjectId)}?tab=credit`;
  // a quote opens in its editor, with the version the request was submitted for
  if (item.subjectType === 'quote') return `/quotes/${encodeURIComponent(item.subjectId)}`;
  return '#';
}

function factItems(t: TFunction, facts: ApprovalInboxItem['facts'], currency: string | undefined) {
  const out: Array<{ key: string; label: string; children: ReactNode }> = [];
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  for (const k of ['amount', 'amountBefore', 'amountDelta', 'amountExclTax', 'amountOpen'] as const) {
    const v = str(facts[k]);
    if (v) out.push({ key: k, label: t(`approval.facts.${k}`), children: <Money amount={v} currency={currency} strong={k === 'amount'} /> });
  }
  const disc = str(facts.maxDiscount);
  if (disc) out.push({ key: 'maxDiscount', label: t('approval.facts.maxDiscount'), children: `${rateToPercent(disc)}%` });
  if (facts.paymentTermDays !== undefined && facts.paymentTermDays !== null) {
    out.push({ key: 'term', label: t('approval.facts.paymentTermDays'), children: t('approval.facts.days', { days: facts.paymentTermDays }) });
  }
  const risk = str(facts.riskLevel);
  if (risk) out.push({ key: 'risk', label: t('approval.facts.riskLevel'), children: enumLabel(t, 'riskLevel', risk) });
  const reason = str(facts.reason);
  if (reason) out.push({ key: 'reason', label: t('approval.facts.reason'), children: reason });
  const grade = str(facts.customerGrade);
  if (grade) out.push({ key: 'grade', label: t('approval.facts.customerGrade'), children: grade });
  if (facts.marginBelowFloor === true) out.push({ key: 'margin', label: t('quote.margin'), children: <Tag color="orange">{t('quote.marginBreach', { floor: '' })}</Tag> });
  if (facts.overCredit === true) out.push({ key: 'over', label: t('approval.facts.overCredit'), children: <Tag color="red">{t('common.yes')}</Tag> });
  return out;
}

export default function ApprovalInboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [act, setAct] = useState<Act>(null);
  const inbox = useApprovalInbox(can('approvals', 'read'));
  // the comment dialog shows a failure itself
  const decision = useApprovalDecisionMutation({ silent: true });
  const awaitingBadDebt = useAwaitingBadDebt();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'bad-debt' && can('receivables', 'read') ? 'bad-debt' : 'documents';
  const setTab = (key: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (key === 'bad-debt') next.set('tab', key);
    else next.delete('tab');
    return next;
  }, { replace: true });

  const decide = async (item: ApprovalInboxItem, action: ApprovalAction, comment: string | null) => {
    await decision.mutateAsync({ item, action, comment });
    void message.success(t(`approval.actions.${action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'returned'}`));
  };

  return (
    <Card>
      <Flex vertical gap={16}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('approval.inbox.title')}</Typography.Title>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'documents',
              label: <span data-testid="approval-tab-documents">{t('badDebtRequest.tabs.documents')}</span>,
              children: (
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('approval.inbox.intro')}</Typography.Text>
        {inbox.isPending && <Skeleton active />}
        {inbox.isError && <Alert type="error" showIcon title={errorText(t, inbox.error)} />}
        {inbox.data && inbox.data.items.length === 0 && <Empty description={t('approval.inbox.empty')} />}
        <Row gutter={[16, 16]}>
          {inbox.data?.items.map((item) => {
            const currency = typeof item.facts.currency === 'string' ? item.facts.currency : undefined;
            return (
              <Col xs={24} lg={12} key={item.id}>
                <Card
                  size="small"
                  data-testid="approval-item"
                  title={
                    <Flex gap={8} align="center" wrap>
                      <Tag color="blue">{t(`approval.inbox.docTypes.${item.docType}`, { defaultValue: item.docType })}</Tag>
                      <Link to={docLink(item)} data-testid="approval-doc-link">{item.docNumber}</Link>
                    </Flex>
                  }
                  extra={<Tag color="processing">{stepName(t, item.stepName)}</Tag>}
                >
                  <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ marginBottom: 8 }}>{item.title}</Typography.Paragraph>
                  <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={factItems(t, item.facts, currency)} />
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
                    {t('approval.inbox.submittedBy')}: {item.submittedBy?.name ?? '—'} · {t('approval.inbox.waitingSince', { time: fmt.instant(item.waitingSince) })}
                  </Typography.Paragraph>
                  {can('approvals', 'approve') && (
                    <Flex gap={8} wrap>
                      <Button type="primary" icon={<CheckOutlined />} onClick={() => setAct({ item, action: 'approve' })} data-testid="approval-approve">
                        {t('approval.actions.approve')}
                      </Button>
                      <Button icon={<RollbackOutlined />} onClick={() => setAct({ item, action: 'return' })} data-testid="approval-return">
                        {t('approval.actions.return')}
                      </Button>
                      <Button danger icon={<CloseOutlined />} onClick={() => setAct({ item, action: 'reject' })} data-testid="approval-reject">
                        {t('approval.actions.reject')}
                      </Button>
                    </Flex>
                  )}
                </Card>
              </Col>
            );
          })}
        </Row>
      </Flex>
              ),
            },
            ...(can('receivables', 'read') ? [{
              key: 'bad-debt',
              label: (
                <span data-testid="approval-tab-bad-debt">
                  {t('badDebtRequest.tabs.badDebt')}
                  {(awaitingBadDebt.data?.items.length ?? 0) > 0 && (
                    <Badge count={awaitingBadDebt.data?.items.length} size="small" style={{ marginInlineStart: 6 }} data-testid="approval-tab-bad-debt-badge" />
                  )}
                </span>
              ),
              children: <BadDebtRequestsTab />,
            }] : []),
          ]}
        />
      </Flex>
      <ReasonModal
        open={act !== null}
        title={act ? `${t(`approval.actions.${act.action}`)} · ${act.item.docNumber}` : ''}
        label={act?.action === 'approve' ? t('approval.actions.commentOptional') : t('approval.actions.comment')}
        required={act?.action !== 'approve'}
        danger={act?.action === 'reject'}
        testId="approval-decide"
        onClose={() => setAct(null)}
        onSubmit={async (comment) => { if (act) await decide(act.item, act.action, comment || null); }}
      />
    </Card>
  );
}
