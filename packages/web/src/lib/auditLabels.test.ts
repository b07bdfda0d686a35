// The audit trail reads in the user's language only if every entity type, action and change field the server records
// has a label. This test reads the server's source (every file that calls recordAudit/recordAudits) for the literals
// it records, and fails when the label registry (lib/auditLabels.tsx over the zh-CN and en texts) lacks one — so a
// new domain cannot add an unlabelled audit type again. Fields of whole records (before/after views) are not literals
// and are not scanned here; the record's page labels (FIELD_NS) and auditLabels.fields._ cover them.
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { NO_REFS, actionLabel, entityTypeLabel, fieldLabel, renderValue, type LabelFormat } from './auditLabels';
import coreZh from '../i18n/core.zh-CN';
import areasZh from '../i18n/resources.zh-CN';
import coreEn from '../i18n/core.en';
import areasEn from '../i18n/resources.en';

// The server's sources as text (Vite's import.meta.glob, as api/data-layer.test.ts does: no file system API here).
const serverSources = import.meta.glob<string>(['../../../server/src/**/*.ts', '!../../../server/src/**/*.test.ts'], {
  query: '?raw', import: 'default', eager: true,
});

// Audit actions the server builds at run time, so no literal names them.
const DYNAMIC_ACTIONS = [
  'approval_approve', 'approval_reject', 'approval_return', // approvals: `approval_${action}`
  'release', 'claim', 'assign', 'recycle', 'reclaim', // leads' and customers' pool: action: kind
  'accept', 'reject', // bank statements: action: d.decision
  'pending_approval', 'draft', 'accepted', 'rejected', 'expired', // quotes: action: to (the status reached)
];
// Approval documents without an audit target of their own are audited under their doc type (approvals.service.ts).
const APPROVAL_DOC_TYPES = ['contract_amendment', 'bad_debt', 'credit_limit'];
// `action:` literals in audit-writing files that are not audit actions: a duplicate rule's action ('none' = only warn).
const NOT_AUDIT_ACTIONS = new Set(['none']);

/** The literal values of an expression: 'a', cond ? 'a' : 'b', x ?? 'a' — not the operands of ===, !== or in. */
function valueLiterals(expr: string): string[] {
  return [...expr.matchAll(/(?<![=!]==\s*)'([a-z_.]+)'(?!\s*(?:[=!]==|in\b))/g)].map((m) => m[1]!);
}

function scan() {
  const entityTypes = new Set<string>(APPROVAL_DOC_TYPES);
  const actions = new Set<string>(DYNAMIC_ACTIONS);
  const fields = new Set<string>();
  for (const [file, src] of Object.entries(serverSources)) {
    if (file.endsWith('/platform/audit.ts')) continue;
    if (!/recordAudits?\(/.test(src)) continue;
    for (const m of src.matchAll(/\bentityType:\s*'([a-z_]+)'/g)) entityTypes.add(m[1]!);
    for (const m of src.matchAll(/\baction:\s*([^,}\n]+)/g)) for (const a of valueLiterals(m[1]!)) if (!NOT_AUDIT_ACTIONS.has(a)) actions.add(a);
    for (const m of src.matchAll(/\bfield:\s*'([A-Za-z_]+)'/g)) fields.add(m[1]!);
  }
  return { entityTypes: [...entityTypes].sort(), actions: [...actions].sort(), fields: [...fields].sort() };
}

async function translator(lang: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  const [core, areas] = lang === 'zh-CN' ? [coreZh, areasZh] : [coreEn, areasEn];
  await i18n.init({ lng: lang, fallbackLng: false, resources: { [lang]: { translation: core } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  i18n.addResourceBundle(lang, 'translation', areas, true, true); // as i18n/index.ts does after the first render
  return i18n.t;
}

const found = scan();

describe('the audit label registry names everything the server records', () => {
  it('the scan finds the audit literals (a sanity floor, so a broken scan cannot pass silently)', () => {
    expect(found.entityTypes.length).toBeGreaterThan(55);
    expect(found.actions.length).toBeGreaterThan(60);
    expect(found.fields.length).toBeGreaterThan(70);
    expect(found.entityTypes).toEqual(expect.arrayContaining(['campaign', 'lead', 'opportunity', 'quote', 'webhook_subscription', 'doc_number_format']));
    expect(found.actions).toEqual(expect.arrayContaining(['approval_withdraw', 'withdraw', 'convert', 'win', 'catalog.sku.create']));
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`${lang}: every entity type, action and change field has a label`, async () => {
      const t = await translator(lang);
      const missing = [
        ...found.entityTypes.filter((e) => entityTypeLabel(t, e) === e).map((e) => `entityType ${e}`),
        ...found.actions.filter((a) => actionLabel(t, a) === a).map((a) => `action ${a}`),
        // a field literal may be recorded by any type: it needs a generic label (audit.fields or auditLabels.fields._)
        ...found.fields.filter((f) => !t(`audit.fields.${f}`, { defaultValue: '' }) && !t(`auditLabels.fields._.${f}`, { defaultValue: '' })).map((f) => `field ${f}`),
      ];
      expect(missing, `add these to i18n/audit-labels.${lang}.ts`).toEqual([]);
    });
  }

  it('enum values and the record page labels are reused: a lead status, a campaign type, a quote title read in Chinese', async () => {
    const t = await translator('zh-CN');
    expect(fieldLabel(t, 'campaign', 'name')).toBe('活动名称');
    expect(fieldLabel(t, 'opportunity', 'stage')).toBe('阶段');
    expect(fieldLabel(t, 'quote', 'title')).toBe('项目名称');
    expect(fieldLabel(t, 'lead', 'companyName')).toBe('公司');
    expect(entityTypeLabel(t, 'webhook_subscription')).toBe('Webhook 订阅');
    expect(actionLabel(t, 'approval_withdraw')).toBe('撤回审批');
    expect(actionLabel(t, 'catalog.sku.create')).toBe('创建');
    const fmt: LabelFormat = { date: (d) => d, instant: (i) => i, money: (a) => `¥${a}` };
    const value = (entityType: string, field: string, v: unknown) => renderValue({ t, fmt, refs: NO_REFS, entityType }, field, v);
    expect(value('lead', 'status', 'mql')).toBe('市场认可 MQL');
    expect(value('campaign', 'type', 'trade_show')).toBe('展会');
    expect(value('quote', 'status', 'pending_approval')).toBe('审批中');
    expect(value('decision_role', 'role', 'economic_buyer')).toBe('经济决策人');
    expect(value('campaign', 'budget', '50000.00')).toBe('¥50000.00');
    expect(value('doc_number_format', 'reset', 'yearly')).toBe('每年');
    expect(fieldLabel(t, 'duplicate_rule', 'blocking')).toBe('分块方式');
  });
});
