// The customer table used by the list: sortable columns mapped to the API's sort values.
import { Table, Tag, type TableColumnsType, type TableProps } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer } from '../api/types';
import { useFormat } from '../i18n/format';
import { enumLabel } from '../lib/labels';

const SORTABLE = ['name', 'number', 'createdAt', 'lastFollowUpAt'] as const;

interface Props {
  items: Customer[];
  loading: boolean;
  sort: string;
  onSort: (sort: string | null) => void;
  footer?: () => ReactNode;
  extraColumns?: TableColumnsType<Customer>;
}

export function CustomerTable({ items, loading, sort, onSort, footer, extraColumns = [] }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sortField = sort.replace(/^-/, '');
  const order = (key: string): SortOrder => (sortField === key ? (sort.startsWith('-') ? 'descend' : 'ascend') : null);
  const sortable = (key: (typeof SORTABLE)[number]) => ({ key, sorter: true, sortOrder: order(key), sortDirections: ['ascend', 'descend'] as SortOrder[] });

  const columns: TableColumnsType<Customer> = [
    { title: t('customer.fields.number'), dataIndex: 'number', width: 150, ...sortable('number') },
    {
      title: t('customer.fields.name'), dataIndex: 'name', ...sortable('name'),
      render: (name: string, c) => (
        <span>
          <Link to={`/customers/${c.id}`} data-testid="customer-link">{name}</Link>
          {c.inPool && <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('customer.detail.inPool')}</Tag>}
        </span>
      ),
    },
    { title: t('customer.fields.industry'), dataIndex: 'industry', render: (v: string | null) => enumLabel(t, 'industry', v) },
    { title: t('customer.fields.region'), dataIndex: 'region', render: (v: string | null) => v ?? '—' },
    { title: t('customer.fields.grade'), dataIndex: 'grade', width: 90, render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—') },
    { title: t('customer.fields.owner'), dataIndex: ['owner', 'name'], render: (_: unknown, c) => c.owner?.name ?? '—' },
    { title: t('customer.fields.lastFollowUpAt'), dataIndex: 'lastFollowUpAt', ...sortable('lastFollowUpAt'), render: (v: string | null) => fmt.instant(v) },
    { title: t('customer.fields.createdAt'), dataIndex: 'createdAt', ...sortable('createdAt'), render: (v: string) => fmt.instant(v) },
    ...extraColumns,
  ];

  const onChange: TableProps<Customer>['onChange'] = (_p, _f, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Customer> | undefined;
    if (!s?.order || !s.columnKey) onSort(null);
    else onSort(`${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}`);
  };

  return (
    <Table<Customer>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onChange={onChange}
      onRow={() => ({ 'data-testid': 'customer-row' }) as HTMLAttributes<HTMLElement>}
      footer={footer}
      showSorterTooltip={false}
    />
  );
}
