// The register of issued invoices 发票台账 (blue and red): a list, a drawer with the lines and the PDF, and the red-letter
// action — all of the invoice, or part of chosen lines — that opens a confirmation 红字确认单.
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, InputNumber, Modal, Radio, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoices, useCreateRedConfirmation, useInvoice, useInvoiceList, useInvoiceRequest, type Invoice, type InvoiceSummary } from '../../api/invoices';
import { useAuth } from '../../auth/useAuth';
import { LoadMore } from '../../components/LoadMore';
import { Money } from '../../components/cash/Money';
import { MoneyInput } from '../../components/cash/MoneyInput';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { isAmount, normalizeAmount } from '../../lib/money';
import type { Filters, SetFilters } from './InvoicesPage';

export function RegisterTab({ filters, setFilters }: { filters: Filters; setFilters: SetFilters }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useInvoiceList({ customerId: filters.customerId, receivableId: filters.receivableId });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`invoice.fields.${k}`);
  return (
    <Flex vertical gap={12}>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<InvoiceSummary> rowKey="id" size="middle" dataSource={items} loading={list.isPending} pagination={false} scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => setFilters({ id: r.id }), style: { cursor: 'pointer' }, 'data-testid': 'invoice-row', 'data-number': r.number }) as never}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
        columns={[
          { title: f('invoiceNumber'), dataIndex: 'number' },
          { title: f('color'), dataIndex: 'color', render: (v: string) => <Tag color={v === 'red' ? 'red' : 'blue'}>{t(`invoice.colors.${v}`)}</Tag> },
          { title: f('type'), dataIndex: 'invoiceType', render: (v: string) => t(`invoice.types.${v}`) },
          { title: f('customer'), dataIndex: ['customer', 'name'] },
          { title: f('issueDate'), dataIndex: 'issueDate', render: (v: string) => fmt.date(v) },
          { title: f('amountInclTax'), dataIndex: 'amountInclTax', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
          { title: f('taxAmount'), dataIndex: 'taxAmount', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
          { title: f('redAmount'), dataIndex: 'redAmount', align: 'right', render: (v: string, r) => (r.color === 'blue' ? <Money amount={v} currency={r.currency} /> : '—') },
          { title: f('number'), render: (_v, r) => r.requestNumber ?? r.blueInvoice?.number ?? '—' },
        ]} />
      <InvoiceDrawer id={filters.id ?? null} onClose={() => setFilters({ id: null })} />
    </Flex>
  );
}

function InvoiceDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const q = useInvoice(id);
  const [red, setRed] = useState(false);
  const inv = q.data;
  const f = (k: string) => t(`invoice.fields.${k}`);
  const l = (k: string) => t(`invoice.line.${k}`);
  return (
    <Drawer open={!!id} onClose={onClose} size={880} title={inv ? `${t(`invoice.colors.${inv.color}`)} ${inv.number}` : ''} destroyOnHidden data-testid="invoice-drawer">
      {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      {inv && (
        <Flex vertical gap={12}>
          <Flex gap={8}>
            <Button onClick={() => void invoices.pdf(inv)} data-testid="invoice-pdf">{t('invoice.actions.pdf')}</Button>
            {inv.color === 'blue' && can('invoices', 'update') && inv.redAmount !== inv.amountInclTax && (
              <Button danger onClick={() => setRed(true)} data-testid="invoice-red">{t('invoice.actions.red')}</Button>
            )}
          </Flex>
          <Descriptions size="small" bordered column={2} items={[
            { key: 'type', label: f('type'), children: t(`invoice.types.${inv.invoiceType}`) },
            { key: 'date', label: f('issueDate'), children: inv.issueDate },
            { key: 'buyer', label: f('buyer'), children: `${inv.buyer.name} ${inv.buyer.taxpayerId ?? ''}` },
            { key: 'seller', label: f('seller'), children: `${inv.seller.name} ${inv.seller.taxpayerId}` },
            { key: 'excl', label: f('amountExclTax'), children: <Money amount={inv.amountExclTax} currency={inv.currency} /> },
            { key: 'tax', label: f('taxAmount'), children: <Money amount={inv.taxAmount} currency={inv.currency} /> },
            { key: 'incl', label: f('amountInclTax'), children: <Money amount={inv.amountInclTax} currency={inv.currency} strong /> },
            { key: 'red', label: f('redAmount'), children: <Money amount={inv.redAmount} currency={inv.currency} data-testid="invoice-red-amount" /> },
            { key: 'remarks', label: f('remarks'), children: inv.remarks ?? '—' },
            { key: 'src', label: f('number'), children: inv.requestNumber ?? inv.blueInvoice?.number ?? '—' },
          ]} />
          <Table size="small" rowKey="seq" pagination={false} dataSource={inv.lines} scroll={{ x: 'max-content' }} columns={[
            { title: l('taxCode'), dataIndex: 'taxCode' }, { title: l('name'), dataIndex: 'name' }, { title: l('specification'), dataIndex: 'specification' },
            { title: l('unit'), dataIndex: 'unit' }, { title: l('quantity'), dataIndex: 'quantity', align: 'right' }, { title: l('unitPrice'), dataIndex: 'unitPrice', align: 'right' },
            { title: l('amount'), dataIndex: 'amountExclTax', align: 'right', render: (v: string) => <Money amount={v} currency={inv.currency} /> },
            { title: l('taxRate'), dataIndex: 'taxRate', align: 'right' },
            { title: l('tax'), dataIndex: 'taxAmount', align: 'right', render: (v: string) => <Money amount={v} currency={inv.currency} /> },
            { title: f('redAmount'), dataIndex: 'redAmount', align: 'right', render: (v: string) => <Money amount={v} currency={inv.currency} /> },
          ]} />
        </Flex>
      )}
      <RedModal invoice={red ? inv ?? null : null} onClose={() => setRed(false)} />
    </Drawer>
  );
}

