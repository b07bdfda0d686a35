// The lead table of the list and the pool: number (to the lead), company and contact, status, source, campaign, owner,
// score with grade, created. `action` adds a column (the pool's claim button).
import { Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '../../api/leads';
import { useFormat } from '../../i18n/format';

export const STATUS_COLOR: Record<string, string> = { raw: 'default', mql: 'blue', sql: 'geekblue', converted: 'green', invalid: 'red' };
const GRADE_COLOR: Record<string, string> = { A: 'gold', B: 'green', C: 'blue', D: 'default' };

export function LeadTable({ rows, loading, action }: { rows: Lead[]; loading: boolean; action?: (lead: Lead) => ReactNode }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table<Lead>
      rowKey="id" size="middle" dataSource={rows} loading={loading} pagination={false} scroll={{ x: 960 }} data-testid="lead-table"
      locale={{ emptyText: t('lead.empty') }}
      columns={[
        { title: t('lead.number'), dataIndex: 'number', width: 150, render: (v: string, r) => <Link to={`/leads/${r.id}`} data-testid="lead-link">{v}</Link> },
        { title: t('lead.company'), dataIndex: 'companyName', render: (v: string | null, r) => (
          <span>{v ?? '—'}{r.duplicate && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('lead.duplicateOf')}</Tag>}</span>
        ) },
        { title: t('lead.contact'), dataIndex: 'contactName', width: 110, render: (v: string | null, r) => (
          <span>{v ?? '—'}{r.phone && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.phone}</Typography.Text>}</span>
        ) },
        { title: t('lead.status'), dataIndex: 'status', width: 120, render: (v: string) => <Tag color={STATUS_COLOR[v]} data-testid="lead-status">{t(`lead.statuses.${v}`)}</Tag> },
        { title: t('lead.source'), dataIndex: 'source', width: 100, render: (v: string) => t(`lead.sources.${v}`) },
        { title: t('lead.campaign'), dataIndex: ['campaign', 'name'], width: 160, render: (v: string | undefined, r) => (r.campaign ? <Link to={`/campaigns/${r.campaign.id}`}>{v}</Link> : '—') },
        { title: t('lead.owner'), dataIndex: ['owner', 'name'], width: 100, render: (v: string | undefined) => v ?? <Tag>{t('lead.inPool')}</Tag> },
        { title: t('lead.score'), dataIndex: 'score', width: 90, render: (s: Lead['score']) => (s ? <span>{s.score} {s.grade && <Tag color={GRADE_COLOR[s.grade]}>{s.grade}</Tag>}</span> : '—') },
        { title: t('lead.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => fmt.instant(v) },
        ...(action ? [{ title: t('common.actions'), key: 'action', width: 100, render: (_: unknown, r: Lead) => action(r) }] : []),
      ]}
    />
  );
}
