// The quote editor 报价编辑 — one screen: customer and terms, the lines (catalog, bundles configured, groups, order,
// discounts), what the last saved version priced (trace on click), totals, approval state, versions, and the
// actions: save (priced once per change), submit, the customer's acceptance (→ order contract), decline, PDF, share.
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Input, InputNumber, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { dec } from '@l2c/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  useAcceptQuoteMutation, useCreateQuoteMutation, useQuote, useQuoteVersions, useRejectQuoteMutation, useSaveQuoteMutation, useShareQuoteMutation,
  useSubmitQuoteMutation, type Quote, type QuoteDraft,
} from '../../api/quotes';
import { apiUrl } from '../../api/client';
import { useAuth } from '../../auth/useAuth';
import { CustomerSelect } from '../../components/CustomerSelect';
import { Money } from '../../components/cash/Money';
import { QuoteLinesTable, type EditorLine } from '../../components/quotes/QuoteLinesTable';
import { useFormat } from '../../i18n/format';

const STATUS_COLOR: Record<string, string> = { draft: 'default', pending_approval: 'processing', approved: 'success', accepted: 'green', rejected: 'red', expired: 'orange' };
const OPEN = ['draft', 'pending_approval', 'approved'];

function linesOf(q: Quote): EditorLine[] {
  return q.lines.map((l) => ({
    key: l.id, skuId: l.skuId, name: l.description, code: l.productCode, isBundle: l.configuration !== null, description: l.freeLine ? l.description : null,
    quantity: l.quantity, group: l.group, attributes: l.attributes, configuration: l.configuration as EditorLine['configuration'], discountRate: l.discountRate,
    unitPrice: l.unitPrice, unitCost: l.unitCost, taxRate: l.taxRate, unit: l.unit, lastPaid: l.lastPaid,
  }));
}

