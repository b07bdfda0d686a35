// The write-off workbench 核销工作台: pick a customer; its confirmed payments with unapplied money (and credit notes,
// rebate balance) on one side, its open receivables on the other. Picking a payment asks the server for a proposal
// in the chosen strategy and fills the amounts; the user adjusts them (checked as exact decimals against each row's
// open amount and the source's available money) and confirms; the history below can reverse a write-off.
import { BOOK_CURRENCY, WRITE_OFF_STRATEGIES } from '@l2c/shared';
import { Alert, App, Button, Card, Col, Empty, Flex, Input, Row, Segmented, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerAccounts } from '../../api/accounts';
import { useCustomerContracts } from '../../api/contracts';
import { useCustomer } from '../../api/customers';
import { useUnappliedPayments } from '../../api/payments';
import { useOpenInvoices, useReceivables } from '../../api/receivables';
import { useApplyWriteOffMutation, useWriteOffProposal } from '../../api/write-offs';
import type { AllocationSourceFields, WriteOffStrategy } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { CustomerSelect } from '../../components/CustomerSelect';
import { Money } from '../../components/cash/Money';
import { AllocationTable, type OpenRow } from '../../components/writeoff/AllocationTable';
import { SourcePicker, type Source } from '../../components/writeoff/SourcePicker';
import { WriteOffHistory } from '../../components/writeoff/WriteOffHistory';
import { useFormat } from '../../i18n/format';
import { checkAllocation, fillUpTo } from '../../lib/allocation';
import { errorText } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { enumLabel } from '../../lib/labels';
import { isPositive, minus, sumAmounts } from '../../lib/money';
import { useUrlFilters } from '../../lib/url';

const KEYS = ['customerId', 'paymentId'] as const;

