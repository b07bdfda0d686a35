// Request an invoice 申请开票: pick the customer, tick one or several of its receivables (each in full or in part), write
// the lines as they go on the e-invoice (tax classification code, name, specification, unit, quantity × unit price or
// an amount, rate) and see the line taxes and totals the server will compute (the shared tax math, to the cent).
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Radio, Select, Switch, Table, Typography } from 'antd';
import { addMoney, dec, lineAmounts, roundMoney, TAX_RATES, type InvoiceRequestCreate } from '@l2c/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateInvoiceRequest } from '../../api/invoices';
import { useCustomerContracts } from '../../api/contracts';
import { useReceivables } from '../../api/receivables';
import { CustomerSelect } from '../../components/CustomerSelect';
import { Money } from '../../components/cash/Money';
import { MoneyInput } from '../../components/cash/MoneyInput';
import { useFormat } from '../../i18n/format';
import { isAmount, normalizeAmount } from '../../lib/money';

interface Source { id: string; number: string; date: string; amount: string; currency: string; customer: { id: string; name: string } }
const SIGNED: readonly string[] = ['signed', 'in_performance', 'completed'];

interface LineForm { taxCode?: string; name?: string; specification?: string; unit?: string; quantity?: number | null; unitPrice?: number | null; amount?: string; taxRate: string }
interface Values { invoiceType: 'special' | 'ordinary'; pricesIncludeTax: boolean; remarks?: string; lines: LineForm[] }

const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : String(v));

/** The line as the API takes it: the amount always; quantity and unit price when given (they must come to the amount). */
function toLine(l: LineForm) {
  const priced = l.quantity != null && l.unitPrice != null;
  const amount = isAmount(l.amount) ? normalizeAmount(l.amount) : priced ? roundMoney(dec(num(l.quantity)!).times(dec(num(l.unitPrice)!)), 'CNY') : '0';
  return {
    taxCode: l.taxCode?.trim() || null, name: (l.name ?? '').trim(), specification: l.specification?.trim() || null, unit: l.unit?.trim() || null,
    ...(priced ? { quantity: num(l.quantity)!, unitPrice: num(l.unitPrice)! } : {}), amount, taxRate: l.taxRate,
  };
}

