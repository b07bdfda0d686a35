// The catalog's reference data: product lines, units of measure, the product managers (admins only), and the Excel
// export and import of products and SKUs.
import { Alert, Button, Card, Flex, Form, Input, List, Space, Tag, Upload, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalog, useCatalogAccess, useCatalogUnits, useCreateProductLine, useCreateUnit, useImportCatalog, useProductLines, useSetCatalogManagers, type ImportReport } from '../../api/catalog';
import { useAuth } from '../../auth/useAuth';
import { UserSelect } from '../UserSelect';

export function CatalogSettings({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const lines = useProductLines();
  const units = useCatalogUnits();
  const access = useCatalogAccess();
  const [lineForm] = Form.useForm<{ code: string; name: string }>();
  const [unitForm] = Form.useForm<{ code: string; name: string }>();
  const createLine = useCreateProductLine({ form: lineForm, fields: ['code', 'name'] });
  const createUnit = useCreateUnit({ form: unitForm, fields: ['code', 'name'] });
  const setManagers = useSetCatalogManagers();
  const importer = useImportCatalog();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [pick, setPick] = useState<string | undefined>();
  const managers = access.data?.items ?? [];
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} wrap>
        <Card size="small" title={t('catalog.productLines')} style={{ minWidth: 320, flex: 1 }} data-testid="product-lines">
          <List size="small" dataSource={lines.data?.items ?? []} renderItem={(l) => <List.Item>{l.code} · {l.name} {!l.active && <Tag>{t('catalog.statuses.inactive')}</Tag>}</List.Item>} />
          {canManage && (
            <Form form={lineForm} layout="inline" style={{ marginTop: 8 }} onFinish={(v) => createLine.mutate(v, { onSuccess: () => lineForm.resetFields() })}>
              <Form.Item name="code" rules={[{ required: true }]}><Input placeholder={t('catalog.code')} style={{ width: 90 }} /></Form.Item>
              <Form.Item name="name" rules={[{ required: true }]}><Input placeholder={t('catalog.name')} style={{ width: 120 }} /></Form.Item>
              <Button htmlType="submit" loading={createLine.isPending}>{t('catalog.add')}</Button>
            </Form>
          )}
        </Card>
        <Card size="small" title={t('catalog.units2')} style={{ minWidth: 320, flex: 1 }} data-testid="units">
          <List size="small" dataSource={units.data?.items ?? []} renderItem={(u) => <List.Item>{u.name} ({u.code})</List.Item>} />
          {canManage && (
            <Form form={unitForm} layout="inline" style={{ marginTop: 8 }} onFinish={(v) => createUnit.mutate(v, { onSuccess: () => unitForm.resetFields() })}>
              <Form.Item name="code" rules={[{ required: true }]}><Input placeholder={t('catalog.code')} style={{ width: 90 }} /></Form.Item>
              <Form.Item name="name" rules={[{ required: true }]}><Input placeholder={t('catalog.name')} style={{ width: 120 }} /></Form.Item>
              <Button htmlType="submit" loading={createUnit.isPending}>{t('catalog.add')}</Button>
            </Form>
          )}
        </Card>
      </Flex>
      <Card size="small" title={t('catalog.managers')} data-testid="catalog-managers">
        <Alert type="info" showIcon title={t('catalog.managersHint')} style={{ marginBottom: 8 }} />
        <Space wrap>
          {managers.map((m) => (
            <Tag key={m.userId} closable={can('catalog', 'update')} onClose={() => setManagers.mutate(managers.filter((x) => x.userId !== m.userId).map((x) => x.userId))}>{m.name}</Tag>
          ))}
          {managers.length === 0 && <span>{t('catalog.none')}</span>}
        </Space>
        {can('catalog', 'update') && (
          <Flex gap={8} style={{ marginTop: 8 }}>
            <UserSelect value={pick ?? null} onChange={setPick} activeOnly style={{ width: 240 }} data-testid="manager-pick" />
            <Button disabled={!pick} onClick={() => pick && setManagers.mutate([...managers.map((m) => m.userId), pick], { onSuccess: () => setPick(undefined) })}>{t('catalog.add')}</Button>
          </Flex>
        )}
      </Card>
      <Card size="small" title="Excel">
        <Space wrap>
          <Button onClick={() => void catalog.exportXlsx(i18n.language.startsWith('zh') ? 'zh' : 'en')} data-testid="catalog-export">{t('catalog.export')}</Button>
          {canManage && (
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => {
              importer.mutate(file, { onSuccess: (r) => { setReport(r); void message.success(t('catalog.imported', { rows: r.rows, created: r.skusCreated, updated: r.skusUpdated, unchanged: r.unchanged, errors: r.errors.length })); } });
              return false;
            }}>
              <Button loading={importer.isPending} data-testid="catalog-import">{t('catalog.import')}</Button>
            </Upload>
          )}
        </Space>
        {report && report.errors.length > 0 && (
          <List size="small" style={{ marginTop: 8 }} dataSource={report.errors} renderItem={(e) => <List.Item>#{e.row} {e.field}: {e.message}</List.Item>} />
        )}
      </Card>
    </Flex>
  );
}