export default function WriteOffWorkbenchPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const idem = useIdempotencyKey();
  const [params, setParams] = useUrlFilters(KEYS);
  const customerId = params.customerId ?? null;
  const [source, setSource] = useState<Source | null>(params.paymentId ? { type: 'payment', id: params.paymentId } : null);
  const [strategy, setStrategy] = useState<WriteOffStrategy>('oldest_due');
  const [contractId, setContractId] = useState<string | undefined>(undefined);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [memo, setMemo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const on = !!customerId;

  const customer = useCustomer(customerId ?? '', { enabled: on });
  const pays = useUnappliedPayments(customerId);
  const notes = useReceivables({ customerId: customerId ?? undefined, kind: 'credit_note', sort: '-amountOpen' }, 50, on);
  const account = useCustomerAccounts(customerId, can('accounts', 'read'));
  const open = useOpenInvoices(customerId);
  const customerContracts = useCustomerContracts(customerId, strategy === 'contract');
  const paymentId = source?.type === 'payment' ? source.id : null;
  const proposal = useWriteOffProposal(paymentId, strategy, contractId);
  const apply = useApplyWriteOffMutation({ onSummary: setError });
  useEffect(() => {
    if (proposal.data) setAmounts(Object.fromEntries(proposal.data.lines.map((l) => [l.receivableId, l.amount])));
  }, [proposal.data]);

  const payment = pays.data?.items.find((p) => p.id === paymentId);
  const creditNotes = (notes.data?.items ?? []).filter((n) => isPositive(n.amountOpen));
  const note = source?.type === 'credit_note' ? creditNotes.find((n) => n.id === source.id) : undefined;
  const available = source?.type === 'payment' ? (payment?.amountUnapplied ?? proposal.data?.amountAvailable ?? null)
    : source?.type === 'credit_note' ? (note?.amountOpen ?? null) : source?.type === 'rebate' ? (account.data?.rebate ?? null) : null;

  const rows: OpenRow[] = useMemo(() => {
    const list: OpenRow[] = (open.data ?? []).map((r) => ({
      id: r.id, number: r.number, dueDate: r.dueDate, amountOpen: r.amountOpen, amount: r.amount, contractNumber: r.contract?.number ?? null, status: r.status, daysOverdue: r.daysOverdue,
    }));
    for (const l of proposal.data?.lines ?? []) {
      if (!list.some((r) => r.id === l.receivableId)) {
        list.push({ id: l.receivableId, number: l.receivableNumber, dueDate: l.dueDate, amountOpen: l.amountOpen, amount: null, contractNumber: l.contractNumber, status: null, daysOverdue: 0 });
      }
    }
    return list;
  }, [open.data, proposal.data]);
  const currency = payment?.currency ?? BOOK_CURRENCY;
  const check = checkAllocation(rows, amounts, available, currency);

  const pickCustomer = (id: string | null) => {
    setParams({ customerId: id, paymentId: null });
    setSource(null);
    setAmounts({});
    setContractId(undefined);
    setError(null);
  };
  const pickSource = (s: Source) => {
    setSource(s);
    setError(null);
    if (s.type !== 'payment') setAmounts({});
    setParams({ paymentId: s.type === 'payment' ? s.id : null });
  };
  const fillRow = (r: OpenRow) => {
    if (available === null) return;
    const elsewhere = sumAmounts(Object.entries(amounts).filter(([k]) => k !== r.id).map(([, v]) => v), currency);
    setAmounts((a) => ({ ...a, [r.id]: fillUpTo(r.amountOpen, available, elsewhere, currency) }));
  };

  const confirm = () => {
    if (!customerId || !source || !check.valid) return;
    const src: AllocationSourceFields = source.type === 'payment' ? { type: 'payment', paymentId: source.id }
      : source.type === 'credit_note' ? { type: 'credit_note', creditNoteId: source.id } : { type: 'rebate' };
    setError(null);
    apply.mutate({ body: { customerId, memo: memo.trim() || null, lines: check.lines.map((l) => ({ ...l, source: src })) }, key: idem.key() }, {
      onSuccess: (w) => {
        idem.renew();
        void message.success(t('writeOff.confirmed', { amount: fmt.money(w.total, currency) }));
        setAmounts({});
        setMemo('');
      },
    });
  };

  const canApply = can('write_offs', 'create');
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>{t('writeOff.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('writeOff.intro')}</Typography.Paragraph>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={10} data-testid="workbench-customer">
            <CustomerSelect style={{ width: '100%' }} id="workbench-customer-input" value={customerId} onChange={pickCustomer} initial={customer.data ? { id: customer.data.id, name: customer.data.name } : null} placeholder={t('writeOff.pickCustomer')} />
          </Col>
          <Col xs={24} md={14} style={{ overflowX: 'auto' }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{t('writeOff.strategy')}</Typography.Text>
              <Segmented<WriteOffStrategy>
                value={strategy}
                onChange={setStrategy}
                data-testid="workbench-strategy"
                options={WRITE_OFF_STRATEGIES.map((s) => ({ value: s, label: <span data-testid={`workbench-strategy-${s}`}>{enumLabel(t, 'strategy', s)}</span> }))}
              />
              {strategy === 'contract' && (
                <Select allowClear style={{ minWidth: 200 }} placeholder={t('writeOff.contractAuto')} value={contractId} onChange={(v?: string) => setContractId(v)}
                  options={(customerContracts.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.number} · ${c.title}` }))} />
              )}
            </Flex>
          </Col>
        </Row>
      </Card>
      {!on && <Card><Empty description={t('writeOff.pickCustomer')} /></Card>}
      {on && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <Card size="small" title={t('writeOff.sources')}>
              <SourcePicker payments={pays.data?.items ?? []} creditNotes={creditNotes} rebate={account.data?.rebate ?? null} loading={pays.isPending} value={source} onChange={pickSource} />
            </Card>
          </Col>
          <Col xs={24} xl={15}>
            <Card size="small" title={t('writeOff.openReceivables')} data-testid="workbench-receivables">
              <Flex vertical gap={12}>
                {proposal.isError && <Alert type="error" showIcon title={errorText(t, proposal.error)} />}
                {proposal.data && (
                  <Flex justify="space-between" align="center" wrap gap={8}>
                    <Typography.Text data-testid="workbench-proposal">{t('writeOff.proposed', { amount: fmt.money(proposal.data.amountProposed, currency), available: fmt.money(proposal.data.amountAvailable, currency) })}</Typography.Text>
                    <Flex gap={8}>
                      <Button size="small" onClick={() => setAmounts(Object.fromEntries(proposal.data!.lines.map((l) => [l.receivableId, l.amount])))}>{t('writeOff.fillProposal')}</Button>
                      <Button size="small" onClick={() => setAmounts({})}>{t('writeOff.clear')}</Button>
                    </Flex>
                  </Flex>
                )}
                <AllocationTable rows={rows} loading={open.isPending} amounts={amounts} problems={check.problems} currency={currency}
                  onAmount={(id, v) => setAmounts((a) => ({ ...a, [id]: v }))} onFill={fillRow} disabled={!source || !canApply} />
                <Flex gap={16} wrap align="center" data-testid="workbench-summary">
                  <span>{t('writeOff.available')}: <Money amount={available} currency={currency} strong data-testid="workbench-available" /></span>
                  <span>{t('writeOff.selected')}: <Money amount={check.total} currency={currency} strong data-testid="workbench-selected" /></span>
                  {available !== null && <span>{t('writeOff.remaining')}: <Money amount={minus(available, check.total, currency)} currency={currency} /></span>}
                </Flex>
                {!source && <Alert type="info" showIcon title={t('writeOff.pickSource')} />}
                {check.overAvailable && available !== null && (
                  <Alert type="error" showIcon data-testid="workbench-over" title={t('writeOff.exceedsAvailable', { selected: fmt.money(check.total, currency), available: fmt.money(available, currency) })} />
                )}
                {error && <Alert type="error" showIcon title={error} data-testid="workbench-error" />}
                <Flex gap={8} wrap>
                  <Input placeholder={t('writeOff.memo')} value={memo} onChange={(e) => setMemo(e.target.value)} maxLength={500} style={{ maxWidth: 360 }} />
                  <Button type="primary" disabled={!check.valid || !canApply} loading={apply.isPending} onClick={confirm} data-testid="workbench-confirm">
                    {t('writeOff.confirm')}
                  </Button>
                </Flex>
              </Flex>
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('writeOff.history')} data-testid="workbench-history">
              <WriteOffHistory key={customerId} customerId={customerId} />
            </Card>
          </Col>
        </Row>
      )}
    </Flex>
  );
}