export function RequestModal({ open, initial, onClose, onDone }: {
  open: boolean; initial: { customerId?: string; receivableId?: string } | null; onClose: () => void;
  /** The request was made: close the dialog and show it. */
  onDone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [form] = Form.useForm<Values>();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [picked, setPicked] = useState<Record<string, string>>({});
  // Receivables, or signed contracts (预开票 before their receivables are booked); one kind per request form.
  const [kind, setKind] = useState<'receivable' | 'contract'>('receivable');
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const create = useCreateInvoiceRequest({ onSummary: setError });
  const receivables = useReceivables({ customerId: customerId ?? undefined, kind: 'invoice', sort: 'dueDate' }, 100, !!customerId);
  const contractList = useCustomerContracts(customerId, kind === 'contract');
  const receivableRows: Source[] = (receivables.data?.items ?? []).map((r) => ({ id: r.id, number: r.number, date: r.dueDate, amount: r.amount, currency: r.currency, customer: r.customer }));
  const contractRows: Source[] = (contractList.data?.items ?? []).filter((c) => SIGNED.includes(c.status))
    .map((c) => ({ id: c.id, number: `${c.number} ${c.title}`, date: c.signedOn ?? '', amount: c.amountInclTax, currency: c.currency, customer: c.customer }));
  const rows = kind === 'receivable' ? receivableRows : contractRows;
  const currency = rows[0]?.currency ?? 'CNY';
  const lines = Form.useWatch('lines', form) ?? [];
  const pricesIncludeTax = Form.useWatch('pricesIncludeTax', form) ?? true;

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ invoiceType: 'special', pricesIncludeTax: true, remarks: '', lines: [{ taxRate: '0.13', name: '' }] });
    setCustomerId(initial?.customerId ?? null);
    setPicked({});
    setError(null);
    setKey(crypto.randomUUID());
  }, [open, initial, form]);
  useEffect(() => {
    const r = rows.find((x) => x.id === initial?.receivableId);
    if (r && Object.keys(picked).length === 0) setPicked({ [r.id]: r.amount });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows.length, initial?.receivableId]);

  const itemsTotal = useMemo(() => addMoney(Object.values(picked).filter(isAmount).map(normalizeAmount), currency), [picked, currency]);
  // One amount-only line follows the sources' total, so the common case needs no typing.
  useEffect(() => {
    const ls = form.getFieldValue('lines') as LineForm[] | undefined;
    if (ls?.length === 1 && ls[0]!.quantity == null && pricesIncludeTax) form.setFieldValue(['lines', 0, 'amount'], itemsTotal);
  }, [itemsTotal, form, pricesIncludeTax]);

  const totals = useMemo(() => {
    try {
      const computed = (lines as LineForm[]).map((l) => {
        const x = toLine(l);
        return lineAmounts({ quantity: '1', unitPrice: x.amount, taxRate: l.taxRate }, pricesIncludeTax, currency);
      });
      return {
        lines: computed,
        excl: addMoney(computed.map((c) => c.amountExclTax), currency), tax: addMoney(computed.map((c) => c.taxAmount), currency), incl: addMoney(computed.map((c) => c.amountInclTax), currency),
      };
    } catch {
      return null;
    }
  }, [lines, pricesIncludeTax, currency]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const body: InvoiceRequestCreate = {
      invoiceType: v.invoiceType, pricesIncludeTax: v.pricesIncludeTax, remarks: v.remarks?.trim() || null,
      items: Object.entries(picked).map(([id, amount]) => (kind === 'receivable' ? { receivableId: id, amount: normalizeAmount(amount) } : { contractId: id, amount: normalizeAmount(amount) })),
      lines: v.lines.map(toLine) as InvoiceRequestCreate['lines'],
    };
    create.mutate({ body, key }, { onSuccess: (req) => onDone(req.id) }); // onDone closes the dialog (one URL change)
  };

  const mismatch = totals && Object.keys(picked).length > 0 && !dec(totals.incl).eq(dec(itemsTotal));
  return (
    <Modal open={open} title={t('invoice.actions.request')} onCancel={onClose} onOk={() => void submit()} width={1100} destroyOnHidden
      okText={t('invoice.actions.submit')} okButtonProps={{ loading: create.isPending, disabled: Object.keys(picked).length === 0, 'data-testid': 'invoice-request-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Flex vertical gap={12}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t('invoice.request.customer')}</Typography.Text>
          <CustomerSelect value={customerId} initial={rows[0]?.customer ?? null} onChange={(v) => { setCustomerId(v); setPicked({}); }} style={{ width: 360 }} id="invoice-request-customer" />
        </Flex>
        <Flex gap={12} align="center" wrap>
          <Radio.Group value={kind} onChange={(e) => { setKind(e.target.value as 'receivable' | 'contract'); setPicked({}); }} data-testid="invoice-source-kind"
            options={[{ value: 'receivable', label: t('invoice.fields.receivable') }, { value: 'contract', label: t('invoice.fields.contract') }]} />
          <Typography.Text type="secondary">{t(kind === 'receivable' ? 'invoice.request.sourceHint' : 'invoice.request.contractHint')}</Typography.Text>
        </Flex>
        <Table<Source> rowKey="id" size="small" pagination={false} dataSource={rows} loading={kind === 'receivable' ? receivables.isFetching : contractList.isFetching}
          locale={{ emptyText: t(kind === 'receivable' ? 'invoice.request.noReceivables' : 'invoice.request.noContracts') }}
          columns={[
            { title: '', width: 40, render: (_v, r) => <Checkbox checked={r.id in picked} data-testid="invoice-source-check" data-number={r.number}
              onChange={(e) => setPicked((p) => { const n = { ...p }; if (e.target.checked) n[r.id] = r.amount; else delete n[r.id]; return n; })} /> },
            { title: t(`invoice.fields.${kind}`), dataIndex: 'number' },
            { title: t(kind === 'receivable' ? 'receivable.fields.dueDate' : 'invoice.request.signedOn'), dataIndex: 'date', render: (v: string) => fmt.date(v) },
            { title: t('receivable.fields.amount'), dataIndex: 'amount', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
            { title: t('invoice.fields.amount'), width: 200, render: (_v, r) => (r.id in picked
              ? <MoneyInput value={picked[r.id]} onChange={(v?: string) => setPicked((p) => ({ ...p, [r.id]: v ?? '' }))} data-testid="invoice-source-amount" />
              : null) },
          ]} />
        <Typography.Text strong data-testid="invoice-items-total">{t('invoice.request.itemsTotal', { amount: fmt.money(itemsTotal, currency) })}</Typography.Text>
        <Form form={form} layout="vertical" onValuesChange={(changed: Partial<Values>) => {
          // quantity × unit price fills the line's amount
          changed.lines?.forEach((c, i) => {
            if (c && ('quantity' in c || 'unitPrice' in c)) {
              const l = (form.getFieldValue('lines') as LineForm[])[i];
              if (l?.quantity != null && l.unitPrice != null) form.setFieldValue(['lines', i, 'amount'], roundMoney(dec(String(l.quantity)).times(dec(String(l.unitPrice))), currency));
            }
          });
        }}>
          <Flex gap={24} wrap>
            <Form.Item name="invoiceType" label={t('invoice.fields.type')}>
              <Radio.Group options={(['special', 'ordinary'] as const).map((v) => ({ value: v, label: t(`invoice.types.${v}`) }))} />
            </Form.Item>
            <Form.Item name="pricesIncludeTax" label={t('invoice.line.pricesIncludeTax')} valuePropName="checked"><Switch /></Form.Item>
          </Flex>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={6} align="start" wrap>
                    <Form.Item name={[field.name, 'taxCode']} style={{ width: 150, margin: 0 }}><Input placeholder={t('invoice.line.taxCode')} maxLength={19} /></Form.Item>
                    <Form.Item name={[field.name, 'name']} style={{ width: 170, margin: 0 }} rules={[{ required: true, whitespace: true, message: t('invoice.line.name') }]}>
                      <Input placeholder={t('invoice.line.name')} maxLength={100} data-testid="invoice-line-name" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'specification']} style={{ width: 100, margin: 0 }}><Input placeholder={t('invoice.line.specification')} maxLength={40} /></Form.Item>
                    <Form.Item name={[field.name, 'unit']} style={{ width: 60, margin: 0 }}><Input placeholder={t('invoice.line.unit')} maxLength={20} /></Form.Item>
                    <Form.Item name={[field.name, 'quantity']} style={{ width: 80, margin: 0 }}><InputNumber placeholder={t('invoice.line.quantity')} min={0} stringMode /></Form.Item>
                    <Form.Item name={[field.name, 'unitPrice']} style={{ width: 110, margin: 0 }}><InputNumber placeholder={t('invoice.line.unitPrice')} min={0} stringMode /></Form.Item>
                    <Form.Item name={[field.name, 'amount']} style={{ width: 130, margin: 0 }}><MoneyInput placeholder={t('invoice.line.amount')} data-testid="invoice-line-amount" /></Form.Item>
                    <Form.Item name={[field.name, 'taxRate']} style={{ width: 80, margin: 0 }}>
                      <Select options={TAX_RATES.map((r) => ({ value: r, label: `${dec(r).times(100).toString()}%` }))} />
                    </Form.Item>
                    <Typography.Text type="secondary" style={{ paddingTop: 5, minWidth: 90 }}>{totals?.lines[i] ? `${t('invoice.line.tax')} ${totals.lines[i]!.taxAmount}` : ''}</Typography.Text>
                    {fields.length > 1 && <Button type="link" onClick={() => remove(field.name)}>×</Button>}
                  </Flex>
                ))}
                <Button type="dashed" onClick={() => add({ taxRate: '0.13' })} style={{ width: 200 }}>{t('invoice.line.add')}</Button>
              </Flex>
            )}
          </Form.List>
          {totals && <Typography.Paragraph style={{ marginTop: 8 }} data-testid="invoice-lines-total">{t('invoice.request.totals', { excl: fmt.money(totals.excl, currency), tax: fmt.money(totals.tax, currency), incl: fmt.money(totals.incl, currency) })}</Typography.Paragraph>}
          {mismatch && <Alert type="warning" showIcon title={t('invoice.request.mismatch')} />}
          <Form.Item name="remarks" label={t('invoice.fields.remarks')} style={{ marginTop: 8 }}><Input maxLength={200} /></Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
