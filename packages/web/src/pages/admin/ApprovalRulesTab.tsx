// Approval rules 审批规则 (admins): each document type's rules — conditions over the document's facts and the chain of
// steps they add — edited in place, with "which steps would this contract need?" computed by the server against the
// rules as edited (a contract picked, or facts typed in). Saving is audited by the server.
import { App, Button, Card, Col, Empty, Flex, Input, InputNumber, Row, Select, Space, Steps, Switch, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONDITION_OPS, ROLES, type ApprovalFacts, type ApprovalRules, type Condition, type StepDefinition } from '@l2c/shared';
import { useApprovalDefinitions, useApprovalPreview, useSaveApprovalDefinitionMutation } from '../../api/approval-admin';
import { useContractList } from '../../api/contracts';
import { stepName } from '../../components/contracts/ApprovalProgress';
import { CustomerSelect } from '../../components/CustomerSelect';

type Simple = { fact: string; op: (typeof CONDITION_OPS)[number]; value: string | number | boolean | null | Array<string | number | boolean | null> };
type Rule = ApprovalRules['rules'][number];
const FACTS = ['amount', 'amountExclTax', 'maxDiscount', 'paymentTermDays', 'riskLevel', 'customerGrade', 'overCredit', 'raise', 'kind', 'currency'];
const NUMERIC = new Set(['paymentTermDays']);
const BOOLEAN = new Set(['overCredit']);

const isSimple = (c: Condition): c is Simple => 'fact' in c;
/** A rule's condition as a flat list under any/all; null when it nests deeper (then it is shown, not edited). */
function flat(when: Condition): { mode: 'any' | 'all'; conds: Simple[] } | null {
  if (isSimple(when)) return { mode: 'all', conds: [when] };
  const mode = 'any' in when ? 'any' : 'all';
  const list = 'any' in when ? when.any : when.all;
  return list.every(isSimple) ? { mode, conds: list as Simple[] } : null;
}
function unflat(mode: 'any' | 'all', conds: Simple[]): Condition {
  if (conds.length === 1) return conds[0]!;
  return mode === 'any' ? { any: conds } : { all: conds };
}
function typed(fact: string, raw: string): Simple['value'] {
  if (BOOLEAN.has(fact)) return raw === 'true';
  if (NUMERIC.has(fact) && /^\d+$/.test(raw)) return Number(raw);
  return raw;
}

function StepsEditor({ steps, onChange, testId }: { steps: StepDefinition[]; onChange: (s: StepDefinition[]) => void; testId: string }) {
  const { t } = useTranslation();
  const set = (i: number, s: StepDefinition) => onChange(steps.map((x, j) => (j === i ? s : x)));
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {steps.map((s, i) => (
        <Space key={i} wrap>
          <Input value={s.name} onChange={(e) => set(i, { ...s, name: e.target.value })} style={{ width: 160 }} placeholder={t('approvalRules.stepName')} />
          <Select value={s.approver.type} style={{ width: 190 }}
            onChange={(type) => set(i, { ...s, approver: type === 'manager' ? { type } : type === 'role' ? { type, role: 'finance' } : type === 'roles' ? { type, roles: ['executive', 'admin'] } : s.approver })}
            options={(['manager', 'role', 'roles'] as const).map((v) => ({ value: v, label: t(`approvalRules.approverTypes.${v}`) })).concat(s.approver.type === 'user' ? [{ value: 'user' as never, label: t('approvalRules.approverTypes.user') }] : [])} />
          {s.approver.type === 'role' && (
            <Select value={s.approver.role} style={{ width: 140 }} onChange={(role) => set(i, { ...s, approver: { type: 'role', role } })} options={ROLES.map((r) => ({ value: r, label: t(`approvalRules.roles.${r}`) }))} />
          )}
          {s.approver.type === 'roles' && (
            <Select mode="multiple" value={s.approver.roles} style={{ minWidth: 220 }} onChange={(roles) => set(i, { ...s, approver: { type: 'roles', roles } })} options={ROLES.map((r) => ({ value: r, label: t(`approvalRules.roles.${r}`) }))} />
          )}
          <Button size="small" danger onClick={() => onChange(steps.filter((_, j) => j !== i))}>{t('approvalRules.remove')}</Button>
        </Space>
      ))}
      <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={() => onChange([...steps, { name: 'Manager', approver: { type: 'manager' } }])}>{t('approvalRules.addStep')}</Button>
    </Flex>
  );
}

