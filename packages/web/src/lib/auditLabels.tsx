// The one label registry of the audit trail, for record pages (timelines) and the admin audit query alike: a field's
// name in the reader's language per record type, enum values translated, money and dates formatted by locale, ids
// shown as the record's number and name with a link (from the `refs` the server sends beside the entries), arrays
// and objects as a small table, reasons stored as codes translated on display.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RecordRef } from '@l2c/shared';
import type { EnumKind } from './labels';

export type RefMap = ReadonlyMap<string, RecordRef>;
export const NO_REFS: RefMap = new Map();
export function refMap(refs: readonly RecordRef[] | undefined | null): RefMap {
  return new Map((refs ?? []).map((r) => [r.id, r]));
}

/** Where a record type's own field labels live in the i18n resources (the record page's labels). */
const FIELD_NS: Record<string, string> = {
  customer: 'customer.fields', contact: 'contact.fields', contract: 'contract.fields', receivable: 'receivable.fields',
  payment: 'payment.fields',
  // the newer domains keep their field labels at the top of their own namespace (campaign.name, opp.stage, …)
  campaign: 'campaign', campaign_cost: 'campaign.cost', lead: 'lead', opportunity: 'opp', visit: 'visit', customer_location: 'visit',
  decision_role: 'ka', contact_relation: 'ka', quote: 'quote', sku: 'catalog', spu: 'catalog', price_book: 'pricing', promotion: 'pricing',
  duplicate_rule: 'dedup.rule', lead_assignment_rule: 'lead.rules',
};

/**
 * Fields whose values are enum members, per record type ('*' for any type): an EnumKind of labels.ts (enums.<kind>), or
 * the path of the value labels a domain's pages already use (a key with a dot: 'lead.statuses').
 */
type EnumSource = EnumKind | 'role' | `${string}.${string}`;
const ENUM_FIELDS: Record<string, Record<string, EnumSource>> = {
  '*': { industry: 'industry', decisionRole: 'decisionRole', riskLevel: 'riskLevel', grade: 'grade', method: 'method', role: 'role' },
  customer: { source: 'source' },
  followup: { kind: 'followUpKind' },
  contract: { status: 'contractStatus', kind: 'contractKind' },
  receivable: { status: 'receivableStatus', source: 'receivableSource', kind: 'receivableKind' },
  payment: { status: 'paymentStatus' },
  write_off: { kind: 'writeOffKind' },
  credit_profile: {},
  campaign: { type: 'campaign.types', status: 'campaign.statuses' },
  campaign_member: { status: 'campaign.memberStatuses' },
  campaign_cost: { category: 'campaign.costCategories' },
  lead: { status: 'lead.statuses', source: 'lead.sources' },
  opportunity: { status: 'opp.statuses', forecastCategory: 'opp.categories' },
  forecast_adjustment: { category: 'opp.categories' },
  visit: { status: 'visit.statuses', outcome: 'visit.outcomes' },
  decision_role: { role: 'ka.roles', attitude: 'ka.attitudes' },
  contact_relation: { kind: 'ka.relations' },
  quote: { status: 'quote.statuses' },
  sku: { status: 'catalog.statuses' },
  spu: { status: 'catalog.statuses', kind: 'catalog.kinds' },
  promotion: { stacking: 'pricing.stacking' },
  duplicate_rule: { object: 'dedup.objects', fields: 'dedup.fields' },
  merge_job: { object: 'dedup.objects' },
  lead_assignment_rule: { strategy: 'lead.rules.strategies' },
  doc_number_format: { datePattern: 'numbering.patterns', reset: 'numbering.resets' },
};

