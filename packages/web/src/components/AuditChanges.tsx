// One audit entry's changes, each as "field: before → after", read through the one label registry (lib/auditLabels):
// field names and enum values in the reader's language, money and dates by locale, ids as number + name with a link,
// structures as a small table, reason codes translated.
import { ArrowRightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types';
import { useFormat } from '../i18n/format';
import { fieldLabel, NO_REFS, renderValue, type RefMap } from '../lib/auditLabels';

export { fieldLabel, actionLabel, entityTypeLabel } from '../lib/auditLabels';

type Change = AuditEntry['changes'][number];

/** Ids that mean nothing to people are hidden when a readable counterpart is there. */
function visibleChanges(changes: readonly Change[]): Change[] {
  const fields = new Set(changes.map((c) => c.field));
  return changes.filter((c) => c.field !== 'id' && !(c.field === 'ownerId' && fields.has('ownerName')));
}

export function AuditChanges({ entry, refs = NO_REFS }: { entry: Pick<AuditEntry, 'entityType' | 'changes'>; refs?: RefMap }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const changes = visibleChanges(entry.changes);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const ctx = { t, fmt: { date: (d: string) => fmt.date(d), instant: (i: string) => fmt.instant(i), money: fmt.money }, refs, entityType: entry.entityType };
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {changes.map((c, i) => (
        <li key={`${c.field}-${i}`} data-testid="audit-change">
          <Typography.Text strong>{fieldLabel(t, entry.entityType, c.field)}</Typography.Text>
          {': '}
          {c.before !== null && c.before !== undefined && (
            <>
              <Typography.Text delete type="secondary">{renderValue(ctx, c.field, c.before)}</Typography.Text>
              {' '}<ArrowRightOutlined style={{ fontSize: 11, color: '#999' }} />{' '}
            </>
          )}
          <Typography.Text>{renderValue(ctx, c.field, c.after)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
