// Shown when creating a customer hits the duplicate check (409 customers.duplicate).
import { Button, List, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../api/types';

interface Props {
  candidates: DuplicateCandidate[] | null;
  onCancel: () => void;
  onCreateAnyway: () => void;
  creating: boolean;
}

export function DuplicateModal({ candidates, onCancel, onCreateAnyway, creating }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={candidates !== null}
      title={t('customer.dup.title')}
      onCancel={onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel}>{t('common.cancel')}</Button>,
        <Button key="create" type="primary" danger loading={creating} onClick={onCreateAnyway} data-testid="customer-create-anyway">
          {t('customer.dup.createAnyway')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('customer.dup.intro')}</Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={candidates ?? []}
        rowKey="id"
        renderItem={(c) => (
          <List.Item data-testid="duplicate-candidate">
            <List.Item.Meta
              title={<Link to={`/customers/${c.id}`} target="_blank" rel="noopener">{c.name}</Link>}
              description={
                <span>
                  {c.number}
                  {c.creditCode && <> · {c.creditCode}</>}
                  {' · '}{t('customer.fields.owner')}: {c.owner?.name ?? t('customer.list.noOwner')}
                </span>
              }
            />
            <Tag color={c.reason === 'credit_code' ? 'red' : 'orange'}>
              {t(`customer.dup.reason.${c.reason}`, { defaultValue: c.reason })}
            </Tag>
          </List.Item>
        )}
      />
    </Modal>
  );
}
