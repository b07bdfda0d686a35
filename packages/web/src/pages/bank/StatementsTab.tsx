// The imported statements with their balance check; one that does not reconcile is held until finance accepts or
// rejects it (with a note).
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useBankStatements, useDecideBankStatement, type BankStatement } from '../../api/bank-statements';
import { LoadMore } from '../../components/LoadMore';
import { ReasonModal } from '../../components/cash/ReasonModal';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { BankAmount } from './parts';

const COLORS: Record<string, 'success' | 'danger' | 'secondary' | 'warning'> = { balanced: 'success', unbalanced: 'danger', accepted: 'warning', rejected: 'secondary' };

export function StatementsTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useBankStatements();
  const decide = useDecideBankStatement({ silent: true });
  const [deciding, setDeciding] = useState<{ statement: BankStatement; decision: 'accept' | 'reject' } | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (k: string) => t(`bank.fields.${k}`);
  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<BankStatement> rowKey="id" size="middle" dataSource={items} pagination={false} loading={list.isPending} scroll={{ x: 'max-content' }}
        onRow={(s) => ({ 'data-testid': 'bank-statement-row', 'data-status': s.status }) as HTMLAttributes<HTMLElement>}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
        columns={[
          { title: f('file'), render: (_v, s) => <Flex vertical><span>{s.fileName}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.reference ?? ''} {s.number ?? ''}</Typography.Text></Flex> },
          { title: f('account'), dataIndex: 'account' },
          { title: f('bookedOn'), render: (_v, s) => `${fmt.date(s.openingDate)} – ${fmt.date(s.closingDate)}` },
          { title: f('opening'), align: 'right', render: (_v, s) => <BankAmount amount={s.openingBalance} currency={s.currency} /> },
          { title: f('credits'), align: 'right', render: (_v, s) => <BankAmount amount={s.credits} currency={s.currency} /> },
          { title: f('debits'), align: 'right', render: (_v, s) => <BankAmount amount={s.debits} currency={s.currency} /> },
          { title: f('closing'), align: 'right', render: (_v, s) => <BankAmount amount={s.closingBalance} currency={s.currency} strong /> },
          { title: f('lines'), dataIndex: 'lineCount', align: 'right' },
          {
            title: f('status'), render: (_v, s) => (
              <Flex vertical gap={2} style={{ maxWidth: 360 }}>
                <Typography.Text type={COLORS[s.status]} strong data-testid="bank-statement-status">{t(`bank.statementStatus.${s.status}`)}</Typography.Text>
                {s.problem && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.problem}</Typography.Text>}
                {s.decisionNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('bank.decided')}: {s.decisionNote} · {s.decidedBy?.name}</Typography.Text>}
              </Flex>
            ),
          },
          {
            title: t('common.actions'), fixed: 'right', render: (_v, s) => s.status === 'unbalanced' && (
              <Flex gap={4}>
                <Button size="small" type="primary" onClick={() => setDeciding({ statement: s, decision: 'accept' })} data-testid="bank-statement-accept">{t('bank.actions.accept')}</Button>
                <Button size="small" danger onClick={() => setDeciding({ statement: s, decision: 'reject' })}>{t('bank.actions.refuse')}</Button>
              </Flex>
            ),
          },
        ]}
      />
      <ReasonModal open={!!deciding} title={t('bank.decideTitle')} label={t('bank.decideNote')} hint={t('bank.decideHint')} danger={deciding?.decision === 'reject'}
        okText={deciding ? t(deciding.decision === 'accept' ? 'bank.actions.accept' : 'bank.actions.refuse') : undefined} testId="bank-decide"
        onClose={() => setDeciding(null)}
        onSubmit={async (note) => { if (deciding) await decide.mutateAsync({ ...deciding, note }); }} />
    </>
  );
}
