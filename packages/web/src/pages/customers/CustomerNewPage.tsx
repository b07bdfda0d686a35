// Create a customer. A 409 customers.duplicate answer lists candidates; the user may still create it.
import { App, Alert, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { useCreateCustomerMutation } from '../../api/customers';
import type { CustomerFields, DuplicateCandidate } from '../../api/types';
import { CUSTOMER_FORM_FIELDS, CustomerForm, toCustomerFields, type CustomerFormValues } from '../../components/CustomerForm';
import { DuplicateModal } from '../../components/DuplicateModal';

export default function CustomerNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ body: CustomerFields; candidates: DuplicateCandidate[]; blocked: boolean } | null>(null);
  const create = useCreateCustomerMutation({
    form, fields: CUSTOMER_FORM_FIELDS,
    // a possible duplicate opens the candidates dialog (create anyway, or look at the existing one)
    onError: (e, { allowDuplicate: _, ...body }) => {
      if (isApiError(e) && e.code === 'customers.duplicate') {
        setPending({ body, candidates: e.candidates as DuplicateCandidate[], blocked: false });
        return true;
      }
      setPending(null);
      if (isApiError(e) && e.code === 'customers.duplicate_credit_code') {
        form.setFields([{ name: 'creditCode', errors: [t('errors.codes.customers.duplicate_credit_code')] }]);
        if (e.candidates.length > 0) setPending({ body, candidates: e.candidates as DuplicateCandidate[], blocked: true });
        return true;
      }
      return false;
    },
    onSummary: (summary) => setError(summary ?? t('customer.form.fixErrors')),
  });

  const submit = (body: CustomerFields, allowDuplicate: boolean) => {
    setError(null);
    create.mutate({ ...body, allowDuplicate }, {
      onSuccess: (created) => {
        setPending(null);
        void message.success(t('customer.form.created'));
        void navigate(`/customers/${created.id}`, { replace: true });
      },
    });
  };

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('customer.form.createTitle')}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16, whiteSpace: 'pre-line' }} data-testid="form-error" />}
      <CustomerForm
        form={form}
        submitting={create.isPending && pending === null}
        submitLabel={t('common.save')}
        onFinish={(v) => submit(toCustomerFields(v), false)}
        extraButtons={<Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>}
      />
      <DuplicateModal
        candidates={pending?.candidates ?? null}
        creating={create.isPending}
        blocked={pending?.blocked ?? false}
        onCancel={() => setPending(null)}
        onCreateAnyway={() => { if (pending) submit(pending.body, true); }}
      />
    </Card>
  );
}