function RuleEditor({ rule, onChange, onRemove, index }: { rule: Rule; onChange: (r: Rule) => void; onRemove: () => void; index: number }) {
  const { t } = useTranslation();
  const f = flat(rule.when);
  const setConds = (mode: 'any' | 'all', conds: Simple[]) => onChange({ ...rule, when: unflat(mode, conds) });
  return (
    <Card size="small" data-testid="rule-card" title={<Input value={rule.name} onChange={(e) => onChange({ ...rule, name: e.target.value })} style={{ maxWidth: 420 }} data-testid="rule-name" />}
      extra={<Button size="small" danger onClick={onRemove}>{t('approvalRules.remove')}</Button>}>
      <Typography.Text strong>{t('approvalRules.when')} </Typography.Text>
      {f ? (
        <Flex vertical gap={6} style={{ margin: '6px 0 12px' }}>
          {f.conds.length > 1 && (
            <Select value={f.mode} style={{ width: 140 }} onChange={(m) => setConds(m, f.conds)} options={[{ value: 'any', label: t('approvalRules.any') }, { value: 'all', label: t('approvalRules.all') }]} />
          )}
          {f.conds.map((c, i) => {
            const set = (next: Simple) => setConds(f.mode, f.conds.map((x, j) => (j === i ? next : x)));
            return (
              <Space key={i} wrap>
                <Select value={c.fact} style={{ width: 170 }} onChange={(fact) => set({ ...c, fact, value: typed(fact, String(c.value ?? '')) })}
                  options={[...new Set([...FACTS, c.fact])].map((x) => ({ value: x, label: t(`approvalRules.facts.${x}`, { defaultValue: x }) }))} />
                <Select value={c.op} style={{ width: 80 }} onChange={(op) => set({ ...c, op })} options={CONDITION_OPS.map((o) => ({ value: o, label: o }))} />
                {BOOLEAN.has(c.fact)
                  ? <Switch checked={c.value === true} onChange={(v) => set({ ...c, value: v })} checkedChildren={t('approvalRules.true')} unCheckedChildren={t('approvalRules.false')} />
                  : <Input value={Array.isArray(c.value) ? c.value.join(',') : String(c.value ?? '')} style={{ width: 160 }} data-testid={`rule-${index}-value-${i}`}
                    onChange={(e) => set({ ...c, value: c.op === 'in' ? e.target.value.split(',').map((v) => v.trim()) : typed(c.fact, e.target.value.trim()) })} />}
                {f.conds.length > 1 && <Button size="small" onClick={() => setConds(f.mode, f.conds.filter((_, j) => j !== i))}>{t('approvalRules.remove')}</Button>}
              </Space>
            );
          })}
          <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={() => setConds(f.mode === 'all' && f.conds.length === 1 ? 'any' : f.mode, [...f.conds, { fact: 'amount', op: '>', value: '0' }])}>{t('approvalRules.addCondition')}</Button>
        </Flex>
      ) : <Typography.Paragraph code>{JSON.stringify(rule.when)}</Typography.Paragraph>}
      <Typography.Text strong>{t('approvalRules.steps')}</Typography.Text>
      <div style={{ marginTop: 6 }}><StepsEditor steps={rule.steps} onChange={(steps) => onChange({ ...rule, steps })} testId={`rule-${index}-steps`} /></div>
    </Card>
  );
}

