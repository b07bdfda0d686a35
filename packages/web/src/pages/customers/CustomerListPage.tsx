// Customer list: search, filters, sortable columns, cursor pagination, Excel export and import.
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCustomerList, useExportCustomersMutation } from '../../api/customers';
import type { CustomerFilters as Filters } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { CustomerFilters } from '../../components/CustomerFilters';
import { CustomerTable } from '../../components/CustomerTable';
import { ImportModal } from '../../components/ImportModal';
import { LoadMore } from '../../components/LoadMore';
import { errorText } from '../../lib/errors';
import { useUrlFilters } from '../../lib/url';

const FILTER_KEYS = ['q', 'industry', 'region', 'grade', 'source', 'ownerId', 'sort'] as const;
const DEFAULT_SORT = '-createdAt';

export default function CustomerListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [importOpen, setImportOpen] = useState(false);
  const query: Filters = { ...filters, sort: filters.sort ?? DEFAULT_SORT };

  const list = useCustomerList(query);
  const exportXlsx = useExportCustomersMutation();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const doExport = () => exportXlsx.mutate({ filters: query, lang: i18n.language === 'zh-CN' ? 'zh' : 'en' });

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('customer.list.title')}</Typography.Title>
          <Flex gap={8} wrap>
            {can('customers', 'import') && (
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="customer-import">
                {t('customer.list.import')}
              </Button>
            )}
            {can('customers', 'export') && (
              <Button icon={<DownloadOutlined />} loading={exportXlsx.isPending} onClick={doExport} data-testid="customer-export">
                {t('customer.list.export')}
              </Button>
            )}
            {can('customers', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/customers/new')} data-testid="customer-new">
                {t('customer.list.new')}
              </Button>
            )}
          </Flex>
        </Flex>
        <CustomerFilters value={query} onChange={setFilters} />
        {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
        <CustomerTable
          items={items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          sort={query.sort ?? DEFAULT_SORT}
          onSort={(sort) => setFilters({ sort: sort === DEFAULT_SORT ? null : sort })}
          footer={() => (
            <LoadMore
              count={items.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onMore={() => void list.fetchNextPage()}
            />
          )}
        />
      </Flex>
      <ImportModal open={importOpen} onClose={() => setImportOpen(false)} />
    </Card>
  );
}
