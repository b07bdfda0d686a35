// One audit entry's changes, each as "field: before → after".
import { ArrowRightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types';
import type { EnumKind } from '../lib/labels';

const ENUM_FIELDS: Record<string, EnumKind> = {
  industry: 'industry', source: 'source', decisionRole: 'decisionRole', kind: 'followUpKind', status: 'contractStatus',
};

export function fieldLabel(t: TFunction, entityType: string, field: string): string {
  const ns = entityType === 'contact' ? 'contact.fields' : entityType === 'contract' ? 'contract.fields' : 'customer.fields';
  const fallback = t(`audit.fields.${field}`, { defaultValue: t(`customer.fields.${field}`, { defaultValue: field }) });
  return t(`${ns}.${field}`, { defaultValue: fallback });
}

/** Ids that mean nothing to people are hidden when a readable counterpart is there. */
function visibleChanges(entry: AuditEntry): AuditEntry['changes'] {
  const fields = new Set(entry.changes.map((c) => c.field));
  return entry.changes.filter((c) => c.field !== 'id' && !(c.field === 'ownerId' && fields.has('ownerName')));
}

export function valueText(t: TFunction, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '∅';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'string') {
    const kind = ENUM_FIELDS[field];
    return kind ? t(`enums.${kind}.${v}`, { defaultValue: v }) : v;
  }
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && 'name' in (v as Record<string, unknown>)) return String((v as { name: unknown }).name);
  return JSON.stringify(v);
}

export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = visibleChanges(entry);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {changes.map((c, i) => (
        <li key={`${c.field}-${i}`} data-testid="audit-change">
          <Typography.Text strong>{fieldLabel(t, entry.entityType, c.field)}</Typography.Text>
          {': '}
          <Typography.Text delete type="secondary">{valueText(t, c.field, c.before)}</Typography.Text>
          {' '}<ArrowRightOutlined style={{ fontSize: 11, color: '#999' }} />{' '}
          <Typography.Text>{valueText(t, c.field, c.after)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

export function actionLabel(t: TFunction, action: string): string {
  const short = action.includes('.') ? action.slice(action.lastIndexOf('.') + 1) : action;
  return t(`audit.actions.${short}`, { defaultValue: action });
}

export function entityTypeLabel(t: TFunction, type: string): string {
  return t(`audit.entityTypes.${type}`, { defaultValue: type });
}
