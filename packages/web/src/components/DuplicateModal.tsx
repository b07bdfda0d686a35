// Shown when creating a customer hits the duplicate check (409 customers.duplicate).
import { Button, Card, Flex, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../api/types';

interface Props {
  candidates: DuplicateCandidate[] | null;
  onCancel: () => void;
  onCreateAnyway: () => void;
  creating: boolean;
  /** The credit code is taken: creating anyway is not possible, only looking at the existing customer. */
  blocked?: boolean;
}

export function DuplicateModal({ candidates, onCancel, onCreateAnyway, creating, blocked = false }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={candidates !== null}
      title={blocked ? t('customer.dup.blockedTitle') : t('customer.dup.title')}
      onCancel={onCancel}
      footer={blocked ? [<Button key="close" type="primary" onClick={onCancel}>{t('common.close')}</Button>] : [
        <Button key="cancel" onClick={onCancel}>{t('common.cancel')}</Button>,
        <Button key="create" type="primary" danger loading={creating} onClick={onCreateAnyway} data-testid="customer-create-anyway">
          {t('customer.dup.createAnyway')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{blocked ? t('customer.dup.blockedIntro') : t('customer.dup.intro')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        {(candidates ?? []).map((c) => (
          <Card size="small" key={c.id} data-testid="duplicate-candidate">
            <Flex justify="space-between" align="start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Link to={`/customers/${c.id}`} target="_blank" rel="noopener"><Typography.Text strong>{c.name}</Typography.Text></Link>
                <div>
                  <Typography.Text type="secondary">
                    {c.number}
                    {c.creditCode && <> · {c.creditCode}</>}
                    {' · '}{t('customer.fields.owner')}: {c.owner?.name ?? t('customer.list.noOwner')}
                  </Typography.Text>
                </div>
              </div>
              <Tag color={c.reason === 'credit_code' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
                {t(`customer.dup.reason.${c.reason}`, { defaultValue: c.reason })}
              </Tag>
            </Flex>
          </Card>
        ))}
      </Flex>
    </Modal>
  );
}
