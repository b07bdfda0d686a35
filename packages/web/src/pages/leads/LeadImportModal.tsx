// Import leads from .xlsx / .csv: the upload answers a job at once; its progress is polled (a bar with rows done of the
// total) and, when it ends, the counts and the failed rows as a workbook to download, fix and import again.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Progress, Statistic, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDownloadFailures, useLeadImport, useStartImport } from '../../api/leads';

export function LeadImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport();
  const job = useLeadImport(jobId).data;
  const failures = useDownloadFailures();
  const close = () => { setJobId(null); onClose(); };
  const percent = job && job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  return (
    <Modal open={open} title={t('lead.imp.title')} onCancel={close} footer={<Button onClick={close}>{t('common.close')}</Button>} width={640} destroyOnHidden>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('lead.imp.hint')}</Typography.Text>
        <Upload
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" name="file" showUploadList={false} maxCount={1}
          customRequest={(o) => {
            setJobId(null);
            start.mutate({ file: o.file as File }, { onSuccess: (j) => { setJobId(j.id); o.onSuccess?.(j); }, onError: (e) => o.onError?.(e as Error) });
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={start.isPending} data-testid="lead-import-file">{t('lead.imp.upload')}</Button>
        </Upload>
        {job && (
          <Flex vertical gap={12} data-testid="lead-import-job">
            <Progress percent={job.status === 'done' ? 100 : percent} status={job.status === 'failed' ? 'exception' : job.status === 'running' ? 'active' : 'success'} data-testid="lead-import-progress" />
            <Typography.Text strong>{t(`lead.imp.${job.status}`)}</Typography.Text>
            {job.error && <Alert type="error" message={job.error} />}
            <Flex gap={24} wrap>
              <Statistic title={t('lead.imp.total')} value={job.totalRows} />
              <Statistic title={t('lead.imp.created')} value={job.created} valueStyle={{ color: '#389e0d' }} />
              <Statistic title={t('lead.imp.duplicates')} value={job.duplicates} />
              <Statistic title={t('lead.imp.failedRows')} value={job.failed} valueStyle={{ color: job.failed > 0 ? '#cf1322' : undefined }} />
            </Flex>
            {job.status !== 'running' && job.failed > 0 && (
              <Button icon={<DownloadOutlined />} loading={failures.isPending} data-testid="lead-import-failures"
                onClick={() => failures.mutate({ id: job.id, lang: i18n.language.startsWith('zh') ? 'zh' : 'en' })}>
                {t('lead.imp.download')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
    </Modal>
  );
}
