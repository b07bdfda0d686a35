// A customer's write-offs 核销记录, newest first: what paid what, and a reverse 反核销 button (with a reason) on those
// that can still be reversed. A reversal is a new record; nothing is deleted.
import { Alert, App, Button, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerWriteOffs, useReverseWriteOffMutation } from '../../api/write-offs';
import type { WriteOff } from '../../api/types';
import { useAuth } from '../../auth/useAuth';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { newIdempotencyKey } from '../../lib/idempotency';
import { enumLabel } from '../../lib/labels';
import { LoadMore } from '../LoadMore';
import { Money } from '../cash/Money';
import { ReasonModal } from '../cash/ReasonModal';
import { StatusTag } from '../cash/StatusTag';

export function WriteOffHistory({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [reversing, setReversing] = useState<{ w: WriteOff; key: string } | null>(null);
  const list = useCustomerWriteOffs(customerId);
  // the reason dialog shows a failure itself
  const reverse = useReverseWriteOffMutation({ silent: true });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canReverse = can('write_offs', 'reverse');

  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <Table<WriteOff>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('writeOff.noHistory') }}
        onRow={(w) => ({ 'data-testid': 'writeoff-row', 'data-id': w.id }) as HTMLAttributes<HTMLElement>}
        footer={() => <LoadMore count={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />}
        columns={[
          { title: t('writeOff.number'), dataIndex: 'number' },
          {
            title: t('receivable.fields.kind'), dataIndex: 'kind',
            render: (v: string, w) => <span><StatusTag kind="writeOffKind" value={v} />{w.reversedById && <Tag style={{ marginInlineStart: 4 }}>{t('writeOff.reversedBy')}</Tag>}</span>,
          },
          { title: t('writeOff.appliedOn'), dataIndex: 'appliedOn', render: (v: string) => fmt.date(v) },
          { title: t('writeOff.total'), dataIndex: 'total', align: 'right', render: (v: string) => <Money amount={v} strong /> },
          {
            title: t('writeOff.lines'),
            render: (_v, w) => (
              <div style={{ maxWidth: 360 }}>
                {w.allocations.map((a) => (
                  <div key={a.id}>
                    <Typography.Text style={{ fontSize: 12 }}>
                      {a.receivableNumber} ← {enumLabel(t, 'sourceType', a.sourceType)} {a.paymentNumber ?? a.creditNoteNumber ?? ''} · {fmt.money(a.amount)}
                    </Typography.Text>
                  </div>
                ))}
              </div>
            ),
          },
          { title: t('writeOff.memo'), dataIndex: 'memo', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('payment.fields.registeredBy'), render: (_v, w) => w.createdBy?.name ?? '—' },
          {
            title: t('common.actions'), fixed: 'right',
            render: (_v, w) => (canReverse && w.kind !== 'reverse' && !w.reversedById ? (
              <Button size="small" danger onClick={() => setReversing({ w, key: newIdempotencyKey() })} data-testid="writeoff-reverse">{t('writeOff.reverse')}</Button>
            ) : null),
          },
        ]}
      />
      <ReasonModal
        open={!!reversing}
        title={`${t('writeOff.reverseTitle')} · ${reversing?.w.number ?? ''}`}
        label={t('writeOff.reverseReason')}
        hint={t('writeOff.reverseHint')}
        danger
        testId="writeoff-reverse"
        onClose={() => setReversing(null)}
        onSubmit={async (reason) => {
          if (!reversing) return;
          await reverse.mutateAsync({ id: reversing.w.id, reason, key: reversing.key });
          void message.success(t('writeOff.reversed'));
        }}
      />
    </>
  );
}
