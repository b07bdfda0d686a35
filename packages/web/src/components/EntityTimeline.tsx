// The history of one record from the audit log (GET /audit?entityType=&entityId=), newest first, as a timeline.
import { Alert, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEntityHistory } from '../api/audit';
import { useFormat } from '../i18n/format';
import { refMap } from '../lib/auditLabels';
import { errorText } from '../lib/errors';
import { AuditChanges, actionLabel } from './AuditChanges';
import { LoadMore } from './LoadMore';

const COLORS: Record<string, string> = {
  create: 'blue', submit: 'blue', approve: 'green', sign: 'green', reject: 'red', return: 'orange', terminate: 'red',
  deliver: 'cyan', amend: 'purple', amend_submit: 'purple', amend_refused: 'red', status: 'geekblue',
};

export function EntityTimeline({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useEntityHistory(entityType, entityId);
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <Alert type="error" showIcon title={errorText(t, list.error)} />;
  const items = list.data.pages.flatMap((p) => p.items);
  const refs = refMap(list.data.pages.flatMap((p) => p.refs ?? []));
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />;
  return (
    <Flex vertical gap={8}>
      <Timeline
        items={items.map((e) => {
          const short = e.action.includes('.') ? e.action.slice(e.action.lastIndexOf('.') + 1) : e.action;
          return {
            key: e.id,
            color: COLORS[short] ?? 'gray',
            content: (
              <div data-testid="timeline-entry">
                <Flex gap={8} wrap align="center">
                  <Tag color={COLORS[short] ?? 'default'}>{actionLabel(t, e.action)}</Tag>
                  <Typography.Text strong>{e.actor?.name ?? t('audit.system')}</Typography.Text>
                  <Typography.Text type="secondary">{fmt.instant(e.at)}</Typography.Text>
                </Flex>
                <div style={{ marginTop: 4 }}><AuditChanges entry={e} refs={refs} /></div>
              </div>
            ),
          };
        })}
      />
      <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
    </Flex>
  );
}
