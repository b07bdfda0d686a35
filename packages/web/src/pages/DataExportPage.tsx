// The tenant's data export (admins): one button, progress while the zip streams in, then the browser saves it.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTenantExport } from '../api/exports';
import { useAuth } from '../auth/useAuth';
import { errorText } from '../lib/errors';

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export default function DataExportPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const run = useTenantExport();
  if (!can('settings', 'export')) return <Result status="403" title={t('dataExport.noAccess')} />;
  const p = run.progress;
  return (
    <Card title={t('dataExport.title')} style={{ maxWidth: 760 }}>
      <Flex vertical gap={16}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('dataExport.intro')}</Typography.Paragraph>
        <Alert type="info" showIcon message={t('dataExport.secrets')} description={t('dataExport.snapshot')} />
        <div>
          <Button type="primary" icon={<DownloadOutlined />} loading={run.isPending} onClick={() => run.mutate()} data-testid="export-start">
            {run.isPending ? t('dataExport.running') : t('dataExport.start')}
          </Button>
        </div>
        {p && (run.isPending || run.isSuccess) && (
          <div data-testid="export-progress">
            <Progress percent={p.done ? 100 : 99} status={p.done ? 'success' : 'active'} showInfo={p.done} />
            <Typography.Text type="secondary">
              {t('dataExport.received', { size: size(p.bytes) })}
              {p.rows !== null ? ` · ${t('dataExport.rows', { rows: p.rows.toLocaleString() })}` : ''}
            </Typography.Text>
          </div>
        )}
        {run.isSuccess && <Alert type="success" showIcon message={t('dataExport.done', { name: run.data })} description={t('dataExport.checkHint')} />}
        {run.isError && <Alert type="error" showIcon message={t('dataExport.failed', { reason: errorText(t, run.error) })} />}
      </Flex>
    </Card>
  );
}