interface RedValues { mode: 'full' | 'partial'; reason: 'sales_return' | 'allowance' | 'error' | 'cancellation'; remarks?: string; receivableId?: string; lines: Array<{ seq: number; amount?: string }> }

function RedModal({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RedValues>();
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  const create = useCreateRedConfirmation({ onSummary: setError });
  const mode = Form.useWatch('mode', form);
  const request = useInvoiceRequestItems(invoice);
  const submit = async () => {
    if (!invoice) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const lines = v.mode === 'partial' ? v.lines.filter((x) => isAmount(x.amount)).map((x) => ({ seq: x.seq, amount: normalizeAmount(x.amount) })) : undefined;
    create.mutate({ invoiceId: invoice.id, key, body: { reason: v.reason, remarks: v.remarks?.trim() || null, ...(lines ? { lines } : {}), ...(v.receivableId ? { receivableId: v.receivableId } : {}) } }, {
      onSuccess: () => { void message.success(t('invoice.red.created')); onClose(); },
    });
  };
  return (
    <Modal open={!!invoice} title={t('invoice.red.title', { number: invoice?.number ?? '' })} onCancel={onClose} onOk={() => void submit()} width={720} destroyOnHidden
      okButtonProps={{ danger: true, loading: create.isPending, 'data-testid': 'invoice-red-ok' }}>
      <Alert type="info" showIcon title={t('invoice.red.hint')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {invoice && (
        <Form form={form} layout="vertical" initialValues={{ mode: 'full', reason: 'sales_return', lines: invoice.lines.map((x) => ({ seq: x.seq, amount: '' })) }}>
          <Form.Item name="mode"><Radio.Group options={[{ value: 'full', label: t('invoice.red.full') }, { value: 'partial', label: t('invoice.red.partial') }]} data-testid="invoice-red-mode" /></Form.Item>
          <Form.Item name="reason" label={t('invoice.fields.reason')}>
            <Select options={(['sales_return', 'allowance', 'error', 'cancellation'] as const).map((r) => ({ value: r, label: t(`invoice.redReasons.${r}`) }))} />
          </Form.Item>
          {mode === 'partial' && (
            <Form.List name="lines">
              {(fields) => fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="center">
                  <span style={{ width: 260 }}>{invoice.lines[i]?.name} · <Money amount={invoice.lines[i]?.amountInclTax} currency={invoice.currency} /></span>
                  <Form.Item name={[field.name, 'seq']} hidden><InputNumber /></Form.Item>
                  <Form.Item name={[field.name, 'amount']} style={{ margin: 0 }}><MoneyInput placeholder={t('invoice.red.lineAmount')} data-testid="invoice-red-line-amount" /></Form.Item>
                </Flex>
              ))}
            </Form.List>
          )}
          {request.length > 1 && (
            <Form.Item name="receivableId" label={t('invoice.red.receivable')} style={{ marginTop: 8 }}>
              <Select allowClear options={request.map((r) => ({ value: r.id, label: r.number }))} data-testid="invoice-red-receivable" />
            </Form.Item>
          )}
          <Form.Item name="remarks" label={t('invoice.fields.remarks')}><Input maxLength={200} /></Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** The receivables an invoice covers, from its request (for choosing which one a red letter reduces). */
function useInvoiceRequestItems(invoice: Invoice | null) {
  const q = useInvoiceRequest(invoice?.requestId ?? null);
  return (q.data?.items ?? []).flatMap((it) => (it.receivable ? [it.receivable] : []));
}

