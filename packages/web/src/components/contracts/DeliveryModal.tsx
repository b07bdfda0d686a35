// Record a delivery or an accepted milestone: the on-delivery / on-acceptance instalment it fulfils and the day;
// the server books that instalment's receivable and moves a signed contract into performance.
import { Alert, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeliverContractMutation } from '../../api/contracts';
import type { Contract } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { today, toYmd } from '../../lib/dates';
import { enumLabel, milestoneLabel } from '../../lib/labels';

export function pendingDeliveries(c: Contract) {
  return c.instalments.filter((i) => (i.trigger === 'on_delivery' || i.trigger === 'on_acceptance') && !i.triggeredOn);
}

export function DeliveryModal({ contract, open, onClose, onDone }: { contract: Contract; open: boolean; onClose: () => void; onDone: (c: Contract) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [form] = Form.useForm<{ instalmentId?: string; deliveredOn?: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const deliver = useDeliverContractMutation({ onSummary: setError });
  const pending = pendingDeliveries(contract);
  const d = (k: string) => t(`contract.delivery.${k}`);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    deliver.mutate({ id: contract.id, instalmentId: v.instalmentId, deliveredOn: toYmd(v.deliveredOn) }, {
      onSuccess: (c) => {
        onDone(c);
        onClose();
      },
    });
  };

  return (
    <Modal open={open} title={d('title')} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ loading: deliver.isPending, disabled: pending.length === 0, 'data-testid': 'delivery-ok' }} destroyOnHidden>
      <Alert type="info" showIcon title={pending.length ? d('hint') : d('none')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ instalmentId: pending[0]?.id, deliveredOn: today() }}>
        <Form.Item name="instalmentId" label={d('instalment')} rules={[{ required: true, message: d('instalmentRequired') }]}>
          <Select
            data-testid="delivery-instalment"
            options={pending.map((i) => ({
              value: i.id,
              label: `#${i.seq} ${enumLabel(t, 'trigger', i.trigger)}${i.milestone ? ` · ${milestoneLabel(t, i.milestone)}` : ''} · ${fmt.money(i.amount, contract.currency)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="deliveredOn" label={d('deliveredOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
