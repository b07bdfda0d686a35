// Filters above the receivables list: search, customer, status, overdue only, due-date range, owner.
import { FilterOutlined } from '@ant-design/icons';
import { RECEIVABLE_STATUSES } from '@l2c/shared';
import { Badge, Button, Checkbox, Col, DatePicker, Grid, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivableFilters as Filters } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { fromYmd, toYmd } from '../../lib/dates';
import { enumOptions } from '../../lib/labels';
import { CustomerSelect } from '../CustomerSelect';
import { SearchBox } from '../SearchBox';
import { UserSelect } from '../UserSelect';

type Patch = Partial<Record<keyof Filters | 'q', string | null>>;

export function ReceivableFilters({ value, onChange }: { value: Filters & { q?: string }; onChange: (patch: Patch) => void }) {
  const { t } = useTranslation();
  const { can, scope } = useAuth();
  const compact = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const active = [value.customerId, value.status, value.overdue, value.dueFrom, value.ownerId, value.kind].filter(Boolean).length;
  const col = { xs: 24, sm: 12, md: 8, lg: 6 };
  const r = (k: string) => t(`receivable.fields.${k}`);
  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} md={16} lg={8}>
        <SearchBox value={value.q} onSearch={(q) => onChange({ q })} placeholder={t('receivable.list.searchPlaceholder')} testId="receivable-search" />
      </Col>
      {compact && (
        <Col xs={24}>
          <Badge count={active} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} data-testid="receivable-filters-toggle">{t('common.filters')}</Button>
          </Badge>
        </Col>
      )}
      {(!compact || open) && (
        <>
          <Col {...col}>
            <CustomerSelect style={{ width: '100%' }} value={value.customerId ?? null} onChange={(v) => onChange({ customerId: v })} placeholder={r('customer')} />
          </Col>
          <Col {...col}>
            {/* several statuses at once (open + partially paid = everything still owed); the URL keeps them comma-separated */}
            <Select mode="multiple" allowClear maxTagCount="responsive" style={{ width: '100%' }} placeholder={r('status')}
              value={value.status ? value.status.split(',') : []}
              onChange={(v: string[]) => onChange({ status: v.length > 0 ? v.join(',') : null })}
              options={enumOptions(t, 'receivableStatus', RECEIVABLE_STATUSES)} data-testid="receivable-filter-status" />
          </Col>
          <Col {...col}>
            <Select allowClear style={{ width: '100%' }} placeholder={r('kind')} value={value.kind}
              onChange={(v?: string) => onChange({ kind: v ?? null })} options={enumOptions(t, 'receivableKind', ['invoice', 'credit_note'])} />
          </Col>
          <Col {...col}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              placeholder={[r('dueDate'), r('dueDate')]}
              value={[fromYmd(value.dueFrom), fromYmd(value.dueTo)]}
              onChange={(v) => onChange({ dueFrom: toYmd(v?.[0]) ?? null, dueTo: toYmd(v?.[1]) ?? null })}
              allowEmpty={[true, true]}
              data-testid="receivable-filter-due"
            />
          </Col>
          {can('users', 'read') && scope !== 'own' && (
            <Col {...col}>
              <UserSelect style={{ width: '100%' }} placeholder={r('owner')} value={value.ownerId} onChange={(v) => onChange({ ownerId: v ?? null })} />
            </Col>
          )}
          <Col {...col} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <Checkbox checked={value.overdue === 'true'} onChange={(e) => onChange({ overdue: e.target.checked ? 'true' : null })} data-testid="receivable-filter-overdue">
              {t('receivable.filters.overdue')}
            </Checkbox>
            <Button onClick={() => onChange({ q: null, customerId: null, status: null, kind: null, overdue: null, dueFrom: null, dueTo: null, ownerId: null })}>
              {t('common.reset')}
            </Button>
          </Col>
        </>
      )}
    </Row>
  );
}
