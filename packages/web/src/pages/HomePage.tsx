// Home by role: the money figures a person checks first (rep: due this week and overdue; manager: the team's
// collection rate 回款率 and overdue by rep; finance: payments to confirm, unapplied cash, bad-debt requests, DSO;
// executive: contracted, invoiced and collected vs last year, and the aging trend at each month end), the approvals
// waiting for the reader, and a to-do list whose items open their records.
// It is the first page after logging in, so it is built from plain markup and the shell's few antd components (no
// Card, List or Statistic: their chunks — tabs, select, pagination — weighed 45 kB gzipped on the first screen).
import { Col, Flex, Row, Tag } from 'antd';
import { lazy, Suspense, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApprovalInbox } from '../api/approvals';
import { useAgingTrend } from '../api/collections';
import { useHome, type Home, type Period } from '../api/home';
import { useAuth } from '../auth/useAuth';
import { useFormat } from '../i18n/format';
import { errorText } from '../lib/errors';
import { roleLabel } from '../lib/labels';

// The marketer's funnel (antd Card and Statistic) loads only for marketers, outside the first screen's closure.
const MarketingFunnel = lazy(() => import('./campaigns/MarketingFunnel').then((m) => ({ default: m.MarketingFunnel })));

// The seller's funnel and quarter forecast (antd Card and Statistic) loads only for reps and managers.
const SalesFunnel = lazy(() => import('./opportunities/SalesFunnel').then((m) => ({ default: m.SalesFunnel })));

const TODO_COLORS: Record<string, string> = {
  overdue_receivable: 'red', due_receivable: 'orange', contract_in_approval: 'blue', follow_up: 'cyan',
  payment_to_confirm: 'gold', unapplied_payment: 'purple', bad_debt_request: 'magenta',
};

