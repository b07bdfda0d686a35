// Home by role: the money figures a person checks first (rep: due this week and overdue; manager: the team's
// collection rate 回款率 and overdue by rep; finance: payments to confirm, unapplied cash, bad-debt requests, DSO;
// executive: contracted, invoiced and collected vs last year) and a to-do list whose items open their records.
import { Alert, Card, Col, Empty, Flex, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHome, type Home, type Period } from '../api/home';
import { useAuth } from '../auth/useAuth';
import { useFormat } from '../i18n/format';
import { errorText } from '../lib/errors';
import { roleLabel } from '../lib/labels';

const TODO_COLORS: Record<string, string> = {
  overdue_receivable: 'red', due_receivable: 'orange', contract_in_approval: 'blue', follow_up: 'cyan',
  payment_to_confirm: 'gold', unapplied_payment: 'purple', bad_debt_request: 'magenta',
};

function Figure({ title, value, hint, to, testId, danger }: { title: string; value: string; hint?: string; to?: string; testId: string; danger?: boolean }) {
  const body = (
    <Card size="small" hoverable={!!to}>
      <Statistic title={title} value={value} valueStyle={danger ? { color: '#cf1322' } : undefined} />
      {hint && <Typography.Text type="secondary" data-testid={`${testId}-hint`}>{hint}</Typography.Text>}
      <span hidden data-testid={testId}>{value}</span>
    </Card>
  );
  return <Col xs={24} sm={12} lg={6}>{to ? <Link to={to}>{body}</Link> : body}</Col>;
}

function change(now: string, before: string): string | undefined {
  const b = Number(before);
  if (!b) return undefined;
  const pct = ((Number(now) - b) / b) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

function Figures({ home }: { home: Home }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = (v: string) => fmt.money(v, home.currency);
  const period = (label: string, now: Period, before: Period, key: keyof Period) => {
    const delta = change(now[key], before[key]);
    return <Figure key={`${label}-${key}`} testId={`home-${label}-${key}`} title={t(`homeBoard.${key}`, { period: t(`homeBoard.${label}`) })} value={money(now[key])}
      hint={t('homeBoard.lastYear', { amount: money(before[key]) }) + (delta ? ` (${delta})` : '')} />;
  };
  return (
    <Row gutter={[16, 16]}>
      {home.sales && (
        <>
          <Figure testId="home-due-week" title={t('homeBoard.dueThisWeek')} value={money(home.sales.dueThisWeek.amount)} hint={t('homeBoard.items', { count: home.sales.dueThisWeek.count })} to="/receivables" />
          <Figure testId="home-overdue" title={t('homeBoard.overdue')} value={money(home.sales.overdue.amount)} hint={t('homeBoard.items', { count: home.sales.overdue.count })} to="/aging" danger={home.sales.overdue.count > 0} />
          <Figure testId="home-in-approval" title={t('homeBoard.contractsInApproval')} value={String(home.sales.contractsInApproval)} to="/contracts" />
          <Figure testId="home-follow-ups" title={t('homeBoard.followUpsDue')} value={String(home.sales.followUpsDue)} to="/customers" />
        </>
      )}
      {home.team && (
        <Figure testId="home-collection-rate" title={t('homeBoard.collectionRate')} value={home.team.collectionRate === null ? '—' : `${home.team.collectionRate}%`}
          hint={t('homeBoard.collectedOfDue', { collected: money(home.team.collectedOfDueThisMonth), due: money(home.team.dueThisMonth) })} to="/aging" />
      )}
      {home.finance && (
        <>
          <Figure testId="home-to-confirm" title={t('homeBoard.paymentsToConfirm')} value={money(home.finance.paymentsToConfirm.amount)} hint={t('homeBoard.items', { count: home.finance.paymentsToConfirm.count })} to="/payments" />
          <Figure testId="home-unapplied" title={t('homeBoard.unapplied')} value={money(home.finance.unapplied.amount)} hint={t('homeBoard.items', { count: home.finance.unapplied.count })} to="/write-off" />
          <Figure testId="home-bad-debt" title={t('homeBoard.badDebtRequests')} value={money(home.finance.badDebtRequests.amount)} hint={t('homeBoard.items', { count: home.finance.badDebtRequests.count })} to="/approvals" />
          <Figure testId="home-dso" title={t('homeBoard.dso')} value={home.finance.dsoDays === null ? '—' : t('homeBoard.days', { days: home.finance.dsoDays })} hint={t('homeBoard.arOpen', { amount: money(home.finance.arOpen) })} to="/aging" />
        </>
      )}
      {home.executive && (['contracted', 'invoiced', 'collected'] as const).flatMap((k) => [
        period('month', home.executive!.month, home.executive!.monthLastYear, k),
        period('year', home.executive!.year, home.executive!.yearLastYear, k),
      ])}
    </Row>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user, scope } = useAuth();
  const home = useHome();
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-welcome">{t('home.welcome', { name: user?.name ?? '' })}</Typography.Title>
        <Typography.Text type="secondary">
          {t('home.subtitle', { tenant: user?.tenantName ?? '', role: roleLabel(t, user?.role), scope: scope ? t(`scope.${scope}`) : '' })}
        </Typography.Text>
      </Card>
      {home.isPending && <Skeleton active />}
      {home.isError && <Alert type="error" showIcon title={errorText(t, home.error)} />}
      {home.data && <Figures home={home.data} />}
      {home.data?.team && home.data.team.overdueByOwner.length > 0 && (
        <Card size="small" title={t('homeBoard.overdueByRep')}>
          <List size="small" dataSource={home.data.team.overdueByOwner} data-testid="home-overdue-by-rep"
            renderItem={(r) => (
              <List.Item key={r.ownerId ?? '-'} extra={<Typography.Text strong>{fmt.money(r.amount, home.data!.currency)}</Typography.Text>}>
                {r.ownerName ?? '—'} <Typography.Text type="secondary">· {t('homeBoard.items', { count: r.count })}</Typography.Text>
              </List.Item>
            )} />
        </Card>
      )}
      {home.data && (
        <Card size="small" title={t('homeBoard.todo')}>
          {home.data.todo.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homeBoard.nothingToDo')} /> : (
            <List
              size="small" dataSource={home.data.todo} data-testid="home-todo"
              renderItem={(x) => (
                <List.Item key={`${x.kind}-${x.id}`} extra={x.amount ? <Typography.Text strong>{fmt.money(x.amount, home.data!.currency)}</Typography.Text> : null}>
                  <Link to={x.link} data-testid={`todo-${x.kind}`} data-number={x.number ?? undefined}>
                    <Tag color={TODO_COLORS[x.kind]}>{t(`homeBoard.kinds.${x.kind}`)}</Tag>
                    {x.number ? `${x.number} · ` : ''}{x.title}
                    {x.date && <Typography.Text type="secondary"> · {fmt.date(x.date)}</Typography.Text>}
                  </Link>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </Flex>
  );
}
