// The quote's lines on one screen: add from the catalog (a search box), configure a bundle, reorder (buttons or
// Alt+↑/↓), group, a discount per line, remove (Delete). Beside each line: its priced amounts from the last saved
// version (a configured bundle's parts below it, gifts at the end), its trace on click, and what the customer last paid.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, SettingOutlined } from '@ant-design/icons';
import { dec, type PricedLine, type Quote } from '@l2c/shared';
import { Button, Flex, Input, InputNumber, Popover, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSkuSearch, type QuoteLineDraft, type SkuHit } from '../../api/quotes';
import { Money } from '../cash/Money';
import { useDebounced } from '../../lib/useDebounced';
import { BundleConfigurator } from './BundleConfigurator';
import { TraceTable } from './TraceTable';

export interface EditorLine extends QuoteLineDraft { key: string; name: string; code: string | null; isBundle: boolean; lastPaid: Quote['lines'][number]['lastPaid'] }

const pct = (rate: string) => dec(rate).times(100).toString();
const rate = (p: string | number | null) => (p === null || p === '' ? '0' : dec(String(p)).dividedBy(100).toDecimalPlaces(6).toString());

export function newLineFromSku(s: SkuHit): EditorLine {
  return {
    key: crypto.randomUUID(), skuId: s.id, name: s.name, code: s.code, isBundle: s.isBundle, description: null, quantity: '1', group: null, configuration: null,
    discountRate: '0', unitPrice: null, unitCost: null, taxRate: null, unit: s.unit.name, lastPaid: null,
  };
}

