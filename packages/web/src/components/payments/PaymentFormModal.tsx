// Register a payment 登记回款: customer, amount (an exact string), date, method, payer, bank reference, remark, and
// the bank receipt 银行回单 (files picked here are uploaded once the payment exists, with its id).
// Finance may confirm it at once and write it off automatically. One Idempotency-Key per submission: a double click
// or a retry after a lost answer books the payment once.
import { InboxOutlined } from '@ant-design/icons';
import { CONTRACT_CURRENCIES, PAYMENT_METHODS, WRITE_OFF_STRATEGIES } from '@l2c/shared';
import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterPaymentMutation } from '../../api/payments';
import { useClaimBankLine, useWaitingBankPayments } from '../../api/bank-statements';
import type { Payment, WriteOffStrategy } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { today, todayYmd, toYmd } from '../../lib/dates';
import { useIdempotencyKey } from '../../lib/idempotency';
import { enumOptions } from '../../lib/labels';
import { isAmount, normalizeAmount } from '../../lib/money';
import { CustomerSelect } from '../CustomerSelect';
import { MoneyInput } from '../cash/MoneyInput';
import { PAYMENT_FILES_MAX, RECEIPT_ACCEPT, receiptProblem, receiptUploadError } from './paymentFileRules';

interface Values {
  customerId?: string | null; amount?: string; currency?: string; receivedOn?: Dayjs; method?: string; payerName?: string;
  payerAccount?: string; bankReference?: string; remark?: string; confirm?: boolean; autoApply?: boolean; strategy?: WriteOffStrategy;
}
const FIELDS = ['customerId', 'amount', 'currency', 'receivedOn', 'method', 'payerName', 'payerAccount', 'bankReference', 'remark'] as const;
const text = (v?: string) => (v && v.trim() ? v.trim() : null);

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (p: Payment) => void;
  initialCustomer?: { id: string; name: string } | null;
}