function Preview({ docType, rules }: { docType: string; rules: ApprovalRules }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [docId, setDocId] = useState<string | undefined>();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [facts, setFacts] = useState<ApprovalFacts>({ amount: '600000', maxDiscount: '0', paymentTermDays: 30, riskLevel: 'normal', overCredit: false });
  const contracts = useContractList({ q: q || undefined });
  const options = (contracts.data?.pages.flatMap((p) => p.items) ?? []).slice(0, 20).map((c) => ({ value: c.id, label: `${c.number} · ${c.title}` }));
  const preview = useApprovalPreview(docType, docType === 'contract' && docId ? { docId, rules } : { ...(customerId ? { customerId } : {}), facts, rules });
  const setFact = (k: string, v: ApprovalFacts[string]) => { setDocId(undefined); setFacts({ ...facts, [k]: v }); };
  return (
    <Card size="small" title={t('approvalRules.preview')} data-testid="approval-preview">
      <Typography.Paragraph type="secondary">{t('approvalRules.previewIntro')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        {docType === 'contract' && (
          <Select showSearch allowClear filterOption={false} onSearch={setQ} value={docId} onChange={setDocId} options={options} placeholder={t('approvalRules.pickContract')} data-testid="preview-contract" />
        )}
        <Typography.Text type="secondary">{t('approvalRules.orEnter')}</Typography.Text>
        <CustomerSelect value={customerId} onChange={(v) => { setDocId(undefined); setCustomerId(v); }} placeholder={t('approvalRules.pickCustomer')} style={{ width: '100%' }} />
        <Space wrap>
          <span>{t('approvalRules.facts.amount')} <Input style={{ width: 130 }} value={String(facts.amount ?? '')} onChange={(e) => setFact('amount', e.target.value.trim())} data-testid="preview-amount" /></span>
          <span>{t('approvalRules.facts.maxDiscount')} <Input style={{ width: 80 }} value={String(facts.maxDiscount ?? '')} onChange={(e) => setFact('maxDiscount', e.target.value.trim())} /></span>
          <span>{t('approvalRules.facts.paymentTermDays')} <InputNumber style={{ width: 80 }} min={0} value={Number(facts.paymentTermDays ?? 0)} onChange={(v) => setFact('paymentTermDays', v ?? 0)} /></span>
          <span>{t('approvalRules.facts.riskLevel')} <Select style={{ width: 100 }} value={String(facts.riskLevel)} onChange={(v) => setFact('riskLevel', v)} options={['low', 'normal', 'high'].map((v) => ({ value: v, label: t(`admin.credit.riskLevels.${v}`) }))} /></span>
          <span>{t('approvalRules.facts.overCredit')} <Switch checked={facts.overCredit === true} onChange={(v) => setFact('overCredit', v)} /></span>
        </Space>
        {preview.data && (
          <>
            <Typography.Text type="secondary" data-testid="preview-matched">
              {preview.data.matchedRules.length ? t('approvalRules.matched', { names: preview.data.matchedRules.join('、') }) : t('approvalRules.noMatch')}
            </Typography.Text>
            {preview.data.steps.length === 0 ? <Typography.Text data-testid="preview-steps">{t('approvalRules.noSteps')}</Typography.Text> : (
              <Steps size="small" orientation="vertical" data-testid="preview-steps" items={preview.data.steps.map((s) => ({
                title: <span data-testid="preview-step">{stepName(t, s.name)}</span>, status: 'wait',
                content: t('approvalRules.approvers', { names: s.approvers.map((a) => a.name).join('、') || t('approvalRules.nobody') }),
              }))} />
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}

export function ApprovalRulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const defs = useApprovalDefinitions();
  const [docType, setDocType] = useState('contract');
  const def = useMemo(() => defs.data?.items.find((d) => d.docType === docType), [defs.data, docType]);
  const [draft, setDraft] = useState<ApprovalRules | null>(null);
  useEffect(() => setDraft(def ? structuredClone(def.rules) : null), [def]);
  const save = useSaveApprovalDefinitionMutation();
  if (!defs.data || !draft || !def) return <Card size="small" loading={defs.isLoading}>{defs.data && <Empty />}</Card>;
  const setRule = (i: number, r: Rule) => setDraft({ ...draft, rules: draft.rules.map((x, j) => (j === i ? r : x)) });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card size="small" title={(
          <Space wrap>
            <Select value={docType} onChange={setDocType} style={{ width: 180 }} data-testid="approval-rules-doctype"
              options={defs.data.items.map((d) => ({ value: d.docType, label: t(`approvalRules.docTypes.${d.docType}`, { defaultValue: d.docType }) }))} />
            <Tag>{def.builtIn ? t('approvalRules.builtIn') : t('approvalRules.custom')}</Tag>
          </Space>
        )} extra={(
          <Button type="primary" loading={save.isPending} data-testid="approval-rules-save"
            onClick={() => save.mutate({ docType, name: def.name, rules: draft, version: def.version }, { onSuccess: () => void message.success(t('approvalRules.saved')) })}>{t('approvalRules.save')}</Button>
        )}>
          <Typography.Paragraph type="secondary">{t('approvalRules.intro')}</Typography.Paragraph>
          <Flex vertical gap={12}>
            {draft.rules.map((r, i) => <RuleEditor key={i} index={i} rule={r} onChange={(x) => setRule(i, x)} onRemove={() => setDraft({ ...draft, rules: draft.rules.filter((_, j) => j !== i) })} />)}
            <Button onClick={() => setDraft({ ...draft, rules: [...draft.rules, { name: t('approvalRules.rule'), when: { fact: 'amount', op: '>', value: '1000000' }, steps: [{ name: 'Executive', approver: { type: 'role', role: 'executive' } }] }] })}>{t('approvalRules.addRule')}</Button>
            <Card size="small" title={t('approvalRules.otherwise')}>
              <StepsEditor steps={draft.otherwise} onChange={(otherwise) => setDraft({ ...draft, otherwise })} testId="otherwise-steps" />
            </Card>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={9}><Preview docType={docType} rules={draft} /></Col>
    </Row>
  );
}