export default function QuoteEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = useAuth();
  const quote = useQuote(id ?? null);
  const versions = useQuoteVersions(id ?? null);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [validUntil, setValidUntil] = useState(dayjs().add(30, 'day').format('YYYY-MM-DD'));
  const [orderPct, setOrderPct] = useState('0');
  const [rebate, setRebate] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<EditorLine[]>([]);
  const [dirty, setDirty] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [shared, setShared] = useState<{ url: string; expiresAt: string } | null>(null);
  const acceptKey = useRef<string | null>(null);
  const create = useCreateQuoteMutation();
  const save = useSaveQuoteMutation();
  const submit = useSubmitQuoteMutation();
  const accept = useAcceptQuoteMutation();
  const reject = useRejectQuoteMutation();
  const share = useShareQuoteMutation();
  const q = quote.data;

  useEffect(() => {
    if (!q || dirty) return;
    setCustomerId(q.customer.id); setTitle(q.title); setValidUntil(q.validUntil); setOrderPct(dec(q.orderDiscountRate).times(100).toString());
    setRebate(q.rebateRequested); setNotes(q.notes ?? ''); setLines(linesOf(q));
  }, [q, dirty]);

  const editable = !q || OPEN.includes(q.status);
  const draft = (): QuoteDraft => ({
    title, validUntil, pricesIncludeTax: true, orderDiscountRate: dec(orderPct || '0').dividedBy(100).toDecimalPlaces(6).toString(), rebateRequested: rebate, notes: notes || null,
    lines: lines.map((l) => ({
      skuId: l.skuId, description: l.skuId ? null : l.description, quantity: l.quantity, group: l.group, attributes: l.attributes, configuration: l.configuration,
      discountRate: l.discountRate, unitPrice: l.skuId ? null : l.unitPrice, unitCost: l.skuId ? null : l.unitCost, taxRate: l.skuId ? null : l.taxRate, unit: l.skuId ? null : l.unit,
    })),
  });
  const onSave = async () => {
    if (!q) {
      if (!customerId) return;
      const created = await create.mutateAsync({ ...draft(), customerId });
      setDirty(false);
      void message.success(t('quote.saved', { seq: created.versionSeq }));
      navigate(`/quotes/${created.id}`, { replace: true });
      return;
    }
    const saved = await save.mutateAsync({ ...draft(), id: q.id, version: q.version });
    setDirty(false);
    void message.success(t('quote.saved', { seq: saved.versionSeq }));
  };
  const saveRef = useRef(onSave);
  saveRef.current = onSave;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') { e.preventDefault(); void saveRef.current(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const change = (fn: () => void) => { fn(); setDirty(true); };
  const pricing = q?.pricing;
  const totals = pricing?.totals;
  const changedAfterApproval = q && q.approvedHash && q.approvedHash !== q.contentHash;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>{q ? `${t('quote.title')} ${q.number}` : t('quote.new')}</Typography.Title>
            {q && <Tag color={STATUS_COLOR[q.status]} data-testid="quote-status" data-status={q.status}>{t(`quote.statuses.${q.status}`)}</Tag>}
            {q && <Tag>{t('quote.versionSeq', { seq: q.versionSeq })}</Tag>}
          </Space>
          <Space wrap>
            {editable && <Button type="primary" onClick={() => void onSave()} loading={create.isPending || save.isPending} disabled={!customerId || !title} data-testid="quote-save">{t('quote.save')}</Button>}
            {q?.status === 'draft' && !dirty && (
              <Button onClick={async () => { const r = await submit.mutateAsync({ id: q.id, version: q.version }); void message.success(t(r.status === 'approved' ? 'quote.approvedNow' : 'quote.submitted')); }} loading={submit.isPending} data-testid="quote-submit">
                {t('quote.submit')}
              </Button>
            )}
            {q?.status === 'approved' && !dirty && (
              <Button type="primary" onClick={async () => {
                acceptKey.current ??= `quote-accept-${q.id}-${crypto.randomUUID()}`;
                const r = await accept.mutateAsync({ id: q.id, version: q.version, key: acceptKey.current });
                void message.success(t('quote.accepted', { number: r.contract.number }));
              }} loading={accept.isPending} data-testid="quote-accept">{t('quote.accept')}</Button>
            )}
            {q && OPEN.includes(q.status) && <Button danger onClick={() => setRejecting(true)} data-testid="quote-reject">{t('quote.reject')}</Button>}
            {q && <Button href={apiUrl(`/quotes/${q.id}/pdf`)} data-testid="quote-pdf">{t('quote.pdf')}</Button>}
            {q && can('quotes', 'update') && (
              <Button onClick={async () => { const l = await share.mutateAsync({ id: q.id, days: 14 }); setShared({ url: `${window.location.origin}${apiUrl(`/public/quotes/${l.token}/pdf`)}`, expiresAt: l.expiresAt }); }} data-testid="quote-share">
                {t('quote.share')}
              </Button>
            )}
          </Space>
        </Flex>
        {q?.opportunity && <Alert style={{ marginTop: 12 }} type="info" showIcon title={<span>{t('quote.opportunity')}: <Link to={`/opportunities/${q.opportunity.id}`} data-testid="quote-opportunity-link">{q.opportunity.number} {q.opportunity.name}</Link></span>} />}
        {q?.contract && <Alert style={{ marginTop: 12 }} type="success" showIcon title={<span>{t('quote.contract')}: <Link to={`/contracts/${q.contract.id}`} data-testid="quote-contract-link">{q.contract.number}</Link></span>} />}
        {changedAfterApproval && OPEN.includes(q.status) && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('quote.changedAfterApproval')} data-testid="quote-reapproval" />}
        {q && q.status === 'draft' && !changedAfterApproval && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('quote.needsApproval')} />}
        {shared && <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('quote.shareCreated', { date: fmt.instant(shared.expiresAt) })} description={<Typography.Text copyable data-testid="quote-share-url">{shared.url}</Typography.Text>} />}
        {pricing?.conflicts.map((c: { lineId: string; note: string }) => <Alert key={c.lineId} style={{ marginTop: 12 }} type="error" showIcon title={t('quote.conflicts', { note: c.note })} />)}
        {pricing?.approval.breaches.map((b: { lineId: string; floor: string; margin: string | null }) => (
          <Alert key={b.lineId} style={{ marginTop: 12 }} type="warning" showIcon title={`${b.lineId}: ${t('quote.marginBreach', { floor: `${dec(b.floor).times(100)}%` })}`} data-testid="quote-margin-breach" />
        ))}
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={8}><Typography.Text type="secondary">{t('quote.customer')}</Typography.Text>
            {q ? <div><Link to={`/customers/${q.customer.id}`}>{q.customer.name}</Link></div>
              : <CustomerSelect value={customerId} onChange={(v) => change(() => setCustomerId(v))} style={{ width: '100%' }} id="quote-customer" />}
          </Col>
          <Col xs={24} md={8}><Typography.Text type="secondary">{t('quote.titleField')}</Typography.Text>
            <Input value={title} disabled={!editable} onChange={(e) => change(() => setTitle(e.target.value))} data-testid="quote-title" /></Col>
          <Col xs={12} md={4}><Typography.Text type="secondary">{t('quote.validUntil')}</Typography.Text>
            <DatePicker style={{ width: '100%' }} disabled={!editable} value={dayjs(validUntil)} onChange={(d) => d && change(() => setValidUntil(d.format('YYYY-MM-DD')))} allowClear={false} /></Col>
          <Col xs={12} md={4}><Typography.Text type="secondary">{t('quote.orderDiscount')}</Typography.Text>
            <InputNumber style={{ width: '100%' }} stringMode min="0" max="99" disabled={!editable} value={orderPct} onChange={(v) => change(() => setOrderPct(v === null ? '0' : String(v)))} data-testid="quote-order-discount" /></Col>
        </Row>
      </Card>
      <Card title={t('quote.lines.title')}>
        <QuoteLinesTable lines={lines} onChange={(l) => change(() => setLines(l))} priced={(pricing?.lines ?? []) as never} currency={q?.currency ?? 'CNY'} stale={dirty} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('quote.totals.incl')}>
            {totals && (
              <Descriptions size="small" column={1} items={[
                { key: 'l', label: t('quote.totals.list'), children: <Money amount={totals.listAmount!} currency={q!.currency} /> },
                { key: 'd', label: t('quote.totals.discount'), children: <Money amount={totals.discountAmount!} currency={q!.currency} /> },
                { key: 'r', label: t('quote.totals.rebate'), children: <Money amount={totals.rebateAmount!} currency={q!.currency} /> },
                { key: 'e', label: t('quote.totals.excl'), children: <Money amount={totals.amountExclTax!} currency={q!.currency} /> },
                { key: 't', label: t('quote.totals.tax'), children: <Money amount={totals.taxAmount!} currency={q!.currency} /> },
                { key: 'i', label: t('quote.totals.incl'), children: <span data-testid="quote-total"><Money amount={totals.amountInclTax!} currency={q!.currency} strong /></span> },
              ]} />
            )}
            <Flex gap={8} align="center" style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">{t('quote.rebate')}</Typography.Text>
              <InputNumber stringMode min="0" disabled={!editable} placeholder={t('quote.rebateAuto')} value={rebate ?? undefined} onChange={(v) => change(() => setRebate(v === null ? null : String(v)))} />
            </Flex>
            <Input.TextArea style={{ marginTop: 8 }} rows={2} disabled={!editable} value={notes} onChange={(e) => change(() => setNotes(e.target.value))} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('quote.versions')}>
            <Table size="small" pagination={false} rowKey="id" dataSource={versions.data ?? []} data-testid="quote-versions" columns={[
              { title: t('quote.version'), dataIndex: 'seq', width: 70 },
              { title: t('quote.hash'), dataIndex: 'contentHash', render: (h: string) => <Typography.Text code>{h.slice(0, 12)}</Typography.Text> },
              { title: t('quote.amount'), dataIndex: 'amountInclTax', align: 'right' },
              { title: '', dataIndex: 'approved', render: (a: boolean) => (a ? <Tag color="success">{t('quote.approved')}</Tag> : null) },
              { title: '', dataIndex: 'createdAt', render: (v: string) => fmt.instant(v) },
            ]} />
          </Card>
        </Col>
      </Row>
      <Modal open={rejecting} title={t('quote.reject')} onCancel={() => setRejecting(false)} okButtonProps={{ disabled: reason.trim().length < 1 }}
        onOk={async () => { await reject.mutateAsync({ id: q!.id, version: q!.version, reason }); setRejecting(false); void message.success(t('quote.rejected')); }}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('quote.rejectReason')} />
      </Modal>
    </Flex>
  );
}
