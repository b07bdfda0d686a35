// The configurator 配置器 (issue 11 §1): a bundle's option groups with their options — a check box (a radio when the
// group takes one) and a quantity — starting from the defaults; an option that is itself a bundle opens its own groups
// beneath it (multi-level). Every change is checked at once with @l2c/shared's validateConfiguration, the very rules
// the server applies when a quote or contract is saved, and each error names the group, option or rule in the user's
// language. Reusable: the quote editor passes a bundle's tree and keeps the selection (`onChange`).
import { Alert, Checkbox, Flex, InputNumber, Radio, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSelection, validateConfiguration, type BundleTree, type ConfigError, type ConfigResult, type Selection, type SelectedOption } from '@l2c/shared';

export interface ConfiguratorProps {
  tree: BundleTree;
  /** The current selection; null starts from the bundle's defaults. */
  value: Selection | null;
  /** Every change, with its check: `result.ok`, the errors, the configured lines (quantities per one bundle). */
  onChange: (selection: Selection, result: ConfigResult) => void;
  disabled?: boolean;
  /** Show the configured lines under the groups (default true). */
  showLines?: boolean;
}

/** An error in the user's language, from its code and parameters (catalog.config.* in the i18n files). */
export function useConfigErrorText() {
  const { t } = useTranslation();
  return (e: ConfigError) => t(`catalog.config.${e.code}`, { ...e.params, defaultValue: e.message });
}

export function Configurator({ tree, value, onChange, disabled, showLines = true }: ConfiguratorProps) {
  const { t } = useTranslation();
  const errorText = useConfigErrorText();
  const selection = useMemo(() => value ?? defaultSelection(tree), [value, tree]);
  const result = useMemo(() => validateConfiguration(tree, selection), [tree, selection]);
  // The defaults are a selection too: the caller learns it (and whether it is valid) without a click.
  const report = useRef(onChange);
  report.current = onChange;
  useEffect(() => { if (value === null) report.current(selection, result); }, [value, selection, result]);
  const emit = (next: Selection) => onChange(next, validateConfiguration(tree, next));
  return (
    <div data-testid={`configurator-${tree.code}`}>
      <Level tree={tree} selection={selection} onChange={emit} disabled={disabled} />
      {result.ok
        ? <Alert type="success" showIcon title={t('catalog.config.valid')} style={{ marginTop: 8 }} data-testid="config-valid" />
        : (
          <Alert
            type="error" showIcon style={{ marginTop: 8 }} title={t('catalog.config.invalid')} data-testid="config-errors"
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{result.errors.map((e, i) => <li key={i} data-testid={`config-error-${e.code}`}>{errorText(e)}</li>)}</ul>}
          />
        )}
      {showLines && result.lines.length > 0 && (
        <Table
          size="small" style={{ marginTop: 8 }} pagination={false} rowKey={(l) => `${l.path.join('/')}/${l.optionId}`} dataSource={result.lines}
          title={() => t('catalog.config.lines')} data-testid="config-lines"
          columns={[
            { title: t('catalog.code'), dataIndex: 'code', render: (v: string, l) => <span style={{ paddingInlineStart: (l.level - 1) * 16 }}>{v}</span> },
            { title: t('catalog.name'), dataIndex: 'name' },
            { title: t('catalog.config.quantity'), dataIndex: 'quantity', align: 'right' },
          ]}
        />
      )}
    </div>
  );
}

function Level({ tree, selection, onChange, disabled }: { tree: BundleTree; selection: Selection; onChange: (s: Selection) => void; disabled?: boolean | undefined }) {
  const { t } = useTranslation();
  const chosen = new Map(selection.options.map((o) => [o.optionId, o]));
  const put = (optionId: string, next: SelectedOption | null, dropIds: string[] = []) => onChange({
    options: [...selection.options.filter((o) => o.optionId !== optionId && !dropIds.includes(o.optionId)), ...(next ? [next] : [])],
  });
  return (
    <>
      {tree.groups.map((g) => {
        const single = g.maxOptions === 1;
        const ids = g.options.map((o) => o.id);
        return (
          <div key={g.id} style={{ marginBottom: 12 }} data-testid={`config-group-${g.code}`}>
            <Typography.Text strong>{g.name}</Typography.Text>{' '}
            {(g.required || g.minOptions > 0) && <Tag color="red">{t('catalog.bundle.required')}</Tag>}
            {g.maxOptions !== null && g.maxOptions > 1 && <Tag>{t('catalog.bundle.maxOptions')} {g.maxOptions}</Tag>}
            {g.options.map((o) => {
              const sel = chosen.get(o.id);
              const toggle = (on: boolean) => put(o.id, on ? { optionId: o.id, quantity: o.defaultQty } : null, on && single ? ids.filter((x) => x !== o.id) : []);
              const box = single
                ? <Radio checked={!!sel} disabled={disabled} onClick={() => toggle(!sel)} data-testid={`config-option-${o.code}`}>{o.code} {o.name}</Radio>
                : <Checkbox checked={!!sel} disabled={disabled} onChange={(e) => toggle(e.target.checked)} data-testid={`config-option-${o.code}`}>{o.code} {o.name}</Checkbox>;
              return (
                <div key={o.id} style={{ marginTop: 6 }}>
                  <Flex gap={8} align="center" wrap>
                    {box}
                    <InputNumber
                      size="small" stringMode min={o.minQty} max={o.maxQty ?? undefined} disabled={disabled || !sel} value={sel?.quantity ?? o.defaultQty}
                      onChange={(v) => v !== null && sel && put(o.id, { ...sel, quantity: String(v) })} data-testid={`config-qty-${o.code}`}
                    />
                    <Typography.Text type="secondary">{o.minQty}–{o.maxQty ?? '∞'}</Typography.Text>
                  </Flex>
                  {sel && o.child && (
                    <div style={{ marginInlineStart: 24, marginTop: 6, paddingInlineStart: 12, borderInlineStart: '2px solid #f0f0f0' }}>
                      <Typography.Text type="secondary">{t('catalog.config.nested', { name: o.name })}</Typography.Text>
                      <Level tree={o.child} selection={sel.selection ?? defaultSelection(o.child)} disabled={disabled} onChange={(s) => put(o.id, { ...sel, selection: s })} />
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        );
      })}
    </>
  );
}
