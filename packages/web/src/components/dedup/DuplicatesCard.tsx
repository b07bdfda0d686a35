// A record's possible duplicates in the caller's scope (customers, contacts, leads), best first, each with why it
// matched and a way to the merge screen when it is the same kind of record.
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDuplicatesOf, type DuplicateObject } from '../../api/dedup';
import { useAuth } from '../../auth/useAuth';

const LINK: Record<DuplicateObject, (id: string, customerId: string | null) => string | null> = {
  customer: (id) => `/customers/${id}`, contact: (_id, customerId) => (customerId ? `/customers/${customerId}?tab=contacts` : null), lead: (id) => `/leads/${id}`,
};

export function DuplicatesCard({ object, id }: { object: DuplicateObject; id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const dups = useDuplicatesOf(object, id, can('dedup', 'read'));
  if (!can('dedup', 'read') || dups.isError) return null;
  const items = dups.data?.items ?? [];
  return (
    <Card size="small" title={t('dedup.matches.title')} loading={dups.isPending} data-testid="duplicates-card">
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dedup.matches.none')} /> : (
        <List size="small" dataSource={items} renderItem={(m) => {
          const to = LINK[m.kind](m.id, m.customerId);
          return (
            <List.Item data-testid="duplicate-match" extra={m.kind === object && can('dedup', 'update') && (
              <Link to={`/merge/${object}/${id}/${m.id}`}><Button size="small" data-testid={`duplicate-merge-${m.id}`}>{t('dedup.merge.open')}</Button></Link>
            )}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <Tag>{t(`dedup.objects.${m.kind}`)}</Tag>
                  {to ? <Link to={to}>{m.name}</Link> : <Typography.Text>{m.name}</Typography.Text>}
                  <Tag color={m.action === 'block' ? 'red' : m.score >= 90 ? 'volcano' : 'orange'}>{t('dedup.matches.score')} {m.score}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {m.reasons.map((r) => t(`dedup.fields.${r}`)).join(' · ')}
                  {m.customerName && m.kind !== 'customer' && <> · {t('dedup.matches.customer')}: {m.customerName}</>}
                  {' · '}{t('dedup.matches.owner')}: {m.owner?.name ?? '—'}
                </Typography.Text>
              </Flex>
            </List.Item>
          );
        }} />
      )}
    </Card>
  );
}
