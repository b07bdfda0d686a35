// Sign an approved contract: the date, the signatories of both parties, and the signed file (sent as multipart;
// the server keeps its SHA-256).
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignContractMutation } from '../../api/contracts';
import type { Contract, Signatory } from '../../api/types';
import { today, todayYmd, toYmd } from '../../lib/dates';

interface Values { signedOn?: Dayjs; signatories?: Array<{ name?: string; party?: Signatory['party']; title?: string }> }

const MAX_BYTES = 10 * 1024 * 1024;

export function SignModal({ contract, open, onClose, onDone }: { contract: Contract; open: boolean; onClose: () => void; onDone: (c: Contract) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sign = useSignContractMutation({ form, fields: ['signedOn', 'signatories'], nested: true, onSummary: setError });
  const s = (k: string) => t(`contract.sign.${k}`);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!file) {
      setFileError(s('fileRequired'));
      return;
    }
    const signatories = (v.signatories ?? []).filter((x) => x.name?.trim())
      .map((x) => ({ name: x.name!.trim(), party: x.party ?? 'customer', title: x.title?.trim() || null }));
    if (signatories.length === 0) {
      setError(s('signatoryRequired'));
      return;
    }
    setError(null);
    sign.mutate({ contract, signedOn: toYmd(v.signedOn) ?? todayYmd(), signatories, file }, {
      onSuccess: (signed) => {
        onDone(signed);
        onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={`${s('title')} · ${contract.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: sign.isPending, 'data-testid': 'sign-ok' }}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ signedOn: today(), signatories: [{ party: 'customer' }, { party: 'company' }] }}
      >
        <Form.Item name="signedOn" label={s('signedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.List name="signatories">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginBottom: 12 }}>
              {fields.map((f) => (
                <Row gutter={8} key={f.key}>
                  <Col xs={24} sm={8}>
                    <Form.Item name={[f.name, 'name']} label={f.name === 0 ? s('name') : undefined} style={{ marginBottom: 8 }}>
                      <Input maxLength={60} placeholder={s('name')} data-testid="signatory-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={7}>
                    <Form.Item name={[f.name, 'party']} label={f.name === 0 ? s('party') : undefined} style={{ marginBottom: 8 }}>
                      <Select options={(['customer', 'company'] as const).map((p) => ({ value: p, label: s(`parties.${p}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} sm={7}>
                    <Form.Item name={[f.name, 'title']} label={f.name === 0 ? s('signatoryTitle') : undefined} style={{ marginBottom: 8 }}>
                      <Input maxLength={60} placeholder={s('signatoryTitle')} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} sm={2} style={{ display: 'flex', alignItems: f.name === 0 ? 'center' : 'start', paddingTop: f.name === 0 ? 22 : 0 }}>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ party: 'customer' })}>{s('addSignatory')}</Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item label={s('file')} extra={s('fileHint')} validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
          <Upload
            maxCount={1}
            accept=".pdf,.png,.jpg,.jpeg,.ofd"
            beforeUpload={(f) => {
              if (f.size > MAX_BYTES) {
                setFileError('> 10 MB');
                return Upload.LIST_IGNORE;
              }
              setFile(f);
              setFileError(null);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />} data-testid="sign-file">{s('pick')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
