// Dunning 催收: the collector's worklist first, then tasks, promises, the outbox, the history, policies, effectiveness
// and the customers finance should apply cash for. Finance and admins can run the dunning now (or as of a day).
import { App, Button, Card, DatePicker, Flex, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useRunDunningMutation } from '../../api/dunning';
import { useAuth } from '../../auth/useAuth';
import { toYmd, type today } from '../../lib/dates';
import { CoveredTab, EffectivenessTab, HistoryTab, OutboxTab, PromisesTab, TasksTab } from './ListsTabs';
import { PoliciesTab } from './PoliciesTab';
import { WorklistTab } from './WorklistTab';

export default function DunningPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'worklist';
  const [asOf, setAsOf] = useState<ReturnType<typeof today> | null>(null);
  const run = useRunDunningMutation();
  const canManage = can('dunning', 'update');
  const canRecord = can('dunning', 'create');
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('dunning.title')}</Typography.Title>
          {canManage && (
            <Space>
              <DatePicker value={asOf} onChange={setAsOf} placeholder={t('dunning.run.asOf')} data-testid="dunning-asof" />
              <Button type="primary" loading={run.isPending} data-testid="dunning-run"
                onClick={() => run.mutate(toYmd(asOf), { onSuccess: (r) => void message.success(t('dunning.run.done', { steps: r.steps, mail: r.mailSent })) })}>
                {t('dunning.run.button')}
              </Button>
            </Space>
          )}
        </Flex>
      </Card>
      <Card>
        <Tabs activeKey={tab} destroyOnHidden
          onChange={(key) => setParams((prev) => { const next = new URLSearchParams(prev); next.set('tab', key); return next; }, { replace: true })}
          items={[
            { key: 'worklist', label: <span data-testid="dunning-tab-worklist">{t('dunning.tabs.worklist')}</span>, children: <WorklistTab canRecord={canRecord} /> },
            { key: 'tasks', label: <span data-testid="dunning-tab-tasks">{t('dunning.tabs.tasks')}</span>, children: <TasksTab /> },
            { key: 'promises', label: <span data-testid="dunning-tab-promises">{t('dunning.tabs.promises')}</span>, children: <PromisesTab /> },
            { key: 'outbox', label: <span data-testid="dunning-tab-outbox">{t('dunning.tabs.outbox')}</span>, children: <OutboxTab canSend={canManage} /> },
            { key: 'history', label: <span data-testid="dunning-tab-history">{t('dunning.tabs.history')}</span>, children: <HistoryTab /> },
            { key: 'covered', label: <span data-testid="dunning-tab-covered">{t('dunning.tabs.covered')}</span>, children: <CoveredTab /> },
            { key: 'effectiveness', label: <span data-testid="dunning-tab-effectiveness">{t('dunning.tabs.effectiveness')}</span>, children: <EffectivenessTab /> },
            { key: 'policies', label: <span data-testid="dunning-tab-policies">{t('dunning.tabs.policies')}</span>, children: <PoliciesTab canManage={canManage} /> },
          ]} />
      </Card>
    </Flex>
  );
}
