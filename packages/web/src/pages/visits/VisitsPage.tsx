// Visits 拜访: the plan of a period (this week by default), day by day; a planned visit is checked in on arrival and
// checked out with its record (the customer's follow-up and next step are written then). Distances are from the
// customer's location; a visit far from it shows the distance in orange.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCancelVisit, useVisitList, type Visit } from '../../api/visits';
import { useAuth } from '../../auth/useAuth';
import { LoadMore } from '../../components/LoadMore';
import { useFormat } from '../../i18n/format';
import { useUrlFilters } from '../../lib/url';
import { CheckInModal, CheckOutModal, PlanVisitModal } from './VisitDialogs';

const KEYS = ['from', 'to'] as const;
const COLORS = { planned: 'blue', checked_in: 'orange', completed: 'green', cancelled: 'default' } as const;
const FAR_M = 500;

export default function VisitsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can, user } = useAuth();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const from = filters.from ?? dayjs().startOf('week').format('YYYY-MM-DD');
  const to = filters.to ?? dayjs().startOf('week').add(13, 'day').format('YYYY-MM-DD');
  const list = useVisitList({ from, to });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [planning, setPlanning] = useState(false);
  const [checkingIn, setCheckingIn] = useState<Visit | null>(null);
  const [checkingOut, setCheckingOut] = useState<Visit | null>(null);
  const cancel = useCancelVisit();
  const mine = (v: Visit) => v.owner?.id === user?.id && can('visits', 'update');
  const place = (p: Visit['checkIn']) => p ? (
    <span>{fmt.instant(p.at)}{p.distanceM !== null && <Tag color={p.distanceM > FAR_M ? 'orange' : 'green'} style={{ marginLeft: 4 }}>{t('visit.distance', { m: p.distanceM })}</Tag>}</span>
  ) : '—';

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('visit.title')}</Typography.Title>
        <Space>
          <DatePicker.RangePicker value={[dayjs(from), dayjs(to)]} allowClear={false} onChange={(r) => r && setFilters({ from: r[0]!.format('YYYY-MM-DD'), to: r[1]!.format('YYYY-MM-DD') })} />
          {can('visits', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="visit-new">{t('visit.plan')}</Button>}
        </Space>
      </Flex>
      <Table rowKey="id" size="middle" pagination={false} loading={list.isLoading} dataSource={rows} data-testid="visit-table" scroll={{ x: 1100 }}
        expandable={{ rowExpandable: (v) => !!v.record, expandedRowRender: (v) => v.record && (
          <div>
            <p>{v.record.discussed}</p>
            {v.record.customerNeeds && <p>{t('visit.needs')}: {v.record.customerNeeds}</p>}
            {v.record.competitorInfo && <p>{t('visit.competitorInfo')}: {v.record.competitorInfo}</p>}
            {v.record.nextSteps && <p>{t('visit.nextSteps')}: {v.record.nextSteps}</p>}
          </div>
        ) }}
        columns={[
          { title: t('visit.plannedOn'), render: (_: unknown, v: Visit) => fmt.date(v.plannedOn) },
          { title: t('visit.customer'), render: (_: unknown, v: Visit) => <Link to={`/customers/${v.customer.id}`}>{v.customer.name}</Link> },
          { title: t('visit.contact'), render: (_: unknown, v: Visit) => v.contact?.name ?? '—' },
          { title: t('visit.purpose'), dataIndex: 'purpose' },
          { title: t('visit.status'), render: (_: unknown, v: Visit) => <Tag color={COLORS[v.status]}>{t(`visit.statuses.${v.status}`)}</Tag> },
          { title: t('visit.checkIn'), render: (_: unknown, v: Visit) => place(v.checkIn) },
          { title: t('visit.checkOut'), render: (_: unknown, v: Visit) => <span>{place(v.checkOut)}{v.durationMinutes !== null && ` · ${t('visit.duration', { min: v.durationMinutes })}`}</span> },
          { title: '', render: (_: unknown, v: Visit) => (
            <Space>
              {v.status === 'planned' && mine(v) && <Button size="small" type="primary" onClick={() => setCheckingIn(v)} data-testid={`visit-checkin-${v.id}`}>{t('visit.checkIn')}</Button>}
              {v.status === 'checked_in' && mine(v) && <Button size="small" type="primary" onClick={() => setCheckingOut(v)} data-testid={`visit-checkout-${v.id}`}>{t('visit.checkOut')}</Button>}
              {(v.status === 'planned' || v.status === 'checked_in') && can('visits', 'update') && <Button size="small" onClick={() => cancel.mutate({ id: v.id, version: v.version })}>{t('visit.cancel')}</Button>}
            </Space>
          ) },
        ]} />
      <div style={{ marginTop: 12 }}>
        <LoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </div>
      <PlanVisitModal open={planning} onClose={() => setPlanning(false)} />
      {checkingIn && <CheckInModal visit={checkingIn} onClose={() => setCheckingIn(null)} />}
      {checkingOut && <CheckOutModal visit={checkingOut} onClose={() => setCheckingOut(null)} />}
    </Card>
  );
}