const MONEY_FIELDS = new Set([
  'amount', 'amountOpen', 'amountApplied', 'amountUnapplied', 'amountInclTax', 'amountExclTax', 'taxAmount', 'creditLimit',
  'total', 'badDebtRequested', 'badDebtAmount', 'limit', 'prepaid', 'rebate', 'balance', 'committed', 'available',
  'budget', 'listPrice', 'cost', 'unitPrice', 'redAmount', 'systemAmount', 'adjustedAmount', 'remaining', 'reserved', 'consumed',
  'minAmount', 'amountOff',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const CODE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
// Reasons written in English by older versions of the overdue job, translated when shown.
const LEGACY_OVERDUE = /^overdue > (\d+) days on (\d{4}-\d{2}-\d{2})$/;
// The credit hold dunning's +60 step puts (credit_profiles.hold_reason): "YS-2026-000099 71 days past due (dunning)".
const DUNNING_HOLD = /^(\S+) (\d+) days past due \(dunning\)$/;
// A contract put into performance by a delivery, as older versions wrote it: "delivered: acceptance", "delivered: instalment 2".
const LEGACY_DELIVERED = /^delivered: (?:instalment (\d+)|(.+))$/;

export interface LabelFormat {
  date: (ymd: string) => string;
  instant: (iso: string) => string;
  money: (amount: string, currency?: string) => string;
}

function humanize(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** A field's name in the reader's language: the record type's own label first, then the trail's generic ones. */
export function fieldLabel(t: TFunction, entityType: string, field: string): string {
  const specific = t(`auditLabels.fields.${entityType}.${field}`, { defaultValue: '' });
  if (specific) return specific;
  const ns = FIELD_NS[entityType];
  // returnObjects: a field named like a group of the namespace (lead.pool, opp.lines) is not a label
  const own: unknown = ns ? t(`${ns}.${field}`, { defaultValue: '', returnObjects: true }) : '';
  if (own && typeof own === 'string') return own;
  const generic = t(`audit.fields.${field}`, { defaultValue: '' }) || t(`auditLabels.fields._.${field}`, { defaultValue: '' });
  if (generic) return generic;
  return humanize(field);
}

function enumKindOf(entityType: string, field: string): EnumSource | undefined {
  return ENUM_FIELDS[entityType]?.[field] ?? ENUM_FIELDS['*']![field];
}

/** A reason: a code (or a code with parameters) translated; free text shown as written. */
export function reasonText(t: TFunction, v: unknown): string | null {
  if (v && typeof v === 'object' && 'code' in v && typeof (v as { code: unknown }).code === 'string') {
    const { code, ...params } = v as { code: string } & Record<string, unknown>;
    // a milestone written as a code (acceptance) reads in the reader's words
    if (typeof params.milestone === 'string') params.milestone = t(`milestones.${params.milestone}`, { defaultValue: params.milestone });
    return t(`auditLabels.reasons.${code}`, { ...params, defaultValue: code });
  }
  if (typeof v !== 'string') return null;
  const legacy = LEGACY_OVERDUE.exec(v);
  if (legacy) return t('auditLabels.reasons.overdue_over_days', { days: legacy[1], on: legacy[2] });
  const delivered = LEGACY_DELIVERED.exec(v);
  if (delivered) {
    return delivered[1] ? t('auditLabels.reasons.delivered_instalment', { seq: delivered[1] })
      : t('auditLabels.reasons.delivered_milestone', { milestone: t(`milestones.${delivered[2]}`, { defaultValue: delivered[2] }) });
  }
  const hold = DUNNING_HOLD.exec(v);
  if (hold) return t('auditLabels.reasons.dunning_hold', { number: hold[1], days: hold[2] });
  if (CODE.test(v)) return t(`auditLabels.reasons.${v}`, { defaultValue: v });
  return v;
}

export function refPath(ref: RecordRef): string | null {
  switch (ref.type) {
    case 'customer': return `/customers/${ref.id}`;
    case 'contract': return `/contracts/${ref.id}`;
    case 'receivable': return `/receivables?id=${ref.id}`;
    case 'payment': return ref.number ? `/payments?q=${encodeURIComponent(ref.number)}` : null;
    case 'write_off': return null;
    default: return null;
  }
}

/** A record by number and name, linked to its page when it has one. */
export function RefLabel({ refId, refs, fallback }: { refId: string; refs: RefMap; fallback?: string }) {
  const ref = refs.get(refId);
  if (!ref) return <span title={refId}>{fallback ?? refId.slice(0, 8)}</span>;
  const text = [ref.number, ref.name].filter(Boolean).join(' ') || refId.slice(0, 8);
  const path = refPath(ref);
  return path ? <Link to={path} data-testid="audit-ref">{text}</Link> : <span data-testid="audit-ref">{text}</span>;
}

export interface ValueContext { t: TFunction; fmt: LabelFormat; refs: RefMap; entityType: string }

/** One value of a change, readable: enums translated, money and dates formatted, ids named, structures as a table. */
export function renderValue(ctx: ValueContext, field: string, v: unknown, depth = 0): ReactNode {
  const { t, fmt, refs, entityType } = ctx;
  if (v === null || v === undefined || v === '') return '∅';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (field === 'reason' || field === 'statusReason' || field === 'holdReason' || field === 'releaseReason') {
    const r = reasonText(t, v);
    if (r !== null) return r;
  }
  if (typeof v === 'number') return MONEY_FIELDS.has(field) ? fmt.money(String(v)) : String(v);
  if (typeof v === 'string') {
    const kind = enumKindOf(entityType, field);
    if (kind === 'role') return t(`roles.${v}`, { defaultValue: v });
    if (kind) return t(kind.includes('.') ? `${kind}.${v}` : `enums.${kind}.${v}`, { defaultValue: v });
    if (UUID.test(v)) return <RefLabel refId={v} refs={refs} />;
    if (MONEY_FIELDS.has(field) && /^-?\d+(\.\d+)?$/.test(v)) return fmt.money(v);
    if (DATE.test(v)) return fmt.date(v);
    if (INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return fmt.instant(v);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '∅';
    if (v.every((x) => typeof x !== 'object' || x === null)) {
      return <span>{v.map((x, i) => <span key={i}>{i > 0 ? '、' : ''}{renderValue(ctx, field, x, depth + 1)}</span>)}</span>;
    }
    return <ValueTable ctx={ctx} rows={v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)} depth={depth} />;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.code === 'string') return reasonText(t, o);
    if (typeof o.name === 'string' && Object.keys(o).length <= 2) return o.name;
    return <ValueTable ctx={ctx} rows={[o]} depth={depth} />;
  }
  return String(v);
}

/** An array of records (plan lines, signatories, approval steps) as a small table with translated headings. */
function ValueTable({ ctx, rows, depth }: { ctx: ValueContext; rows: Array<Record<string, unknown>>; depth: number }) {
  if (depth > 2) return <span>{JSON.stringify(rows)}</span>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => k !== 'id');
  const cell = { border: '1px solid #f0f0f0', padding: '2px 6px', fontSize: 12, textAlign: 'left' as const };
  return (
    <table style={{ borderCollapse: 'collapse', margin: '4px 0' }} data-testid="audit-value-table">
      <thead><tr>{keys.map((k) => <th key={k} style={{ ...cell, background: '#fafafa', fontWeight: 500 }}>{fieldLabel(ctx.t, ctx.entityType, k)}</th>)}</tr></thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>{keys.map((k) => <td key={k} style={cell}>{renderValue(ctx, k, r[k], depth + 1)}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

export function actionLabel(t: TFunction, action: string): string {
  const short = action.includes('.') ? action.slice(action.lastIndexOf('.') + 1) : action;
  return t(`audit.actions.${short}`, { defaultValue: t(`auditLabels.actions.${short}`, { defaultValue: action }) });
}

export function entityTypeLabel(t: TFunction, type: string): string {
  return t(`audit.entityTypes.${type}`, { defaultValue: t(`auditLabels.entityTypes.${type}`, { defaultValue: type }) });
}
