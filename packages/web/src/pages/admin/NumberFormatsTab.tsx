// Document number formats 单据编号规则 (admins): each numbered type's format and the number its next document gets; a
// format being edited previews its next number live. Saved formats apply to the next document (audited).
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_PATTERNS, NUMBER_RESETS, NUMBER_SEPARATORS, resetProblem, type DocNumberFormatInput } from '@l2c/shared';
import { useNumberFormats, useNumberPreview, useSaveNumberFormatMutation, type DocNumberFormat } from '../../api/numbering';

type Draft = Omit<DocNumberFormatInput, 'version'>;
const SEPARATOR_KEY: Record<string, string> = { '': 'none', '-': 'dash', '/': 'slash', _: 'underscore' };

function FormatEditor({ format, onClose }: { format: DocNumberFormat; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Draft>();
  const [draft, setDraft] = useState<Draft>({ prefix: format.prefix, datePattern: format.datePattern, separator: format.separator, width: format.width, reset: format.reset });
  const problem = resetProblem(draft);
  const complete = /^[A-Za-z0-9]{0,10}$/.test(draft.prefix) && draft.width >= 3 && draft.width <= 12 && !problem;
  const preview = useNumberPreview(format.docType, complete ? draft : null);
  const save = useSaveNumberFormatMutation({ form, fields: ['prefix', 'datePattern', 'separator', 'width', 'reset'] });
  return (
    <Modal open title={`${t('numbering.edit')} · ${t(`numbering.kinds.${format.kind}`)}`} onCancel={onClose} okText={t('numbering.save')}
      okButtonProps={{ disabled: !complete, ...({ 'data-testid': 'number-format-save' } as Record<`data-${string}`, string>) }} confirmLoading={save.isPending}
      onOk={() => save.mutate({ docType: format.docType, ...draft, version: format.version }, { onSuccess: () => { void message.success(t('admin.saved')); onClose(); } })}>
      <Form form={form} layout="vertical" initialValues={draft} onValuesChange={(_, all) => setDraft({ ...draft, ...all, prefix: (all.prefix ?? '').trim() })}>
        <Form.Item name="prefix" label={t('numbering.prefix')}><Input maxLength={10} data-testid="number-format-prefix" /></Form.Item>
        <Form.Item name="datePattern" label={t('numbering.datePattern')}>
          <Select data-testid="number-format-date" options={DATE_PATTERNS.map((p) => ({ value: p, label: t(`numbering.patterns.${p || 'none'}`) }))} />
        </Form.Item>
        <Form.Item name="separator" label={t('numbering.separator')}>
          <Select options={NUMBER_SEPARATORS.map((s) => ({ value: s, label: t(`numbering.separators.${SEPARATOR_KEY[s]}`) }))} />
        </Form.Item>
        <Form.Item name="width" label={t('numbering.width')}><InputNumber min={3} max={12} /></Form.Item>
        <Form.Item name="reset" label={t('numbering.reset')} validateStatus={problem ? 'error' : undefined} help={problem ? t('numbering.badReset') : undefined}>
          <Select data-testid="number-format-reset" options={NUMBER_RESETS.map((r) => ({ value: r, label: t(`numbering.resets.${r}`) }))} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('numbering.preview')} </Typography.Text>
      <Typography.Text strong code data-testid="number-format-preview">{complete ? preview.data?.next ?? '…' : '—'}</Typography.Text>
    </Modal>
  );
}

export function NumberFormatsTab() {
  const { t } = useTranslation();
  const formats = useNumberFormats();
  const [editing, setEditing] = useState<DocNumberFormat | null>(null);
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('numbering.intro')}</Typography.Paragraph>
      <Table<DocNumberFormat>
        rowKey="docType" size="small" loading={formats.isLoading} dataSource={formats.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }}
        onRow={(f) => ({ 'data-testid': 'number-format-row', 'data-doc-type': f.docType } as object)}
        columns={[
          { title: t('numbering.docType'), dataIndex: 'kind', render: (v: string, f) => <>{t(`numbering.kinds.${v}`, { defaultValue: v })} {f.builtIn && <Tag>{t('numbering.builtIn')}</Tag>}</> },
          { title: t('numbering.prefix'), dataIndex: 'prefix' },
          { title: t('numbering.datePattern'), dataIndex: 'datePattern', render: (v: string) => t(`numbering.patterns.${v || 'none'}`) },
          { title: t('numbering.width'), dataIndex: 'width' },
          { title: t('numbering.reset'), dataIndex: 'reset', render: (v: string) => t(`numbering.resets.${v}`) },
          { title: t('numbering.next'), dataIndex: 'next', render: (v: string) => <Typography.Text code data-testid="number-format-next">{v}</Typography.Text> },
          { title: '', key: 'edit', render: (_: unknown, f) => <Button size="small" onClick={() => setEditing(f)} data-testid="number-format-edit">{t('numbering.edit')}</Button> },
        ]}
      />
      {editing && <FormatEditor format={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
