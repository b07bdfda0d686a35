// The overview tab: every field of the customer.
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { enumLabel } from '../../lib/labels';

export function CustomerOverview({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const f = (k: string) => t(`customer.fields.${k}`);
  const dash = (v: string | null) => v || '—';
  const website = c.website ? (/^https?:\/\//i.test(c.website) ? c.website : `https://${c.website}`) : null;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      items={[
        { key: 'number', label: f('number'), children: c.number },
        { key: 'name', label: f('name'), children: c.name },
        { key: 'creditCode', label: f('creditCode'), children: dash(c.creditCode) },
        { key: 'industry', label: f('industry'), children: enumLabel(t, 'industry', c.industry) },
        { key: 'region', label: f('region'), children: dash(c.region) },
        { key: 'grade', label: f('grade'), children: c.grade ? enumLabel(t, 'grade', c.grade) : '—' },
        { key: 'source', label: f('source'), children: enumLabel(t, 'source', c.source) },
        { key: 'phone', label: f('phone'), children: c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : '—' },
        { key: 'website', label: f('website'), children: website ? <a href={website} target="_blank" rel="noopener noreferrer">{c.website}</a> : '—' },
        { key: 'address', label: f('address'), children: dash(c.address), span: { xs: 1, md: 2, xl: 3 } },
        { key: 'parent', label: f('parent'), children: c.parent ? <Link to={`/customers/${c.parent.id}`}>{c.parent.name}</Link> : '—' },
        { key: 'owner', label: f('owner'), children: c.owner?.name ?? '—' },
        {
          key: 'inPool', label: f('inPool'),
          children: c.inPool ? <Tag color="orange">{t('common.yes')} · {fmt.instant(c.poolEnteredAt)}</Tag> : t('common.no'),
        },
        { key: 'lastFollowUpAt', label: f('lastFollowUpAt'), children: fmt.instant(c.lastFollowUpAt) },
        { key: 'createdAt', label: f('createdAt'), children: fmt.instant(c.createdAt) },
        { key: 'updatedAt', label: f('updatedAt'), children: fmt.instant(c.updatedAt) },
        { key: 'remark', label: f('remark'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(c.remark)}</span>, span: 'filled' },
      ]}
    />
  );
}
