// A customer's history from the audit log: time, actor, action and each change.
import { Alert, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEntityHistory } from '../../api/audit';
import { AuditChanges, actionLabel } from '../../components/AuditChanges';
import { LoadMore } from '../../components/LoadMore';
import { useFormat } from '../../i18n/format';
import { refMap } from '../../lib/auditLabels';
import { errorText } from '../../lib/errors';

export function AuditTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useEntityHistory('customer', customerId);
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <Alert type="error" showIcon title={errorText(t, list.error)} />;
  const items = list.data.pages.flatMap((p) => p.items);
  const refs = refMap(list.data.pages.flatMap((p) => p.refs ?? []));
  if (items.length === 0) return <Empty description={t('audit.empty')} />;

  return (
    <Flex vertical gap={16}>
      <Timeline
        items={items.map((e) => ({
          key: e.id,
          content: (
            <div data-testid="audit-entry">
              <Flex gap={8} wrap align="center">
                <Typography.Text type="secondary">{fmt.instant(e.at)}</Typography.Text>
                <Typography.Text strong>{e.actor?.name ?? t('audit.system')}</Typography.Text>
                <Tag color="blue">{actionLabel(t, e.action)}</Tag>
              </Flex>
              <div style={{ marginTop: 4 }}><AuditChanges entry={e} refs={refs} /></div>
            </div>
          ),
        }))}
      />
      <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
    </Flex>
  );
}
