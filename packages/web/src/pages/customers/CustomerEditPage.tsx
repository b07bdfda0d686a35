// Edit a customer: sends only the changed fields plus the version it was loaded at.
import { App, Alert, Button, Card, Form, Result, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useCustomer, useUpdateCustomerMutation } from '../../api/customers';
import type { CustomerFields } from '../../api/types';
import {
  CUSTOMER_FORM_FIELDS, CustomerForm, toCustomerFields, toFormValues, type CustomerFormValues,
} from '../../components/CustomerForm';
import { errorText } from '../../lib/errors';

export default function CustomerEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const customer = useCustomer(id, { staleTime: 0 });
  const update = useUpdateCustomerMutation({
    form, fields: CUSTOMER_FORM_FIELDS,
    // someone else saved first: offer to reload instead of showing an error
    onError: (e) => {
      if (!isApiError(e) || e.code !== 'common.version_conflict') return false;
      setConflict(true);
      return true;
    },
    onSummary: (summary) => setError(summary ?? t('customer.form.fixErrors')),
  });

  useEffect(() => {
    if (customer.data) form.setFieldsValue(toFormValues(customer.data));
  }, [customer.data, form]);

  if (customer.isPending) return <Card><Skeleton active /></Card>;
  if (customer.isError) return <Result status="warning" title={errorText(t, customer.error)} />;
  const original = customer.data;

  const onFinish = (values: CustomerFormValues) => {
    const before = toCustomerFields(toFormValues(original));
    const after = toCustomerFields(values);
    const changed: Partial<CustomerFields> = {};
    for (const k of Object.keys(after) as (keyof CustomerFields)[]) {
      if (after[k] !== before[k]) (changed as Record<string, unknown>)[k] = after[k];
    }
    if (Object.keys(changed).length === 0) {
      void message.info(t('customer.form.noChanges'));
      void navigate(`/customers/${id}`);
      return;
    }
    setError(null);
    setConflict(false);
    update.mutate({ ...changed, id, version: original.version }, {
      onSuccess: () => {
        void message.success(t('customer.form.updated'));
        void navigate(`/customers/${id}`);
      },
    });
  };

  const reload = async () => {
    setConflict(false);
    const fresh = await customer.refetch();
    if (fresh.data) form.setFieldsValue(toFormValues(fresh.data));
  };

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('customer.form.editTitle')} · {original.name}
      </Typography.Title>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('customer.versionConflict')}
          action={<Button size="small" onClick={() => void reload()}>{t('customer.reloadLatest')}</Button>}
          style={{ marginBottom: 16 }}
          data-testid="version-conflict"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16, whiteSpace: 'pre-line' }} data-testid="form-error" />}
      <CustomerForm
        form={form}
        initialValues={toFormValues(original)}
        submitting={update.isPending}
        submitLabel={t('common.save')}
        parent={original.parent}
        selfId={original.id}
        onFinish={onFinish}
        extraButtons={<Button onClick={() => void navigate(`/customers/${id}`)}>{t('common.cancel')}</Button>}
      />
    </Card>
  );
}
