// Import customers from an Excel file; shows the server's report (created / failed rows and why).
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Modal, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportCustomersMutation, useImportTemplateMutation } from '../api/customers';
import type { ImportReport } from '../api/types';

interface ErrorRow { key: string; row: number; field: string; message: string }

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = useImportCustomersMutation();
  const template = useImportTemplateMutation();
  const busy = upload.isPending;
  const [allowDuplicates, setAllowDuplicates] = useState(false);

  const rows: ErrorRow[] = (report?.errors ?? []).flatMap((r) =>
    r.errors.map((e, i) => ({ key: `${r.row}-${i}`, row: r.row, field: e.field, message: e.message })),
  );

  const close = () => {
    setReport(null);
    onClose();
  };

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} footer={<Button onClick={close}>{t('common.close')}</Button>} width={720} destroyOnHidden>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('import.hint')}</Typography.Text>
        <Flex gap={8} wrap>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            name="file"
            showUploadList={false}
            maxCount={1}
            customRequest={(options) => {
              setReport(null);
              upload.mutate({ file: options.file as File, allowDuplicates }, {
                onSuccess: (result) => {
                  setReport(result);
                  options.onSuccess?.(result);
                },
                onError: (e) => options.onError?.(e as Error),
              });
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="customer-import-file">
              {busy ? t('import.uploading') : t('import.upload')}
            </Button>
          </Upload>
          <Button icon={<DownloadOutlined />} onClick={() => template.mutate()}>
            {t('import.template')}
          </Button>
        </Flex>
        <Checkbox checked={allowDuplicates} onChange={(e) => setAllowDuplicates(e.target.checked)}>
          {t('import.allowDuplicates')}
        </Checkbox>
        {report && (
          <>
            <Alert type={report.failed ? 'warning' : 'success'} showIcon title={t('import.done')} />
            <Flex gap={32} wrap data-testid="import-report">
              <Statistic title={t('import.total')} value={report.totalRows} />
              <Statistic title={t('import.created')} value={report.created} styles={{ content: { color: '#389e0d' } }} />
              <Statistic title={t('import.failed')} value={report.failed} styles={{ content: { color: report.failed ? '#cf1322' : undefined } }} />
            </Flex>
            {rows.length > 0 && (
              <Table<ErrorRow>
                size="small"
                dataSource={rows}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 80 },
                  { title: t('import.field'), dataIndex: 'field', width: 160, render: (f: string) => t(`customer.fields.${f}`, { defaultValue: f }) },
                  { title: t('import.message'), dataIndex: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Flex>
    </Modal>
  );
}
