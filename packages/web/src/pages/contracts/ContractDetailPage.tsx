// A contract: status, amounts and the actions its status allows; lines; the payment plan with each instalment's
// receivable; approval progress; amendments; and the timeline of everything that happened to it.
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useContract, useContractAmendments, useContractApprovals, useContractCompliance } from '../../api/contracts';
import { useReceivables } from '../../api/receivables';
import type { Amendment, Compliance } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { ApprovalProgress } from '../../components/contracts/ApprovalProgress';
import { WithdrawApproval } from '../../components/contracts/WithdrawApproval';
import { ComplianceIssues } from '../../components/contracts/ComplianceIssues';
import { ContractActions } from '../../components/contracts/ContractActions';
import { ContractLinesTable } from '../../components/contracts/ContractLinesTable';
import { InstalmentsTable } from '../../components/contracts/InstalmentsTable';
import { EntityTimeline } from '../../components/EntityTimeline';
import { Money } from '../../components/cash/Money';
import { StatusTag } from '../../components/cash/StatusTag';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';
import { ContractInvoicing } from '../invoices/InvoicingFigures';

type Issues = { compliance: Compliance | null; errors: Array<{ path: string; message: string }> } | null;

export default function ContractDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [issues, setIssues] = useState<Issues>(null);
  const contract = useContract(id);
  const status = contract.data?.status;
  const approvals = useContractApprovals(id, !!contract.data);
  const recv = useReceivables({ contractId: id, sort: 'dueDate' }, 200, !!contract.data && can('receivables', 'read'));
  const amendments = useContractAmendments(id, !!contract.data && status !== 'draft');
  const compliance = useContractCompliance(id, contract.data?.version, status === 'draft');

  if (contract.isPending) return <Card><Skeleton active /></Card>;
  if (contract.isError) {
    return <Result status="warning" title={errorText(t, contract.error)} extra={<Button onClick={() => void navigate('/contracts')}>{t('common.back')}</Button>} />;
  }
  const c = contract.data;
  const f = (k: string) => t(`contract.fields.${k}`);
  const terms = [
    { key: 'customer', label: f('customer'), children: <Link to={`/customers/${c.customer.id}`}>{c.customer.name}</Link> },
    { key: 'owner', label: f('owner'), children: c.owner?.name ?? '—' },
    { key: 'prices', label: f('pricesIncludeTax'), children: c.pricesIncludeTax ? t('contract.form.pricesInclTax') : t('contract.form.pricesExclTax') },
    { key: 'term', label: f('paymentTermDays'), children: c.paymentTermDays },
    { key: 'signedOn', label: f('signedOn'), children: fmt.date(c.signedOn) },
    ...(c.periodStart || c.periodEnd ? [{ key: 'period', label: `${f('periodStart')} – ${f('periodEnd')}`, children: `${fmt.date(c.periodStart)} – ${fmt.date(c.periodEnd)}` }] : []),
    ...(c.framework ? [{ key: 'fw', label: f('framework'), children: <Link to={`/contracts/${c.framework.id}`}>{c.framework.number}</Link> }] : []),
    ...(c.paymentTerms ? [{ key: 'pt', label: f('paymentTerms'), children: c.paymentTerms }] : []),
    ...(c.deliveryTerms ? [{ key: 'dt', label: f('deliveryTerms'), children: c.deliveryTerms }] : []),
    ...(c.productScope ? [{ key: 'ps', label: f('productScope'), children: c.productScope }] : []),
    ...(c.rebateTerms ? [{ key: 'rt', label: f('rebateTerms'), children: c.rebateTerms }] : []),
    ...(c.signatories.length ? [{
      key: 'sig', label: t('contract.detail.signatories'),
      children: c.signatories.map((s) => `${s.name}${s.title ? `（${s.title}）` : ''} · ${t(`contract.sign.parties.${s.party}`)}`).join('；'),
    }] : []),
    ...(c.signedFile ? [{
      key: 'file', label: t('contract.detail.signedFile'),
      children: <span>{c.signedFile.name} <Typography.Text type="secondary" copyable={{ text: c.signedFile.sha256 }} style={{ fontSize: 12 }}>SHA-256 {c.signedFile.sha256.slice(0, 12)}…</Typography.Text></span>,
    }] : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="contract-title">{c.title}</Typography.Title>
            <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
              <Tag>{c.number}</Tag>
              <StatusTag kind="contractStatus" value={c.status} testId="contract-status" />
              <Tag>{enumLabel(t, 'contractKind', c.kind)}</Tag>
              {c.termsLocked && <Tag color="blue">{t('contract.detail.termsLocked')}</Tag>}
              {c.creditOverride && <Tag color="orange">{t('contract.detail.creditOverride')}</Tag>}
              {c.pendingAmendmentId && <Tag color="purple">{t('contract.amendment.pending')}</Tag>}
            </Flex>
            <Flex gap={16} wrap style={{ marginTop: 8 }}>
              <span>{f('amountInclTax')}: <Money amount={c.amountInclTax} currency={c.currency} strong /></span>
              <span>{f('amountExclTax')}: <Money amount={c.amountExclTax} currency={c.currency} /></span>
              <span>{f('taxAmount')}: <Money amount={c.taxAmount} currency={c.currency} /></span>
            </Flex>
          </div>
          <ContractActions contract={c} onIssues={setIssues} />
        </Flex>
        {(issues || (c.status === 'draft' && compliance.data)) && (
          <div style={{ marginTop: 16 }} data-testid="contract-compliance">
            <ComplianceIssues compliance={issues ? issues.compliance : compliance.data} errors={issues?.errors} currency={c.currency} />
          </div>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('contract.detail.terms')} size="small" style={{ height: '100%' }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={terms} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('contract.detail.approvals')} size="small" data-testid="contract-approvals" style={{ height: '100%' }}
            extra={<WithdrawApproval requests={approvals.data?.items ?? []} docId={c.id} />}>
            {approvals.isError ? <Alert type="error" showIcon title={errorText(t, approvals.error)} /> : <ApprovalProgress requests={approvals.data?.items ?? []} />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('contract.detail.lines')} size="small"><ContractLinesTable contract={c} /></Card>
        </Col>
        {['signed', 'in_performance', 'completed'].includes(c.status) && <Col xs={24}><ContractInvoicing contractId={c.id} /></Col>}
        {c.kind === 'order' && (
          <Col xs={24}>
            <Card title={t('contract.detail.plan')} size="small" data-testid="contract-plan">
              {recv.isError && <Alert type="error" showIcon title={errorText(t, recv.error)} />}
              <InstalmentsTable instalments={c.instalments} receivables={recv.data?.items ?? []} currency={c.currency} />
            </Card>
          </Col>
        )}
        {(amendments.data?.items.length ?? 0) > 0 && (
          <Col xs={24}>
            <Card title={t('contract.detail.amendments')} size="small">
              <Table<Amendment>
                size="small" rowKey="id" pagination={false} scroll={{ x: 'max-content' }} dataSource={amendments.data!.items}
                columns={[
                  { title: t('contract.amendment.number'), dataIndex: 'number' },
                  { title: t('contract.amendment.reason'), dataIndex: 'reason' },
                  { title: t('contract.fields.status'), dataIndex: 'status', render: (v: string) => t(`contract.amendment.statuses.${v}`) },
                  { title: t('contract.amendment.amountBefore'), dataIndex: 'amountBefore', align: 'right', render: (v: string) => <Money amount={v} currency={c.currency} /> },
                  { title: t('contract.amendment.amountAfter'), dataIndex: 'amountAfter', align: 'right', render: (v: string) => <Money amount={v} currency={c.currency} /> },
                  { title: t('contract.fields.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmt.instant(v) },
                ]}
              />
            </Card>
          </Col>
        )}
        {can('audit', 'read') && (
          <Col xs={24}>
            <Card title={t('contract.detail.timeline')} size="small" data-testid="contract-timeline">
              <EntityTimeline entityType="contract" entityId={c.id} />
            </Card>
          </Col>
        )}
      </Row>
          </Flex>
  );
}
