// Search box and filter selects above the customer list.
import { CUSTOMER_GRADES, CUSTOMER_SOURCES, INDUSTRIES } from '@l2c/shared';
import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Col, Grid, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilters as Filters } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { enumOptions } from '../lib/labels';
import { SearchBox } from './SearchBox';
import { UserSelect } from './UserSelect';

interface Props {
  value: Filters;
  onChange: (patch: Partial<Record<keyof Filters, string | null>>) => void;
}

export function CustomerFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { can, scope } = useAuth();
  const [region, setRegion] = useState(value.region ?? '');
  useEffect(() => setRegion(value.region ?? ''), [value.region]);
  const col = { xs: 24, sm: 12, md: 8, lg: 6, xl: 4 };
  // On phones the filter selects fold away behind a button, so the list stays in view.
  const compact = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const active = [value.industry, value.grade, value.source, value.region, value.ownerId].filter(Boolean).length;
  const show = !compact || open;

  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} md={16} lg={12} xl={8}>
        <SearchBox
          value={value.q}
          onSearch={(q) => onChange({ q })}
          placeholder={t('customer.list.searchPlaceholder')}
          testId="customer-search"
        />
      </Col>
      {compact && (
        <Col xs={24}>
          <Badge count={active} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} data-testid="customer-filters-toggle">
              {t('common.filters')}
            </Button>
          </Badge>
        </Col>
      )}
      {show && (
        <>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('customer.fields.industry')}
              value={value.industry}
              onChange={(v?: string) => onChange({ industry: v ?? null })}
              options={enumOptions(t, 'industry', INDUSTRIES)}
              data-testid="customer-filter-industry"
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('customer.fields.grade')}
              value={value.grade}
              onChange={(v?: string) => onChange({ grade: v ?? null })}
              options={enumOptions(t, 'grade', CUSTOMER_GRADES)}
              data-testid="customer-filter-grade"
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('customer.fields.source')}
              value={value.source}
              onChange={(v?: string) => onChange({ source: v ?? null })}
              options={enumOptions(t, 'source', CUSTOMER_SOURCES)}
              data-testid="customer-filter-source"
            />
          </Col>
          <Col {...col}>
            <Input
              allowClear
              placeholder={t('customer.list.regionPlaceholder')}
              value={region}
              onChange={(e) => {
                setRegion(e.target.value);
                if (!e.target.value) onChange({ region: null });
              }}
              onPressEnter={() => onChange({ region: region.trim() || null })}
              onBlur={() => onChange({ region: region.trim() || null })}
              data-testid="customer-filter-region"
            />
          </Col>
          {can('users', 'read') && scope !== 'own' && (
            <Col {...col}>
              <UserSelect
                style={{ width: '100%' }}
                placeholder={t('customer.fields.owner')}
                value={value.ownerId}
                onChange={(v) => onChange({ ownerId: v ?? null })}
              />
            </Col>
          )}
          <Col {...col}>
            <Button
              onClick={() => onChange({ q: null, industry: null, grade: null, source: null, region: null, ownerId: null })}
            >
              {t('common.reset')}
            </Button>
          </Col>
        </>
      )}
    </Row>
  );
}
