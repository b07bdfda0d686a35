// The contract editor (new, or a draft): terms, lines with live amounts, the payment plan with a live check that it
// adds up, then save as draft or save and submit for approval (the server's compliance findings shown on the fields
// and in a list).
import { Alert, App, Button, Card, Divider, Flex, Form, Result, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ComplianceRefusal, useContract, useSaveContractMutation } from '../../api/contracts';
import type { Compliance, Contract } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { ComplianceIssues } from '../../components/contracts/ComplianceIssues';
import { ContractTermsFields } from '../../components/contracts/ContractTermsFields';
import { LinesEditor } from '../../components/contracts/LinesEditor';
import { useCustomer } from '../../api/customers';
import { PlanEditor } from '../../components/contracts/PlanEditor';
import {
  CONTRACT_FORM_FIELDS, EMPTY_LINE, previewLines, previewPlan, templateInstalments, toContractFields, toFormValues,
  type ContractFormValues,
} from '../../lib/contractForm';
import { applyNestedFieldErrors, errorText } from '../../lib/errors';
import { milestoneLabel } from '../../lib/labels';

const RENAME = { discountRate: 'discountPercent' };

export default function ContractEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContractFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<{ compliance: Compliance | null; errors: Array<{ path: string; message: string }> } | null>(
    (location.state as { issues?: { compliance: Compliance | null; errors: Array<{ path: string; message: string }> } } | null)?.issues ?? null,
  );
  const existing = useContract(id, { staleTime: 0 });
  const saveMutation = useSaveContractMutation({
    onError: (e) => {
      onSaveFailed(e);
      return true;
    },
  });
  const busy = saveMutation.isPending ? (saveMutation.variables.andSubmit ? 'submit' : 'save') : null;
  useEffect(() => {
    const found = (location.state as { issues?: typeof issues } | null)?.issues;
    if (found) setIssues(found);
  }, [location.state]);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toFormValues(existing.data, (m) => milestoneLabel(t, m)));
  }, [existing.data, form]);

  const kind = Form.useWatch('kind', form) ?? 'order';
  const currency = Form.useWatch('currency', form) ?? 'CNY';
  const pricesIncludeTax = Form.useWatch('pricesIncludeTax', form) ?? true;
  const lines = Form.useWatch('lines', form);
  const instalments = Form.useWatch('instalments', form);
  // The product picker offers what is sellable to this customer's grade and region.
  const customerId = Form.useWatch('customerId', form) as string | null | undefined;
  const buyer = useCustomer(customerId ?? '', { enabled: !!customerId, staleTime: 60_000 }).data;
  const linesPreview = useMemo(() => previewLines(lines, pricesIncludeTax, currency, kind), [lines, pricesIncludeTax, currency, kind]);
  const planPreview = useMemo(() => previewPlan(instalments, linesPreview.totals.amountInclTax, currency), [instalments, linesPreview.totals.amountInclTax, currency]);

  if (id && existing.isPending) return <Card><Skeleton active /></Card>;
  if (id && existing.isError) return <Result status="warning" title={errorText(t, existing.error)} />;
  const original: Contract | undefined = existing.data;
  if (original && original.status !== 'draft') {
    return <Result status="info" title={t('contract.form.notDraft')} extra={<Button onClick={() => void navigate(`/contracts/${original.id}`)}>{t('common.back')}</Button>} />;
  }

  function onSaveFailed(e: unknown) {
    const errors = e instanceof ComplianceRefusal ? e.errors : isApiError(e) ? e.errors : [];
    applyNestedFieldErrors(form, errors, CONTRACT_FORM_FIELDS, RENAME);
    if (!(e instanceof ComplianceRefusal)) {
      setError(errorText(t, e));
      return;
    }
    const found = { compliance: e.compliance, errors };
    // With the codes known, say it in the user's language next to the fields.
    if (e.compliance) {
      applyNestedFieldErrors(form, e.compliance.issues.filter((i) => i.severity === 'block')
        .map((i) => ({ path: i.path, message: t(`contract.compliance.codes.${i.code}`) })), CONTRACT_FORM_FIELDS, RENAME);
    }
    if (!existing.data) {
      // The draft exists now: keep editing it rather than creating another.
      void navigate(`/contracts/${e.contractId}/edit`, { replace: true, state: { issues: found } });
      return;
    }
    setIssues(found);
    void existing.refetch();
  }

  const save = async (andSubmit: boolean) => {
    let values: ContractFormValues;
    try {
      values = await form.validateFields();
    } catch {
      setError(t('contract.form.fixErrors'));
      return;
    }
    setError(null);
    setIssues(null);
    saveMutation.mutate({ original, fields: toContractFields(values), andSubmit }, {
      onSuccess: (result) => {
        if (result.approval) {
          const steps = result.approval.steps.map((s) => t(`approval.stepNames.${s.name}`, { defaultValue: s.name })).join(' → ');
          void message.success(result.approval.status === 'approved' ? t('contract.actions.approvedAtOnce') : t('contract.actions.submitted', { steps }));
        } else {
          void message.success(original ? t('contract.form.saved') : t('contract.form.created'));
        }
        void navigate(`/contracts/${result.contract.id}`);
      },
    });
  };

  const initial: ContractFormValues = {
    kind: 'order', currency: 'CNY', pricesIncludeTax: true, paymentTermDays: 30, lines: [{ ...EMPTY_LINE }],
    instalments: templateInstalments('standard_30_60_10', user?.id ?? null, (m) => milestoneLabel(t, m)),
  };

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="contract-edit-title">
        {original ? `${t('contract.form.editTitle')} · ${original.number}` : t('contract.form.createTitle')}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16, whiteSpace: 'pre-line' }} data-testid="form-error" />}
      {issues && <div style={{ marginBottom: 16 }}><ComplianceIssues compliance={issues.compliance} errors={issues.errors} currency={currency} /></div>}
      <Form<ContractFormValues> form={form} layout="vertical" initialValues={original ? toFormValues(original, (m) => milestoneLabel(t, m)) : initial} data-testid="contract-form" scrollToFirstError>
        <ContractTermsFields kind={kind} customer={original?.customer ?? null} editing={!!original} />
        <Divider titlePlacement="start">{t('contract.lines.title')}</Divider>
        {kind === 'framework' && <Alert type="info" showIcon title={t('contract.lines.frameworkHint')} style={{ marginBottom: 8 }} />}
        <LinesEditor preview={linesPreview} pricesIncludeTax={pricesIncludeTax} currency={currency} buyer={buyer ? { grade: buyer.grade, region: buyer.region } : undefined} />
        <Divider titlePlacement="start">{t('contract.plan.title')}</Divider>
        {kind === 'framework'
          ? <Alert type="info" showIcon title={t('contract.plan.frameworkHint')} />
          : <PlanEditor preview={planPreview} base={linesPreview.totals.amountInclTax} currency={currency} defaultOwnerId={user?.id ?? null} />}
        <Flex gap={8} wrap style={{ marginTop: 24 }}>
          <Button onClick={() => void save(false)} loading={busy === 'save'} disabled={busy !== null} data-testid="contract-save">
            {t('contract.form.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => void save(true)} loading={busy === 'submit'} disabled={busy !== null} data-testid="contract-save-submit">
            {t('contract.form.saveAndSubmit')}
          </Button>
          <Button onClick={() => void navigate(original ? `/contracts/${original.id}` : '/contracts')}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
