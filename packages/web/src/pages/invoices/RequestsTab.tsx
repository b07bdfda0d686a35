// The invoice requests: a list with status filter, the batch-issue export and the import of issued invoices, a request
// form, and a drawer with the request's sources, lines, approval and issue actions.
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Modal, Select, Table, Tag, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  invoices, useCancelInvoiceRequest, useDecideInvoiceRequest, useImportInvoices, useInvoiceRequest, useInvoiceRequestList, useIssueInvoice,
  type InvoiceRequestSummary,
} from '../../api/invoices';
import { useAuth } from '../../auth/useAuth';
import { LoadMore } from '../../components/LoadMore';
import { Money } from '../../components/cash/Money';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import type { Filters, SetFilters } from './InvoicesPage';
import { RequestModal } from './RequestModal';

const STATUS_COLOR: Record<string, string> = { pending: 'processing', approved: 'gold', rejected: 'red', cancelled: 'default', issued: 'green' };

export function RequestsTab({ filters, setFilters }: { filters: Filters; setFilters: SetFilters }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const list = useInvoiceRequestList({ status: filters.status });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const importer = useImportInvoices();
  const f = (k: string) => t(`invoice.fields.${k}`);
  const onImport = (file: File) => {
    importer.mutate(file, {
      onSuccess: (r) => void message.info(t('invoice.importResult', { rows: r.rows, created: r.created, already: r.alreadyIssued, errors: r.errors.length })),
    });
    return false;
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {can('invoices', 'create') && <Button type="primary" onClick={() => setFilters({ new: '1' })} data-testid="invoice-request-new">{t('invoice.actions.request')}</Button>}
        <Select allowClear placeholder={f('status')} style={{ width: 160 }} value={filters.status} onChange={(v?: string) => setFilters({ status: v ?? null })}
          options={['pending', 'approved', 'issued', 'rejected', 'cancelled'].map((s) => ({ value: s, label: t(`invoice.statuses.${s}`) }))} />
        {can('invoices', 'export') && <Button onClick={() => void invoices.batch()} data-testid="invoice-export-batch">{t('invoice.actions.exportBatch')}</Button>}
        {can('invoices', 'import') && (
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={onImport}>
            <Button loading={importer.isPending} data-testid="invoice-import">{t('invoice.actions.import')}</Button>
          </Upload>
        )}
      </Flex>
      {importer.data && importer.data.errors.length > 0 && (
        <Alert type="warning" showIcon title={importer.data.errors.map((e) => `#${e.row}: ${e.message}`).join('；')} />
      )}
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<InvoiceRequestSummary> rowKey="id" size="middle" dataSource={items} loading={list.isPending} pagination={false} scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => setFilters({ id: r.id }), style: { cursor: 'pointer' }, 'data-testid': 'invoice-request-row', 'data-number': r.number }) as never}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
        columns={[
          { title: f('number'), dataIndex: 'number' },
          { title: f('customer'), dataIndex: ['customer', 'name'] },
          { title: f('type'), dataIndex: 'invoiceType', render: (v: string) => t(`invoice.types.${v}`) },
          { title: f('amountInclTax'), dataIndex: 'amountInclTax', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
          { title: f('taxAmount'), dataIndex: 'taxAmount', align: 'right', render: (v: string, r) => <Money amount={v} currency={r.currency} /> },
          { title: f('status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]} data-testid="invoice-request-status">{t(`invoice.statuses.${v}`)}</Tag> },
          { title: f('invoiceNumber'), render: (_v, r) => r.invoice?.number ?? '—' },
          { title: f('requestedBy'), render: (_v, r) => r.requestedBy?.name ?? '—' },
          { title: f('requestedAt'), dataIndex: 'requestedAt', render: (v: string) => fmt.instant(v) },
        ]} />
      <RequestDrawer id={filters.id ?? null} onClose={() => setFilters({ id: null })} />
      <RequestModal open={filters.new === '1'} initial={filters.new === '1' ? { customerId: filters.customerId, receivableId: filters.receivableId } : null}
        onClose={() => setFilters({ new: null, customerId: null, receivableId: null })}
        onDone={(id) => { void message.success(t('invoice.request.created')); setFilters({ id, new: null, customerId: null, receivableId: null }); }} />
    </Flex>
  );
}

function RequestDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const q = useInvoiceRequest(id);
  const decide = useDecideInvoiceRequest();
  const cancel = useCancelInvoiceRequest();
  const [issuing, setIssuing] = useState(false);
  const r = q.data;
  const f = (k: string) => t(`invoice.fields.${k}`);
  const l = (k: string) => t(`invoice.line.${k}`);
  return (
    <Drawer open={!!id} onClose={onClose} size={860} title={r ? `${f('number')} ${r.number}` : ''} destroyOnHidden data-testid="invoice-request-drawer">
      {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      {r && (
        <Flex vertical gap={12}>
          <Flex gap={8} wrap>
            {r.approvalId && can('approvals', 'approve') && r.requestedBy?.id !== user?.id && (
              <>
                <Button type="primary" loading={decide.isPending} data-testid="invoice-request-approve"
                  onClick={() => decide.mutate({ approvalId: r.approvalId!, decision: 'approve', comment: null })}>{t('invoice.actions.approve')}</Button>
                <Button danger loading={decide.isPending} onClick={() => decide.mutate({ approvalId: r.approvalId!, decision: 'reject', comment: null })}>{t('invoice.actions.reject')}</Button>
              </>
            )}
            {r.status === 'approved' && can('invoices', 'update') && <Button onClick={() => setIssuing(true)} data-testid="invoice-request-issue">{t('invoice.actions.issue')}</Button>}
            {(r.status === 'pending' || r.status === 'approved') && (r.requestedBy?.id === user?.id || can('invoices', 'update')) && (
              <Button onClick={() => cancel.mutate({ id: r.id, reason: null })} loading={cancel.isPending}>{t('invoice.actions.cancel')}</Button>
            )}
          </Flex>
          <Descriptions size="small" bordered column={2} items={[
            { key: 'customer', label: f('customer'), children: r.customer.name },
            { key: 'status', label: f('status'), children: <Tag color={STATUS_COLOR[r.status]} data-testid="invoice-request-drawer-status">{t(`invoice.statuses.${r.status}`)}</Tag> },
            { key: 'type', label: f('type'), children: t(`invoice.types.${r.invoiceType}`) },
            { key: 'invoice', label: f('invoiceNumber'), children: <span data-testid="invoice-request-invoice-number">{r.invoice?.number ?? '—'}</span> },
            { key: 'buyer', label: f('buyer'), children: r.buyer.name },
            { key: 'tid', label: f('taxpayerId'), children: r.buyer.taxpayerId ?? '—' },
            { key: 'excl', label: f('amountExclTax'), children: <Money amount={r.amountExclTax} currency={r.currency} /> },
            { key: 'tax', label: f('taxAmount'), children: <Money amount={r.taxAmount} currency={r.currency} /> },
            { key: 'incl', label: f('amountInclTax'), children: <Money amount={r.amountInclTax} currency={r.currency} strong data-testid="invoice-request-total" /> },
            { key: 'remarks', label: f('remarks'), children: r.remarks ?? '—' },
            ...(r.decisionComment ? [{ key: 'comment', label: f('decisionComment'), children: r.decisionComment }] : []),
          ]} />
          <Table size="small" rowKey="id" pagination={false} dataSource={r.items} title={() => f('items')} columns={[
            { title: f('receivable'), render: (_v, it) => it.receivable?.number ?? '—' },
            { title: f('contract'), render: (_v, it) => it.contract?.number ?? '—' },
            { title: f('amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money amount={v} currency={r.currency} /> },
            { title: f('redAmount'), dataIndex: 'redAmount', align: 'right', render: (v: string) => <Money amount={v} currency={r.currency} /> },
          ]} />
          <Table size="small" rowKey="seq" pagination={false} dataSource={r.lines} title={() => f('lines')} scroll={{ x: 'max-content' }} columns={[
            { title: l('taxCode'), dataIndex: 'taxCode' }, { title: l('name'), dataIndex: 'name' }, { title: l('specification'), dataIndex: 'specification' },
            { title: l('unit'), dataIndex: 'unit' }, { title: l('quantity'), dataIndex: 'quantity', align: 'right' }, { title: l('unitPrice'), dataIndex: 'unitPrice', align: 'right' },
            { title: l('amount'), dataIndex: 'amountExclTax', align: 'right', render: (v: string) => <Money amount={v} currency={r.currency} /> },
            { title: l('taxRate'), dataIndex: 'taxRate', align: 'right' },
            { title: l('tax'), dataIndex: 'taxAmount', align: 'right', render: (v: string) => <Money amount={v} currency={r.currency} /> },
          ]} />
        </Flex>
      )}
      <IssueModal open={issuing} requestId={r?.id ?? null} onClose={() => setIssuing(false)} onDone={(n) => void message.success(t('invoice.issue.done', { number: n }))} />
    </Drawer>
  );
}

/** Record the number and date the tax platform gave an invoice (a request's blue one, or a confirmation's red one). */
export function IssueModal({ open, requestId, onClose, onDone, issue }: {
  open: boolean; requestId: string | null; onClose: () => void; onDone: (number: string) => void;
  issue?: (v: { number: string; issueDate: string }, done: () => void) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ number: string; issueDate: dayjs.Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useIssueInvoice({ onSummary: setError });
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = { number: v.number.trim(), issueDate: v.issueDate.format('YYYY-MM-DD') };
    const done = () => { onDone(body.number); onClose(); };
    if (issue) issue(body, done);
    else if (requestId) mutation.mutate({ id: requestId, ...body }, { onSuccess: done });
  };
  return (
    <Modal open={open} title={t('invoice.issue.title')} onCancel={onClose} onOk={() => void submit()} destroyOnHidden okButtonProps={{ loading: mutation.isPending, 'data-testid': 'invoice-issue-ok' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ issueDate: dayjs() }}>
        <Form.Item name="number" label={t('invoice.fields.invoiceNumber')} extra={t('invoice.issue.hint')} rules={[{ required: true, pattern: /^\d{20}$/, message: t('invoice.issue.hint') }]}>
          <Input maxLength={20} data-testid="invoice-issue-number" />
        </Form.Item>
        <Form.Item name="issueDate" label={t('invoice.fields.issueDate')} rules={[{ required: true }]}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