const panel: CSSProperties = { background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 16px' };
const muted: CSSProperties = { color: 'rgba(0,0,0,0.45)' };
const danger: CSSProperties = { color: '#cf1322' };

function Panel({ title, children, testId }: { title?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section style={panel} data-testid={testId}>
      {title && <div style={{ fontWeight: 600, marginBottom: 8 }}>{title}</div>}
      {children}
    </section>
  );
}

function Figure({ title, value, hint, to, testId, danger }: { title: string; value: string; hint?: string; to?: string; testId: string; danger?: boolean }) {
  const body = (
    <div style={{ ...panel, height: '100%' }}>
      <div style={muted}>{title}</div>
      <div style={{ fontSize: 24, color: danger ? '#cf1322' : 'rgba(0,0,0,0.88)', fontVariantNumeric: 'tabular-nums' }}>{value}</div>
      {hint && <div style={muted} data-testid={`${testId}-hint`}>{hint}</div>}
      <span hidden data-testid={testId}>{value}</span>
    </div>
  );
  return <Col xs={24} sm={12} lg={6}>{to ? <Link to={to} style={{ color: 'inherit' }}>{body}</Link> : body}</Col>;
}

function Rows({ children, testId }: { children: ReactNode; testId?: string }) {
  return <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid={testId}>{children}</ul>;
}

function RowItem({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <li style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '8px 0', borderBottom: '1px solid #f5f5f5' }}>
      <span style={{ minWidth: 0 }}>{children}</span>
      {extra && <span style={{ whiteSpace: 'nowrap', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{extra}</span>}
    </li>
  );
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
          <Figure testId="home-to-confirm" title={t('homeBoard.paymentsToConfirm')} value={money(home.finance.paymentsToConfirm.amount)} hint={t('homeBoard.items', { count: home.finance.paymentsToConfirm.count })} to="/payments?status=claimed" />
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

function subjectPath(a: { subjectType: string; subjectId: string }): string {
  if (a.subjectType === 'contract') return `/contracts/${a.subjectId}`;
  if (a.subjectType === 'receivable') return `/receivables?id=${a.subjectId}`;
  return '/approvals';
}

/** The approvals waiting for the reader (the inbox the menu badge counts), oldest first, each linking to its record. */
function ApprovalsWaiting() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const inbox = useApprovalInbox(true);
  const items = [...(inbox.data?.items ?? [])].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
  if (inbox.isPending || inbox.isError) return null;
  return (
    <Panel testId="home-approvals" title={<Flex justify="space-between"><span>{t('homeMore.approvals')} · {items.length}</span><Link to="/approvals">{t('homeMore.approvalsAll')}</Link></Flex>}>
      {items.length === 0 ? <div style={muted}>{t('homeMore.approvalsEmpty')}</div> : (
        <Rows>
          {items.slice(0, 8).map((a) => (
            <RowItem key={a.id} extra={<span style={muted}>{fmt.instant(a.waitingSince)}</span>}>
              <Link to={subjectPath(a)} data-testid="home-approval" data-number={a.docNumber}>
                <Tag color="blue">{t(`approval.inbox.docTypes.${a.docType}`, { defaultValue: a.docType })}</Tag>
                {a.docNumber} · {a.title}
              </Link>
              {a.submittedBy && <span style={muted}> · {a.submittedBy.name}</span>}
            </RowItem>
          ))}
        </Rows>
      )}
    </Panel>
  );
}

/** Month-end open and overdue (as-of queries, exact) for the last 12 months, as a small table with bars. */
function AgingTrendPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const trend = useAgingTrend(12);
  if (trend.isPending) return null;
  if (trend.isError) return <Panel title={t('homeMore.agingTrend')}><span style={danger}>{errorText(t, trend.error)}</span></Panel>;
  const points = trend.data.points;
  const max = Math.max(...points.map((p) => Number(p.open)), 1);
  const cell: CSSProperties = { padding: '4px 8px', textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };
  return (
    <Panel title={t('homeMore.agingTrend')} testId="home-aging-trend">
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr style={muted}>
              <th style={{ ...cell, textAlign: 'left' }}>{t('homeMore.month')}</th><th style={cell}>{t('homeMore.open')}</th>
              <th style={cell}>{t('homeMore.overdue')}</th><th style={cell}>{t('homeMore.overdueShare')}</th><th style={{ ...cell, width: '35%' }} />
            </tr>
          </thead>
          <tbody>
            {points.map((p) => {
              const open = Number(p.open);
              const share = open > 0 ? (Number(p.overdue) / open) * 100 : 0;
              return (
                <tr key={p.month} data-testid="home-trend-point" data-month={p.month} data-open={p.open} data-overdue={p.overdue} style={{ borderTop: '1px solid #f5f5f5' }}>
                  <td style={{ ...cell, textAlign: 'left' }}>{p.month}</td>
                  <td style={cell}>{fmt.money(p.open, trend.data.currency)}</td>
                  <td style={{ ...cell, color: '#cf1322' }}>{fmt.money(p.overdue, trend.data.currency)}</td>
                  <td style={cell}>{open > 0 ? `${share.toFixed(1)}%` : '—'}</td>
                  <td style={cell}>
                    <div style={{ background: '#e6f4ff', height: 10, width: `${(open / max) * 100}%`, position: 'relative' }}>
                      <div style={{ background: '#ff7875', height: 10, width: `${share}%` }} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user, scope, can } = useAuth();
  const home = useHome();
  const executive = user?.role === 'executive' || user?.role === 'admin';
  return (
    <Flex vertical gap={16}>
      <Panel>
        <h4 style={{ margin: 0, fontSize: 20, fontWeight: 600 }} data-testid="home-welcome">{t('home.welcome', { name: user?.name ?? '' })}</h4>
        <span style={muted}>
          {t('home.subtitle', { tenant: user?.tenantName ?? '', role: roleLabel(t, user?.role), scope: scope ? t(`scope.${scope}`) : '' })}
        </span>
      </Panel>
      {home.isPending && <div style={muted}>{t('common.loading')}</div>}
      {home.isError && <div role="alert" style={danger}>{errorText(t, home.error)}</div>}
      {home.data && <Figures home={home.data} />}
      {user?.role === 'marketer' && <Suspense fallback={null}><MarketingFunnel /></Suspense>}
      {(user?.role === 'sales_rep' || user?.role === 'sales_manager') && can('opportunities', 'read') && <Suspense fallback={null}><SalesFunnel /></Suspense>}
      {can('approvals', 'approve') && <ApprovalsWaiting />}
      {home.data?.team && home.data.team.overdueByOwner.length > 0 && (
        <Panel title={t('homeBoard.overdueByRep')}>
          <Rows testId="home-overdue-by-rep">
            {home.data.team.overdueByOwner.map((r) => (
              <RowItem key={r.ownerId ?? '-'} extra={fmt.money(r.amount, home.data!.currency)}>
                {r.ownerName ?? '—'} <span style={muted}>· {t('homeBoard.items', { count: r.count })}</span>
              </RowItem>
            ))}
          </Rows>
        </Panel>
      )}
      {home.data && (
        <Panel title={t('homeBoard.todo')}>
          {home.data.todo.length === 0 ? <div style={muted}>{t('homeBoard.nothingToDo')}</div> : (
            <Rows testId="home-todo">
              {home.data.todo.map((x) => (
                <RowItem key={`${x.kind}-${x.id}`} extra={x.amount ? fmt.money(x.amount, home.data!.currency) : null}>
                  <Link to={x.link} data-testid={`todo-${x.kind}`} data-number={x.number ?? undefined}>
                    <Tag color={TODO_COLORS[x.kind]}>{t(`homeBoard.kinds.${x.kind}`)}</Tag>
                    {x.number ? `${x.number} · ` : ''}{x.title}
                    {x.date && <span style={muted}> · {fmt.date(x.date)}</span>}
                  </Link>
                </RowItem>
              ))}
            </Rows>
          )}
        </Panel>
      )}
      {executive && can('receivables', 'read') && <AgingTrendPanel />}
    </Flex>
  );
}
