// The lead pool 线索池: leads without an owner, claimed by reps within the customer pool's daily cap; the recycle rule
// (days without a touch) for those who manage assignment.
import { Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClaimLead, useLeadPool, useLeadSettings, useSaveLeadSettings } from '../../api/leads';
import { useAuth } from '../../auth/useAuth';
import { LoadMore } from '../../components/LoadMore';
import { useAppApi } from '../../lib/appApi';
import { LeadTable } from './LeadTable';

export default function LeadPoolPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = useAppApi();
  const pool = useLeadPool({});
  const claim = useClaimLead();
  const manage = can('leads', 'assign');
  const settings = useLeadSettings(manage);
  const save = useSaveLeadSettings();
  const rows = pool.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('lead.poolTitle')}</Typography.Title>
        {manage && settings.data && (
          <Form layout="inline" initialValues={settings.data} onFinish={(v: { recycleDays: number }) => save.mutate(v, { onSuccess: () => void message.success(t('lead.pool.saved')) })}>
            <Form.Item name="recycleDays" label={t('lead.pool.recycleDays')}><InputNumber min={1} max={365} style={{ width: 80 }} /></Form.Item>
            <Button htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
          </Form>
        )}
      </Flex>
      <LeadTable rows={rows} loading={pool.isLoading} action={can('leads', 'claim') ? (lead) => (
        <Button size="small" loading={claim.isPending && claim.variables === lead.id} data-testid="lead-claim"
          onClick={() => claim.mutate(lead.id, { onSuccess: () => void message.success(t('lead.actions.claimed')) })}>{t('lead.actions.claim')}</Button>
      ) : undefined} />
      <div style={{ marginTop: 12 }}>
        <LoadMore count={rows.length} hasMore={!!pool.hasNextPage} loading={pool.isFetchingNextPage} onMore={() => void pool.fetchNextPage()} />
      </div>
    </Card>
  );
}
