// The receipt files 回款凭证 of one payment: download links and, for who registers or confirms payments, an add
// button (click or drop; several at once). Files are evidence: there is no rename or delete.
import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/client';
import { usePaymentFiles, useUploadPaymentFileMutation, type PaymentFile } from '../../api/payments';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { fileSize, PAYMENT_FILES_MAX, RECEIPT_ACCEPT, receiptProblem, receiptUploadError } from './paymentFileRules';

export const paymentFileUrl = (paymentId: string, fileId: string) =>
  apiUrl(`/payments/${encodeURIComponent(paymentId)}/files/${encodeURIComponent(fileId)}`);

export function PaymentFiles({ paymentId, canAdd }: { paymentId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { message } = App.useApp();
  const list = usePaymentFiles(paymentId);
  // a receipt that fails says which file and why
  const upload = useUploadPaymentFileMutation(paymentId, ({ stored, known }, file) => void (known
    ? message.info(t('paymentFiles.alreadyAttached', { name: file.name }))
    : message.success(t('paymentFiles.uploaded', { name: stored.name }))), {
    onError: (e, file) => {
      void message.error(receiptUploadError(t, file.name, e));
      return true;
    },
  });
  const items = list.data?.items ?? [];
  const f = (k: string) => t(`paymentFiles.fields.${k}`);

  const add = (file: File) => {
    const problem = receiptProblem(t, file);
    if (problem) {
      void message.error(problem);
      return;
    }
    upload.mutate(file);
  };

  return (
    <Flex vertical gap={8} data-testid="payment-files">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong><PaperClipOutlined /> {t('paymentFiles.title')}{items.length ? ` (${items.length})` : ''}</Typography.Text>
        {canAdd && (
          <Upload accept={RECEIPT_ACCEPT} multiple showUploadList={false} disabled={items.length >= PAYMENT_FILES_MAX}
            beforeUpload={(file) => { add(file); return Upload.LIST_IGNORE; }}>
            <Button icon={<UploadOutlined />} loading={upload.uploading > 0} disabled={items.length >= PAYMENT_FILES_MAX} data-testid="payment-file-add">
              {t('paymentFiles.add')}
            </Button>
          </Upload>
        )}
      </Flex>
      {canAdd && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('paymentFiles.hint')}</Typography.Text>}
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<PaymentFile>
        rowKey="id"
        size="small"
        dataSource={items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('paymentFiles.empty') }}
        columns={[
          {
            title: f('name'), dataIndex: 'name',
            render: (name: string, file) => (
              <a href={paymentFileUrl(paymentId, file.id)} download={name} title={`${f('sha256')} ${file.sha256}`} data-testid="payment-file-link">
                <DownloadOutlined /> {name}
              </a>
            ),
          },
          { title: f('size'), dataIndex: 'size', align: 'right', render: (v: number) => fileSize(v) },
          { title: f('uploadedBy'), render: (_v, file) => file.uploadedBy?.name ?? '—' },
          { title: f('uploadedAt'), dataIndex: 'uploadedAt', render: (v: string) => fmt.instant(v) },
        ]}
      />
    </Flex>
  );
}
