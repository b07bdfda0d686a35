// One lead: its fields, status moves (raw → MQL → SQL, invalid with a reason, reopen), pool moves, the status history,
// the duplicate matches dedup finds, its score (scoring's panel) and the conversion dialog.
import { Alert, Button, Card, Col, Descriptions, Flex, Input, Modal, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLead, useLeadStatus, useReleaseLead } from '../../api/leads';
import { useAuth } from '../../auth/useAuth';
import { LeadScorePanel } from '../../components/scoring/LeadScorePanel';
import { useFormat } from '../../i18n/format';
import { useAppApi } from '../../lib/appApi';
import { ConvertLeadModal } from './ConvertLeadModal';
import { STATUS_COLOR } from './LeadTable';

const NEXT: Record<string, Array<{ to: string; label: string }>> = {
  raw: [{ to: 'mql', label: 'mql' }, { to: 'sql', label: 'sql' }],
  mql: [{ to: 'sql', label: 'sql' }, { to: 'raw', label: 'back' }],
  sql: [{ to: 'mql', label: 'back' }],
  invalid: [{ to: 'raw', label: 'reopen' }],
  converted: [],
};

export default function LeadDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = useAppApi();
  const fmt = useFormat();
  const detail = useLead(id);
  const status = useLeadStatus(id ?? '');
  const release = useReleaseLead(id ?? '');
  const [reasonFor, setReasonFor] = useState<'invalid' | 'release' | null>(null);
  const [reason, setReason] = useState('');
  const [converting, setConverting] = useState(false);
  const d = detail.data;
  if (!d) return <Card loading={detail.isPending}>{detail.isError && <Alert type="error" message={t('lead.empty')} />}</Card>;
  const lead = d.lead;
  const update = can('leads', 'update');
  const move = (to: string, why?: string) => status.mutate({ status: to, reason: why ?? null, version: lead.version }, { onSuccess: () => void message.success(t('lead.actions.moved')) });
  const open = lead.status !== 'converted' && lead.status !== 'invalid';
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>{lead.companyName ?? lead.contactName}</Typography.Title>
            <Typography.Text type="secondary">{lead.number}</Typography.Text>
            <Tag color={STATUS_COLOR[lead.status]} data-testid="lead-detail-status">{t(`lead.statuses.${lead.status}`)}</Tag>
            {lead.inPool && <Tag>{t('lead.inPool')}</Tag>}
          </Space>
          {update && (
            <Space wrap>
              {NEXT[lead.status]!.map((n) => (
                <Button key={n.to} onClick={() => move(n.to)} loading={status.isPending} data-testid={`lead-to-${n.to}`}>{t(`lead.actions.${n.label}`)}</Button>
              ))}
              {open && <Button danger onClick={() => { setReason(''); setReasonFor('invalid'); }} data-testid="lead-invalid">{t('lead.actions.invalid')}</Button>}
              {open && !lead.inPool && can('leads', 'release') && <Button onClick={() => { setReason(''); setReasonFor('release'); }}>{t('lead.actions.release')}</Button>}
              {open && !lead.inPool && <Button type="primary" onClick={() => setConverting(true)} data-testid="lead-convert">{t('lead.actions.convert')}</Button>}
            </Space>
          )}
        </Flex>
        {lead.converted && (
          <Alert style={{ marginTop: 12 }} type="success" showIcon message={<span>{t('lead.detail.convertedTo')}{' '}
            <Link to={`/customers/${lead.converted.customerId}`}>{t('lead.detail.customer')}</Link>
            {lead.converted.opportunityId && <> · <Link to={`/opportunities/${lead.converted.opportunityId}`}>{t('lead.detail.opportunity')}</Link></>}</span>} />
        )}
        <Descriptions style={{ marginTop: 16 }} column={{ xs: 1, md: 2, xl: 3 }} size="small" items={[
          { key: 'c', label: t('lead.contact'), children: `${lead.contactName ?? '—'}${lead.title ? ` · ${lead.title}` : ''}` },
          { key: 'p', label: t('lead.phone'), children: lead.phone ?? '—' },
          { key: 'e', label: t('lead.email'), children: lead.email ?? '—' },
          { key: 'i', label: t('lead.industry'), children: lead.industry ? t(`enums.industry.${lead.industry}`) : '—' },
          { key: 's', label: t('lead.size'), children: lead.companySize ?? '—' },
          { key: 'r', label: t('lead.region'), children: lead.region ?? '—' },
          { key: 'src', label: t('lead.source'), children: t(`lead.sources.${lead.source}`) },
          { key: 'cp', label: t('lead.campaign'), children: lead.campaign ? <Link to={`/campaigns/${lead.campaign.id}`}>{lead.campaign.name}</Link> : '—' },
          { key: 'o', label: t('lead.owner'), children: lead.owner?.name ?? t('lead.inPool') },
          { key: 'x', label: t('lead.createdAt'), children: fmt.instant(lead.createdAt) },
          ...(lead.invalidReason ? [{ key: 'ir', label: t('lead.actions.reason'), children: lead.invalidReason }] : []),
          ...(lead.consent ? [{ key: 'k', label: t('lead.detail.consent'), children: `${lead.consent.text} · ${fmt.instant(lead.consent.at)} · ${lead.consent.ip ?? ''}` }] : []),
          ...(lead.message ? [{ key: 'm', label: t('lead.message'), children: lead.message }] : []),
        ]} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('lead.detail.history')}>
            <Timeline items={d.history.map((h) => ({
              color: STATUS_COLOR[h.toStatus] === 'default' ? 'gray' : STATUS_COLOR[h.toStatus],
              children: <span>{t(`lead.statuses.${h.toStatus}`)} · {fmt.instant(h.at)}{h.actor && ` · ${h.actor.name}`}{h.reason && <Typography.Text type="secondary"> — {h.reason}</Typography.Text>}</span>,
            }))} />
          </Card>
          <Card size="small" title={t('lead.detail.matches')} style={{ marginTop: 16 }}>
            <Table rowKey={(m) => `${m.kind}:${m.id}`} size="small" pagination={false} dataSource={d.matches} locale={{ emptyText: t('lead.detail.noMatches') }} data-testid="lead-matches"
              columns={[
                { title: '', dataIndex: 'kind', width: 80, render: (v: string) => <Tag>{t(`lead.kinds.${v}`)}</Tag> },
                { title: t('lead.company'), dataIndex: 'name', render: (v: string, m) => (m.kind === 'lead' ? <Link to={`/leads/${m.id}`}>{v}</Link> : m.kind === 'customer' ? <Link to={`/customers/${m.id}`}>{v}</Link> : v) },
                { title: t('lead.detail.scoreLabel'), dataIndex: 'score', width: 80 },
                { title: t('lead.detail.reasons'), dataIndex: 'reasons', render: (r: string[]) => r.join(', ') },
                ...(can('dedup', 'update') ? [{ title: '', key: 'merge', width: 90, render: (_: unknown, m: (typeof d.matches)[number]) => (
                  m.kind === 'lead' ? <Link to={`/merge/lead/${lead.id}/${m.id}`} data-testid={`lead-merge-${m.id}`}>{t('dedup.merge.open')}</Link> : null
                ) }] : []),
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}><LeadScorePanel leadId={lead.id} /></Col>
      </Row>
      <Modal open={reasonFor !== null} title={reasonFor === 'invalid' ? t('lead.actions.invalid') : t('lead.actions.release')} onCancel={() => setReasonFor(null)}
        okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'lead-reason-ok' } as never} confirmLoading={status.isPending || release.isPending}
        onOk={() => {
          const done = () => setReasonFor(null);
          if (reasonFor === 'invalid') status.mutate({ status: 'invalid', reason, version: lead.version }, { onSuccess: done });
          else release.mutate(reason, { onSuccess: () => { done(); void message.success(t('lead.actions.released')); } });
        }}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={reasonFor === 'invalid' ? t('lead.actions.invalidReason') : t('lead.actions.releaseReason')} data-testid="lead-reason" />
      </Modal>
      {converting && <ConvertLeadModal detail={d} open={converting} onClose={() => setConverting(false)} />}
    </Flex>
  );
}
