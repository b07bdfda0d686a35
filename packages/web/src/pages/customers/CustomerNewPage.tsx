// Create a customer. A 409 customers.duplicate answer lists candidates; the user may still create it.
import { useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { customers } from '../../api/endpoints';
import type { CustomerFields, DuplicateCandidate } from '../../api/types';
import { CUSTOMER_FORM_FIELDS, CustomerForm, toCustomerFields, type CustomerFormValues } from '../../components/CustomerForm';
import { DuplicateModal } from '../../components/DuplicateModal';
import { formErrorSummary } from '../../lib/errors';

export default function CustomerNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ body: CustomerFields; candidates: DuplicateCandidate[]; blocked: boolean } | null>(null);

  const submit = async (body: CustomerFields, allowDuplicate: boolean) => {
    setSubmitting(true);
    setError(null);
    try {
      const created = await customers.create({ ...body, allowDuplicate });
      setPending(null);
      queryClient.setQueryData(['customer', created.id], created);
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void message.success(t('customer.form.created'));
      void navigate(`/customers/${created.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e) && e.code === 'customers.duplicate') {
        setPending({ body, candidates: e.candidates as DuplicateCandidate[], blocked: false });
        return;
      }
      setPending(null);
      if (isApiError(e) && e.code === 'customers.duplicate_credit_code') {
        form.setFields([{ name: 'creditCode', errors: [t('errors.codes.customers.duplicate_credit_code')] }]);
        if (e.candidates.length > 0) setPending({ body, candidates: e.candidates as DuplicateCandidate[], blocked: true });
        return;
      }
      setError(formErrorSummary(t, form, e, CUSTOMER_FORM_FIELDS) ?? t('customer.form.fixErrors'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('customer.form.createTitle')}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16, whiteSpace: 'pre-line' }} data-testid="form-error" />}
      <CustomerForm
        form={form}
        submitting={submitting && pending === null}
        submitLabel={t('common.save')}
        onFinish={(v) => void submit(toCustomerFields(v), false)}
        extraButtons={<Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>}
      />
      <DuplicateModal
        candidates={pending?.candidates ?? null}
        creating={submitting}
        blocked={pending?.blocked ?? false}
        onCancel={() => setPending(null)}
        onCreateAnyway={() => { if (pending) void submit(pending.body, true); }}
      />
    </Card>
  );
}
