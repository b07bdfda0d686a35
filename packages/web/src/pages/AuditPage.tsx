// Audit log query (admins, managers, finance, executives): who changed what, when.
import { Alert, AutoComplete, Button, Card, Col, DatePicker, Flex, Result, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLog } from '../api/audit';
import type { AuditEntry, AuditFilters } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { AuditChanges, actionLabel, entityTypeLabel } from '../components/AuditChanges';
import { LoadMore } from '../components/LoadMore';
import { UserSelect } from '../components/UserSelect';
import { useFormat } from '../i18n/format';
import { refMap, RefLabel } from '../lib/auditLabels';
import { errorText } from '../lib/errors';
import { useUrlFilters } from '../lib/url';

const KEYS = ['entityType', 'entityId', 'actorId', 'from', 'to'] as const;
const ENTITY_TYPES = ['customer', 'contact', 'followup', 'contract', 'receivable', 'payment', 'write_off', 'credit_profile', 'user', 'team', 'api_token'];

export default function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const query: AuditFilters = filters;
  const allowed = can('audit', 'read');

  const list = useAuditLog(query, { enabled: allowed });
  if (!allowed) return <Result status="403" title={t('audit.noAccess')} />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const refs = refMap(list.data?.pages.flatMap((p) => p.refs ?? []));

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => fmt.instant(v) },
    { title: t('audit.actor'), dataIndex: ['actor', 'name'], width: 120, render: (_: unknown, e) => e.actor?.name ?? t('audit.system') },
    { title: t('audit.action'), dataIndex: 'action', width: 120, render: (a: string) => <Tag color="blue">{actionLabel(t, a)}</Tag> },
    {
      title: t('audit.entity'), key: 'entity', width: 180,
      render: (_: unknown, e) => (
        <span>
          {entityTypeLabel(t, e.entityType)}{' '}
          {refs.has(e.entityId)
            ? <RefLabel refId={e.entityId} refs={refs} />
            : <Typography.Text type="secondary" copyable={{ text: e.entityId }}>{e.entityId.slice(0, 8)}</Typography.Text>}
        </span>
      ),
    },
    { title: t('audit.changes'), key: 'changes', width: 420, render: (_: unknown, e) => <AuditChanges entry={e} refs={refs} /> },
  ];

  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;
  const col = { xs: 24, sm: 12, lg: 6 };

  return (
    <Card>
      <Flex vertical gap={16}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('audit.title')}</Typography.Title>
        <Row gutter={[8, 8]}>
          <Col {...col}>
            <AutoComplete
              allowClear
              style={{ width: '100%' }}
              placeholder={t('audit.entityType')}
              value={filters.entityType}
              options={ENTITY_TYPES.map((v) => ({ value: v, label: `${entityTypeLabel(t, v)} (${v})` }))}
              onChange={(v?: string) => setFilters({ entityType: v?.trim() || null, entityId: null })}
              data-testid="audit-filter-type"
            />
          </Col>
          <Col {...col}>
            <UserSelect style={{ width: '100%' }} placeholder={t('audit.actorFilter')} value={filters.actorId}
              onChange={(v) => setFilters({ actorId: v ?? null })} />
          </Col>
          <Col xs={24} lg={9}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              value={range}
              onChange={(v) => setFilters({
                from: v?.[0] ? v[0].toISOString() : null,
                to: v?.[1] ? v[1].toISOString() : null,
              })}
            />
          </Col>
          <Col xs={24} lg={3}>
            <Button onClick={() => setFilters({ entityType: null, entityId: null, actorId: null, from: null, to: null })}>
              {t('common.reset')}
            </Button>
          </Col>
        </Row>
        {filters.entityId && (
          <Tag closable onClose={() => setFilters({ entityId: null })}>
            {entityTypeLabel(t, filters.entityType ?? '')} {filters.entityId}
          </Tag>
        )}
        {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('audit.empty') }}
          onRow={() => ({ 'data-testid': 'audit-entry' }) as HTMLAttributes<HTMLElement>}
          footer={() => (
            <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
          )}
        />
      </Flex>
    </Card>
  );
}
