// Payments 回款: search and filters, the list with amounts right-aligned, register a payment; finance confirms or
// rejects claimed payments; confirmed ones with unapplied money lead to the write-off workbench. A payment's number
// opens its drawer with the receipt files 回款凭证.
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { PAYMENT_STATUSES } from '@l2c/shared';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Popconfirm, Row, Select, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useConfirmPaymentMutation, usePaymentList, useRejectPaymentMutation } from '../../api/payments';
import type { Payment } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { CustomerSelect } from '../../components/CustomerSelect';
import { LoadMore } from '../../components/LoadMore';
import { PaymentDrawer } from '../../components/payments/PaymentDrawer';
import { PaymentFormModal } from '../../components/payments/PaymentFormModal';
import { Money } from '../../components/cash/Money';
import { ReasonModal } from '../../components/cash/ReasonModal';
import { StatusTag } from '../../components/cash/StatusTag';
import { SearchBox } from '../../components/SearchBox';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { enumLabel, enumOptions } from '../../lib/labels';
import { isPositive } from '../../lib/money';
import { useUrlFilters } from '../../lib/url';

const KEYS = ['q', 'customerId', 'status', 'unapplied'] as const;

export default function PaymentListPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const [registering, setRegistering] = useState(false);
  const [rejecting, setRejecting] = useState<Payment | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const list = usePaymentList(filters);
  const confirmMutation = useConfirmPaymentMutation();
  // the reason dialog shows a failure itself
  const rejectMutation = useRejectPaymentMutation({ silent: true });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`payment.fields.${k}`);
  const confirm = (p: Payment) => confirmMutation.mutate(p, { onSuccess: () => void message.success(t('payment.confirmOk')) });
  const canConfirm = can('payments', 'confirm');
  const col = { xs: 24, sm: 12, md: 6 };

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('payment.list.title')}</Typography.Title>
          {can('payments', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="payment-register">{t('payment.list.register')}</Button>
          )}
        </Flex>
        <Row gutter={[8, 8]}>
          <Col xs={24} md={12} lg={8}>
            <SearchBox value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('payment.list.searchPlaceholder')} testId="payment-search" />
          </Col>
          <Col {...col}><CustomerSelect style={{ width: '100%' }} value={filters.customerId ?? null} onChange={(v) => setFilters({ customerId: v })} placeholder={f('customer')} /></Col>
          <Col {...col} lg={4}>
            <Select allowClear style={{ width: '100%' }} placeholder={f('status')} value={filters.status}
              onChange={(v?: string) => setFilters({ status: v ?? null })} options={enumOptions(t, 'paymentStatus', PAYMENT_STATUSES)} data-testid="payment-filter-status" />
          </Col>
          <Col {...col} style={{ display: 'flex', alignItems: 'center' }}>
            <Checkbox checked={filters.unapplied === 'true'} onChange={(e) => setFilters({ unapplied: e.target.checked ? 'true' : null })}>{t('payment.filters.unapplied')}</Checkbox>
          </Col>
        </Row>
        {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
        <Table<Payment>
          rowKey="id"
          size="middle"
          dataSource={items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(p) => ({ 'data-testid': 'payment-row', 'data-id': p.id }) as HTMLAttributes<HTMLElement>}
          footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
          columns={[
            {
              title: f('number'), dataIndex: 'number',
              render: (v: string, p) => (
                <Typography.Link onClick={() => setViewing(p.id)} title={t('paymentDetail.open', { number: v })}>
                  <span data-testid="payment-number">{v}</span>
                  {p.files.length > 0 && <span style={{ marginInlineStart: 6 }} data-testid="payment-file-count"><PaperClipOutlined /> {p.files.length}</span>}
                </Typography.Link>
              ),
            },
            { title: f('customer'), render: (_v, p) => <Link to={`/customers/${p.customer.id}?tab=accounts`}>{p.customer.name}</Link> },
            { title: f('amount'), dataIndex: 'amount', align: 'right', render: (v: string, p) => <Money amount={v} currency={p.currency} strong /> },
            { title: f('amountUnapplied'), dataIndex: 'amountUnapplied', align: 'right', render: (v: string, p) => <Money amount={v} currency={p.currency} type={isPositive(v) ? 'warning' : 'secondary'} /> },
            { title: f('receivedOn'), dataIndex: 'receivedOn', render: (v: string) => fmt.date(v) },
            { title: f('method'), dataIndex: 'method', render: (v: string) => enumLabel(t, 'method', v) },
            { title: f('payerName'), dataIndex: 'payerName', render: (v: string | null) => v ?? '—' },
            { title: f('bankReference'), dataIndex: 'bankReference', render: (v: string | null) => v ?? '—' },
            { title: f('status'), dataIndex: 'status', render: (v: string, p) => <span title={p.rejectedReason ?? undefined}><StatusTag kind="paymentStatus" value={v} testId="payment-status" /></span> },
            { title: f('registeredBy'), render: (_v, p) => p.registeredBy?.name ?? '—' },
            {
              title: t('common.actions'), fixed: 'right',
              render: (_v, p) => (
                <Flex gap={4}>
                  {canConfirm && p.status === 'claimed' && (
                    <>
                      <Popconfirm title={t('payment.confirmPrompt')} onConfirm={() => confirm(p)} okButtonProps={{ 'data-testid': 'payment-confirm-ok' }}>
                        <Button size="small" type="primary" loading={confirmMutation.isPending && confirmMutation.variables.id === p.id} data-testid="payment-confirm">{t('payment.confirm')}</Button>
                      </Popconfirm>
                      <Button size="small" danger onClick={() => setRejecting(p)} data-testid="payment-reject">{t('payment.reject')}</Button>
                    </>
                  )}
                  {p.status === 'confirmed' && isPositive(p.amountUnapplied) && can('write_offs', 'create') && (
                    <Button size="small" onClick={() => void navigate(`/write-off?customerId=${p.customer.id}&paymentId=${p.id}`)} data-testid="payment-write-off">
                      {t('payment.writeOff')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
      <PaymentFormModal
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(p) => {
          const applied = p.amountApplied && isPositive(p.amountApplied) ? ` · ${t('payment.form.autoApplied', { amount: fmt.money(p.amountApplied, p.currency) })}` : '';
          void message.success((p.status === 'confirmed' ? t('payment.form.createdConfirmed') : t('payment.form.created')) + applied);
        }}
      />
      <PaymentDrawer id={viewing} onClose={() => setViewing(null)} />
      <ReasonModal
        open={!!rejecting}
        title={`${t('payment.rejectTitle')} · ${rejecting?.number ?? ''}`}
        label={t('payment.rejectReason')}
        danger
        testId="payment-reject"
        onClose={() => setRejecting(null)}
        onSubmit={async (reason) => {
          if (!rejecting) return;
          await rejectMutation.mutateAsync({ payment: rejecting, reason });
          void message.success(t('payment.rejected'));
        }}
      />
    </Card>
  );
}
