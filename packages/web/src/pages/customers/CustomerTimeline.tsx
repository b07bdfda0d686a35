// One timeline of everything that happened to a customer (GET /customers/{id}/timeline): the audit trail of the
// customer and its records, follow-ups and money facts, newest first, filtered by kind, paged. Changes read through
// the audit label registry (lib/auditLabels), records named by number and name with a link.
import { Alert, Empty, Flex, Segmented, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomerTimeline, type TimelineEvent, type TimelineKind } from '../../api/customer360';
import { AuditChanges } from '../../components/AuditChanges';
import { LoadMore } from '../../components/LoadMore';
import { useFormat } from '../../i18n/format';
import { actionLabel, entityTypeLabel, refMap, RefLabel, type RefMap } from '../../lib/auditLabels';
import { errorText } from '../../lib/errors';
import { enumLabel } from '../../lib/labels';

const KINDS: TimelineKind[] = ['audit', 'follow_up', 'receivable', 'credit_note', 'payment', 'write_off'];
const COLORS: Record<TimelineKind, string> = { audit: 'gray', follow_up: 'blue', receivable: 'orange', credit_note: 'purple', payment: 'green', write_off: 'cyan' };

function EventBody({ e, refs }: { e: TimelineEvent; refs: RefMap }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = e.amount ? <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>{fmt.money(e.amount, e.currency ?? undefined)}</Typography.Text> : null;
  const link = (path: string, text: string): ReactNode => <Link to={path}>{text}</Link>;
  switch (e.kind) {
    case 'audit':
      return (
        <>
          <Flex gap={8} wrap align="center">
            <Tag>{entityTypeLabel(t, e.entityType)}</Tag>
            {e.entityType !== 'customer' && e.entityType !== 'credit_profile' && <RefLabel refId={e.entityId} refs={refs} />}
            <Typography.Text>{actionLabel(t, e.action ?? '')}</Typography.Text>
          </Flex>
          <div style={{ marginTop: 4 }}><AuditChanges entry={{ entityType: e.entityType, changes: e.changes }} refs={refs} /></div>
        </>
      );
    case 'follow_up':
      return (
        <>
          <Flex gap={8} wrap align="center"><Tag color="blue">{enumLabel(t, 'followUpKind', e.action)}</Tag></Flex>
          <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.text}</Typography.Paragraph>
        </>
      );
    case 'receivable':
    case 'credit_note':
      return (
        <Flex gap={8} wrap align="center">
          {link(`/receivables?id=${e.entityId}`, t(`c360.timeline.${e.kind}`, { number: e.number }))}
          {money}
          {e.action && <Tag>{enumLabel(t, 'receivableSource', e.action)}</Tag>}
          {e.date && <Typography.Text type="secondary">{t('c360.timeline.due', { date: fmt.date(e.date) })}</Typography.Text>}
          {e.text && <Typography.Text type="secondary">{e.text}</Typography.Text>}
        </Flex>
      );
    case 'payment':
      return (
        <Flex gap={8} wrap align="center">
          {link(`/payments?q=${encodeURIComponent(e.number ?? '')}`, t('c360.timeline.payment', { number: e.number }))}
          {money}
          {e.action && <Tag>{enumLabel(t, 'paymentStatus', e.action)}</Tag>}
          {e.date && <Typography.Text type="secondary">{t('c360.timeline.received', { date: fmt.date(e.date) })}</Typography.Text>}
        </Flex>
      );
    case 'write_off':
      return (
        <Flex gap={8} wrap align="center">
          <Typography.Text>{t('c360.timeline.write_off', { number: e.number })}</Typography.Text>
          {money}
          {e.action && <Tag>{enumLabel(t, 'writeOffKind', e.action)}</Tag>}
          {e.date && <Typography.Text type="secondary">{t('c360.timeline.applied', { date: fmt.date(e.date) })}</Typography.Text>}
          {e.text && <Typography.Text type="secondary">{e.text}</Typography.Text>}
        </Flex>
      );
    default:
      return null;
  }
}

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [kind, setKind] = useState<TimelineKind | 'all'>('all');
  const list = useCustomerTimeline(customerId, kind === 'all' ? undefined : kind);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const refs = refMap(list.data?.pages.flatMap((p) => p.refs));
  return (
    <Flex vertical gap={12} data-testid="c360-timeline">
      <Segmented
        value={kind}
        onChange={(v) => setKind(v as TimelineKind | 'all')}
        options={[{ value: 'all', label: t('c360.timeline.all') }, ...KINDS.map((k) => ({ value: k, label: t(`c360.timeline.kinds.${k}`) }))]}
        data-testid="timeline-kind"
      />
      {list.isPending && <Skeleton active />}
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      {!list.isPending && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('c360.timeline.empty')} />}
      {items.length > 0 && (
        <Timeline
          items={items.map((e) => ({
            key: e.key,
            color: COLORS[e.kind],
            content: (
              <div data-testid="c360-event" data-kind={e.kind}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text type="secondary">{fmt.instant(e.at)}</Typography.Text>
                  <Typography.Text strong>{e.actor?.name ?? t('audit.system')}</Typography.Text>
                </Flex>
                <div style={{ marginTop: 2 }}><EventBody e={e} refs={refs} /></div>
              </div>
            ),
          }))}
        />
      )}
      <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
    </Flex>
  );
}