export function PaymentFormModal({ open, onClose, onDone, initialCustomer }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey();
  const [error, setError] = useState<string | null>(null);
  const register = useRegisterPaymentMutation({ form, fields: FIELDS, nested: true, onSummary: setError });
  const busy = register.isPending;
  const { message } = App.useApp();
  const [receipts, setReceipts] = useState<Array<UploadFile & { originFileObj: File }>>([]);
  const canAttach = can('payments', 'create') || can('payments', 'confirm');
  const canConfirm = can('payments', 'confirm');
  const canApply = canConfirm && can('write_offs', 'create');
  const confirmNow = Form.useWatch('confirm', form);
  const autoApply = Form.useWatch('autoApply', form);
  const p = (k: string) => t(`payment.fields.${k}`);
  // The same money may be on the bank statement already, waiting to be claimed 待认领: claiming it books it once.
  const [wCustomer, wAmount, wCurrency, wOn] = [Form.useWatch('customerId', form), Form.useWatch('amount', form), Form.useWatch('currency', form), Form.useWatch('receivedOn', form)];
  const waiting = useWaitingBankPayments({ amount: wCustomer && isAmount(wAmount) ? normalizeAmount(wAmount) : null, currency: wCurrency ?? 'CNY', on: toYmd(wOn) ?? null });
  const claim = useClaimBankLine({ onSummary: setError });
  const bankLine = can('payments', 'create') ? waiting.data?.[0] : undefined;

  useEffect(() => {
    if (open) {
      idem.renew();
      setError(null);
      setReceipts([]);
      form.resetFields();
      form.setFieldsValue({ customerId: initialCustomer?.id ?? null });
    }
  }, [open, form, idem, initialCustomer]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    register.mutate({
      body: {
        customerId: v.customerId!, amount: normalizeAmount(v.amount), currency: v.currency ?? 'CNY',
        receivedOn: toYmd(v.receivedOn) ?? todayYmd(), method: v.method ?? 'bank_transfer', payerName: text(v.payerName),
        payerAccount: text(v.payerAccount), bankReference: text(v.bankReference), remark: text(v.remark),
        confirm: canConfirm && !!v.confirm, autoApply: canApply && v.confirm && v.autoApply ? (v.strategy ?? 'oldest_due') : null,
      },
      key: idem.key(),
      receipts: receipts.map((r) => r.originFileObj),
      // The payment is booked: from here on nothing may reopen the form (a resubmit would book it again).
      // A receipt that fails is reported; it can be added again from the payment's drawer.
      onReceiptFailed: (file, e) => void message.error(receiptUploadError(t, file.name, e)),
    }, {
      onSuccess: ({ payment, failedReceipts }) => {
        idem.renew();
        if (failedReceipts) void message.warning(t('paymentFiles.someFailed', { count: failedReceipts }));
        onDone(payment);
        onClose();
      },
    });
  };

  const half = { xs: 24, sm: 12 };
  return (
    <Modal open={open} title={t('payment.form.title')} onCancel={onClose} onOk={() => void submit()} width={640}
      okButtonProps={{ loading: busy, 'data-testid': 'payment-form-submit' }} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="payment-form-error" />}
      {bankLine && wCustomer && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="payment-form-bank-waiting"
          title={t('bank.waitingTitle', { amount: bankLine.amount, currency: bankLine.currency, date: bankLine.valueOn ?? bankLine.bookedOn, payer: bankLine.payerName ?? '—' })}
          description={t('bank.waitingHint')}
          action={<Button size="small" type="primary" loading={claim.isPending} data-testid="payment-form-claim-bank"
            onClick={() => claim.mutate({ line: bankLine, customerId: wCustomer, receivableIds: [] }, { onSuccess: () => { void message.success(t('bank.claimOk')); onClose(); } })}>
            {t('bank.waitingClaim')}</Button>} />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={{ currency: 'CNY', method: 'bank_transfer', receivedOn: today(), confirm: canConfirm, autoApply: false, strategy: 'oldest_due' }} data-testid="payment-form">
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="customerId" label={p('customer')} rules={[{ required: true, message: t('payment.form.customerRequired') }]}>
              <CustomerSelect initial={initialCustomer} id="payment-customer" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="amount" label={p('amount')} rules={[{ validator: async (_r, v?: string) => { if (!isAmount(v)) throw new Error(t('payment.form.amountInvalid')); } }]}>
              <MoneyInput data-testid="payment-amount" placeholder="0.00" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="currency" label={p('currency')}><Select options={CONTRACT_CURRENCIES.map((c) => ({ value: c, label: c }))} /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="receivedOn" label={p('receivedOn')} rules={[{ required: true, message: t('payment.form.dateRequired') }]}>
              <DatePicker style={{ width: '100%' }} data-testid="payment-received-on" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="method" label={p('method')}><Select options={enumOptions(t, 'method', PAYMENT_METHODS)} /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="payerName" label={p('payerName')}><Input maxLength={120} data-testid="payment-payer" /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="payerAccount" label={p('payerAccount')}><Input maxLength={60} /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="bankReference" label={p('bankReference')}><Input maxLength={80} data-testid="payment-bank-reference" /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="remark" label={p('remark')}><Input maxLength={500} /></Form.Item>
          </Col>
          {canAttach && (
            <Col xs={24}>
              <Form.Item label={t('paymentFiles.title')} extra={t('paymentFiles.hint')}>
                <Upload.Dragger
                  accept={RECEIPT_ACCEPT}
                  multiple
                  fileList={receipts}
                  disabled={busy}
                  beforeUpload={(file) => {
                    const problem = receiptProblem(t, file);
                    if (problem) void message.error(problem);
                    else setReceipts((list) => (list.length >= PAYMENT_FILES_MAX ? list : [...list, { uid: file.uid, name: file.name, size: file.size, status: 'done', originFileObj: file }]));
                    return Upload.LIST_IGNORE;
                  }}
                  onRemove={(file) => setReceipts((list) => list.filter((r) => r.uid !== file.uid))}
                  data-testid="payment-receipts"
                >
                  <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                  <p className="ant-upload-text">{t('paymentFiles.dragText')}</p>
                  <p className="ant-upload-hint">{t('paymentFiles.dragHint')}</p>
                </Upload.Dragger>
              </Form.Item>
            </Col>
          )}
          {canConfirm && (
            <Col xs={24}>
              <Form.Item name="confirm" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="payment-confirm-now">{t('payment.form.confirmNow')}</Checkbox>
              </Form.Item>
            </Col>
          )}
          {canApply && confirmNow && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="autoApply" valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox data-testid="payment-auto-apply">{t('payment.form.autoApply')}</Checkbox>
                </Form.Item>
              </Col>
              {autoApply && (
                <Col xs={24} sm={12}>
                  <Form.Item name="strategy" style={{ marginBottom: 8 }}>
                    <Select options={enumOptions(t, 'strategy', WRITE_OFF_STRATEGIES)} />
                  </Form.Item>
                </Col>
              )}
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
