// Claim 认领 (a rep, for one of her customers) or split (finance, any customer, amounts per receivable): the customer,
// then its open invoices — checked to settle them oldest first (claim), or with an amount each (split).
import { Alert, Checkbox, Flex, Form, Modal, Table, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClaimBankLine, useSplitBankLine, type BankLine } from '../../api/bank-statements';
import { useOpenInvoices } from '../../api/receivables';
import { CustomerSelect } from '../../components/CustomerSelect';
import { Money } from '../../components/cash/Money';
import { MoneyInput } from '../../components/cash/MoneyInput';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { isAmount, sumAmounts } from '../../lib/money';

interface Props { line: BankLine | null; mode: 'claim' | 'split'; onClose: () => void; onDone: (line: BankLine) => void }

export function ClaimModal({ line, mode, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const invoices = useOpenInvoices(customerId);
  const claim = useClaimBankLine({ silent: true });
  const split = useSplitBankLine({ silent: true });
  useEffect(() => {
    if (!line) return;
    // start from the proposal, when there is one: its customer and amounts
    const p = line.proposal?.status === 'pending' ? line.proposal : null;
    setCustomerId(p?.customer.id ?? null);
    setPicked(p?.allocations.map((a) => a.receivableId) ?? []);
    setAmounts(Object.fromEntries((p?.allocations ?? []).map((a) => [a.receivableId, a.amount])));
    setError(null);
  }, [line]);
  if (!line) return null;
  const currency = line.currency;
  const allocated = sumAmounts(Object.values(amounts).filter(isAmount), currency);
  const busy = claim.isPending || split.isPending;
  const submit = async () => {
    if (!customerId) return;
    setError(null);
    try {
      const done = mode === 'claim'
        ? await claim.mutateAsync({ line, customerId, receivableIds: picked })
        : await split.mutateAsync({ line, customerId, allocations: Object.entries(amounts).filter(([, a]) => isAmount(a)).map(([receivableId, amount]) => ({ receivableId, amount })) });
      onDone(done);
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const rows = (invoices.data ?? []).filter((r) => r.currency === currency);
  return (
    <Modal open title={`${t(mode === 'claim' ? 'bank.claimTitle' : 'bank.splitTitle')} · ${fmt.money(line.amount, currency)}`} onCancel={onClose}
      onOk={() => void submit()} okButtonProps={{ disabled: !customerId, loading: busy, 'data-testid': 'bank-claim-ok' } as ButtonProps} width={720} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t(mode === 'claim' ? 'bank.claimHint' : 'bank.splitHint')}</Typography.Text>
        <Typography.Text>{line.payerName ?? '—'} · {line.remittance ?? ''}</Typography.Text>
        <Form.Item label={t('bank.fields.customer')} style={{ marginBottom: 0 }}>
          <div data-testid="bank-claim-customer">
            <CustomerSelect style={{ width: '100%' }} value={customerId} initial={line.proposal?.customer ?? null}
              onChange={(v) => { setCustomerId(v); setPicked([]); setAmounts({}); }} />
          </div>
        </Form.Item>
        {customerId && (
          <Table size="small" rowKey="id" pagination={false} loading={invoices.isPending} dataSource={rows}
            onRow={(r) => ({ 'data-testid': 'bank-claim-receivable', 'data-number': r.number }) as object}
            columns={[
              ...(mode === 'claim' ? [{
                title: '', width: 40, render: (_: unknown, r: { id: string }) => (
                  <Checkbox checked={picked.includes(r.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, r.id] : picked.filter((x) => x !== r.id))} />
                ),
              }] : []),
              { title: t('bank.receivables'), dataIndex: 'number' },
              { title: t('bank.fields.bookedOn'), dataIndex: 'dueDate', render: (v: string) => fmt.date(v) },
              { title: t('bank.fields.amount'), dataIndex: 'amountOpen', align: 'right' as const, render: (v: string) => <Money amount={v} currency={currency} /> },
              ...(mode === 'split' ? [{
                title: t('bank.actions.split'), width: 160, render: (_: unknown, r: { id: string }) => (
                  <MoneyInput value={amounts[r.id] ?? ''} onChange={(v) => setAmounts({ ...amounts, [r.id]: v })} data-testid="bank-split-amount" />
                ),
              }] : []),
            ]}
          />
        )}
        {mode === 'split' && <Typography.Text>{t('bank.allocated', { amount: fmt.money(allocated, currency), total: fmt.money(line.amount, currency) })}</Typography.Text>}
        {error && <Alert type="error" showIcon title={error} />}
      </Flex>
    </Modal>
  );
}