export function QuoteLinesTable({ lines, onChange, priced, currency, stale }: {
  lines: EditorLine[]; onChange: (lines: EditorLine[]) => void; priced: PricedLine[]; currency: string; stale: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  const hits = useSkuSearch(q);
  const [configuring, setConfiguring] = useState<EditorLine | null>(null);
  const byId = new Map(priced.map((p) => [p.lineId, p]));
  const set = (i: number, patch: Partial<EditorLine>) => onChange(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < 0 || j >= lines.length) return;
    const next = [...lines];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  const remove = (i: number) => onChange(lines.filter((_, k) => k !== i));
  const onRowKey = (i: number) => (e: KeyboardEvent) => {
    if (e.altKey && e.key === 'ArrowUp') { e.preventDefault(); move(i, -1); }
    if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); move(i, 1); }
    if (e.key === 'Delete' && (e.target as HTMLElement).tagName !== 'INPUT') { e.preventDefault(); remove(i); }
  };
  const add = (skuId: string) => {
    const s = hits.data?.items.find((x) => x.id === skuId);
    if (!s) return;
    const line = newLineFromSku(s);
    onChange([...lines, line]);
    setSearch('');
    if (s.isBundle) setConfiguring(line);
  };
  const amounts = (lineId: string) => {
    const p = byId.get(lineId);
    if (!p) return null;
    return (
      <Popover trigger="click" title={t('quote.traceTitle', { line: lineId })} content={<div style={{ width: 640 }}><TraceTable line={p} /></div>}>
        <Button type="link" size="small" style={{ padding: 0 }} data-testid={`quote-line-amount-${lineId}`}>
          <Money amount={p.amountInclTax} currency={currency} strong />
        </Button>
      </Popover>
    );
  };
  const partsOf = (i: number) => priced.filter((p) => p.lineId.startsWith(`L${i + 1}.`));
  const gifts = priced.filter((p) => p.gift);

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }} value={null} placeholder={t('quote.lines.search')} style={{ minWidth: 360 }}
          onChange={(v: string | null) => v && add(v)} loading={hits.isFetching} data-testid="quote-add-sku"
          options={(hits.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}${s.isBundle ? ` · ${t('quote.lines.bundle')}` : ''}` }))}
        />
        <Button onClick={() => onChange([...lines, { key: crypto.randomUUID(), skuId: null, name: '', code: null, isBundle: false, description: '', quantity: '1', group: null, configuration: null, discountRate: '0', unitPrice: '0', unitCost: null, taxRate: '0.13', unit: null, lastPaid: null }])} data-testid="quote-add-free">
          {t('quote.lines.addFree')}
        </Button>
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>{t('quote.lines.keyboard')}</Typography.Text>
      </Flex>
      <Table<EditorLine>
        size="small" pagination={false} rowKey="key" dataSource={lines} locale={{ emptyText: t('quote.lines.empty') }}
        onRow={(_, i) => ({ onKeyDown: onRowKey(i ?? 0), tabIndex: 0, 'data-testid': 'quote-line-row' } as object)}
        expandable={{
          expandedRowKeys: lines.filter((_, i) => partsOf(i).length > 0).map((l) => l.key), showExpandColumn: false,
          expandedRowRender: (_, i) => (
            <Flex vertical gap={2} style={{ paddingInlineStart: 48 }}>
              {partsOf(i).map((p) => <Flex key={p.lineId} gap={16}><span>└ {p.lineId}</span><span>× {p.quantity}</span><span>{p.unitPrice}</span>{amounts(p.lineId)}</Flex>)}
            </Flex>
          ),
        }}
        columns={[
          { title: '#', width: 40, render: (_, __, i) => i + 1 },
          { title: t('quote.lines.group'), width: 110, render: (_, l, i) => <Input size="small" value={l.group ?? ''} onChange={(e) => set(i, { group: e.target.value || null })} data-testid={`quote-line-group-${i}`} /> },
          {
            title: t('quote.lines.product'), render: (_, l, i) => (l.skuId ? (
              <Flex gap={6} align="center" wrap>
                <Typography.Text code>{l.code}</Typography.Text><span>{l.name}</span>
                {l.isBundle && <Button size="small" icon={<SettingOutlined />} onClick={() => setConfiguring(l)} data-testid={`quote-line-configure-${i}`}>{t('quote.lines.configure')}</Button>}
              </Flex>
            ) : (
              <Flex gap={6}><Tag>{t('quote.lines.free')}</Tag><Input size="small" value={l.description ?? ''} onChange={(e) => set(i, { description: e.target.value })} placeholder={t('quote.lines.description')} /></Flex>
            )),
          },
          { title: t('quote.lines.quantity'), width: 90, render: (_, l, i) => <InputNumber size="small" stringMode min="0.0001" value={l.quantity} onChange={(v) => v !== null && set(i, { quantity: String(v) })} data-testid={`quote-line-qty-${i}`} /> },
          {
            title: t('quote.lines.unitPrice'), width: 110, align: 'right', render: (_, l, i) => (l.skuId ? byId.get(`L${i + 1}`)?.unitPrice ?? '—'
              : <InputNumber size="small" stringMode min="0" value={l.unitPrice ?? '0'} onChange={(v) => set(i, { unitPrice: v === null ? '0' : String(v) })} />),
          },
          { title: t('quote.lines.discount'), width: 90, render: (_, l, i) => <InputNumber size="small" stringMode min="0" max="99.9999" value={pct(l.discountRate)} onChange={(v) => set(i, { discountRate: rate(v) })} data-testid={`quote-line-discount-${i}`} /> },
          { title: t('quote.lines.promo'), width: 100, align: 'right', render: (_, __, i) => { const p = byId.get(`L${i + 1}`); return p && dec(p.discountAmount).gt(0) ? `−${p.discountAmount}` : ''; } },
          { title: t('quote.lines.net'), width: 130, align: 'right', render: (_, __, i) => <span style={{ opacity: stale ? 0.5 : 1 }}>{amounts(`L${i + 1}`)}</span> },
          {
            title: t('quote.lines.lastPaid'), width: 110, align: 'right',
            render: (_, l) => (l.lastPaid ? <Tooltip title={`${l.lastPaid.number} · ${l.lastPaid.on}`}><span data-testid="quote-line-last-paid">{l.lastPaid.unitPrice}</span></Tooltip> : '—'),
          },
          {
            width: 110, render: (_, __, i) => (
              <Flex gap={2}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} onClick={() => move(i, -1)} aria-label={t('quote.lines.up')} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} onClick={() => move(i, 1)} aria-label={t('quote.lines.down')} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label={t('quote.lines.remove')} />
              </Flex>
            ),
          },
        ]}
      />
      {gifts.map((g) => (
        <Flex key={g.lineId} gap={12} style={{ paddingInlineStart: 48 }}><Tag color="green">{t('quote.lines.gift')}</Tag><span>× {g.quantity}</span>{amounts(g.lineId)}</Flex>
      ))}
      {configuring && (
        <BundleConfigurator
          open skuId={configuring.skuId!} name={configuring.name} value={configuring.configuration}
          onCancel={() => setConfiguring(null)}
          onOk={(s) => { onChange(lines.map((l) => (l.key === configuring.key ? { ...l, configuration: s } : l))); setConfiguring(null); }}
        />
      )}
    </Flex>
  );
}
