// Write an amendment 补充协议 of a signed contract: the reason, the new lines and the new plan for what is not yet
// triggered (triggered or invoiced instalments stay). The plan must add up to the new total less what is kept; the
// amendment then goes through approval and applies when approved.
import { dec, roundMoney } from '@l2c/shared';
import { Alert, Divider, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAmendContractMutation } from '../../api/contracts';
import type { Amendment, Contract } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import {
  instalmentValuesOf, lineValuesOf, previewLines, previewPlan, toInstalmentFields, toLineFields, type InstalmentValues, type LineValues,
} from '../../lib/contractForm';
import { sumAmounts } from '../../lib/money';
import { LinesEditor } from './LinesEditor';
import { PlanEditor } from './PlanEditor';

interface Values { reason?: string; paymentTermDays?: number; lines?: LineValues[]; instalments?: InstalmentValues[] }

export function AmendmentModal({ contract, open, onClose, onDone }: { contract: Contract; open: boolean; onClose: () => void; onDone: (a: Amendment) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const amend = useAmendContractMutation({
    form, fields: ['reason', 'paymentTermDays', 'lines', 'instalments'], nested: true, rename: { discountRate: 'discountPercent' }, onSummary: setError,
  });
  const locked = contract.instalments.filter((i) => i.triggeredOn !== null || i.receivableId !== null);
  const openPlan = contract.instalments.filter((i) => !locked.includes(i));
  const c = contract.currency;
  const lockedAmount = sumAmounts(locked.map((i) => i.amount), c);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ reason: '', paymentTermDays: contract.paymentTermDays, lines: lineValuesOf(contract), instalments: instalmentValuesOf(openPlan) });
      setError(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, contract.id, contract.version]);

  const lines = Form.useWatch('lines', form);
  const instalments = Form.useWatch('instalments', form);
  const linesPreview = useMemo(() => previewLines(lines, contract.pricesIncludeTax, c, contract.kind), [lines, contract.pricesIncludeTax, c, contract.kind]);
  const base = roundMoney(dec(linesPreview.totals.amountInclTax).minus(dec(lockedAmount)), c);
  const planPreview = useMemo(() => previewPlan(instalments, base, c), [instalments, base, c]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    amend.mutate({
      id: contract.id,
      body: {
        reason: (v.reason ?? '').trim(), paymentTermDays: v.paymentTermDays ?? contract.paymentTermDays,
        lines: (v.lines ?? []).map(toLineFields), instalments: (v.instalments ?? []).map(toInstalmentFields), version: contract.version,
      },
    }, {
      onSuccess: (a) => {
        onDone(a);
        onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={`${t('contract.amendment.title')} · ${contract.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: amend.isPending, 'data-testid': 'amendment-ok' }}
      width={1200}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('contract.amendment.intro')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12, whiteSpace: 'pre-line' }} />}
      <Form<Values> form={form} layout="vertical">
        <Form.Item name="reason" label={t('contract.amendment.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('contract.amendment.reasonMin') }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="amendment-reason" />
        </Form.Item>
        <Form.Item name="paymentTermDays" label={t('contract.fields.paymentTermDays')}>
          <InputNumber min={0} max={3650} precision={0} />
        </Form.Item>
        <Divider titlePlacement="start">{t('contract.lines.title')}</Divider>
        <LinesEditor preview={linesPreview} pricesIncludeTax={contract.pricesIncludeTax} currency={c} />
        <Divider titlePlacement="start">{t('contract.plan.title')}</Divider>
        {locked.length > 0 && (
          <Typography.Paragraph type="secondary">{t('contract.amendment.locked', { amount: fmt.money(lockedAmount, c) })}</Typography.Paragraph>
        )}
        <PlanEditor preview={planPreview} base={base} currency={c} defaultOwnerId={contract.owner?.id ?? user?.id ?? null}
          firstSeq={Math.max(0, ...locked.map((i) => i.seq)) + 1} />
      </Form>
    </Modal>
  );
}
