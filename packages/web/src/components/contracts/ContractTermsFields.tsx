// The header fields of the contract editor: kind, customer, title, currency, prices incl./excl. tax, terms.
import { CONTRACT_CURRENCIES } from '@l2c/shared';
import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractKind } from '../../api/types';
import { enumOptions } from '../../lib/labels';
import { CustomerSelect } from '../CustomerSelect';

interface Props {
  kind: ContractKind;
  customer?: { id: string; name: string } | null;
  /** Kind and customer are fixed once the draft exists. */
  editing: boolean;
}

export function ContractTermsFields({ kind, customer, editing }: Props) {
  const { t } = useTranslation();
  const f = (k: string) => t(`contract.fields.${k}`);
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, sm: 12, md: 8 };
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="kind" label={f('kind')}>
          <Radio.Group
            disabled={editing}
            optionType="button"
            options={enumOptions(t, 'contractKind', ['order', 'framework'])}
            data-testid="contract-kind"
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="customerId" label={f('customer')} rules={[{ required: true, message: t('common.required', { field: f('customer') }) }]}>
          <CustomerSelect initial={customer} placeholder={t('contract.form.customerPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name="title"
          label={f('title')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('title') }) }, { min: 2, message: t('contract.form.titleMin') }]}
        >
          <Input maxLength={200} placeholder={t('contract.form.titlePlaceholder')} data-testid="contract-title-input" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="currency" label={f('currency')}>
          <Select options={CONTRACT_CURRENCIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="pricesIncludeTax" label={f('pricesIncludeTax')}>
          <Radio.Group
            optionType="button"
            options={[{ value: true, label: t('contract.form.pricesInclTax') }, { value: false, label: t('contract.form.pricesExclTax') }]}
            data-testid="contract-prices-include-tax"
          />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="paymentTermDays" label={f('paymentTermDays')}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} data-testid="contract-term-days" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="periodStart" label={f('periodStart')}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="periodEnd" label={f('periodEnd')}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="paymentTerms" label={f('paymentTerms')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="deliveryTerms" label={f('deliveryTerms')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Col>
      {kind === 'framework' && (
        <>
          <Col {...half}>
            <Form.Item name="productScope" label={f('productScope')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="rebateTerms" label={f('rebateTerms')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
