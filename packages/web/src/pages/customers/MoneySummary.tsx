// The customer page's money summary (GET /customers/{id}/summary): contracted, collected, open, overdue, unapplied and
// available credit — exact decimal strings from the server, formatted by locale; available credit explained as
// limit − open − committed.
import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Skeleton, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerSummary } from '../../api/customer360';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../lib/errors';
import { isNegative } from '../../lib/money';

export function MoneySummary({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const summary = useCustomerSummary(customerId);
  if (summary.isPending) return <Card size="small"><Skeleton active paragraph={{ rows: 1 }} /></Card>;
  if (summary.isError) return <Alert type="error" showIcon title={errorText(t, summary.error)} />;
  const s = summary.data;
  const [book, ...others] = s.money;
  const credit = s.credit;
  const stat = (key: string, label: string, value: string, currency: string, color?: string, extra?: React.ReactNode) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Statistic
        title={<span>{label}{extra}</span>}
        valueRender={() => (
          <span data-testid={`c360-${key}`} data-value={value} style={{ fontSize: 18, color, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {fmt.money(value, currency)}
          </span>
        )}
      />
    </Col>
  );
  return (
    <Card size="small" title={t('c360.summary')} data-testid="c360-summary"
      extra={<Typography.Text type="secondary">{t('c360.counts', { contracts: s.counts.contracts, open: s.counts.openReceivables, overdue: s.counts.overdueReceivables, payments: s.counts.payments })}</Typography.Text>}>
      {book && (
        <Row gutter={[12, 12]}>
          {stat('contracted', t('c360.contracted'), book.contracted, book.currency)}
          {stat('collected', t('c360.collected'), book.collected, book.currency)}
          {stat('open', t('c360.open'), book.open, book.currency)}
          {stat('overdue', t('c360.overdue'), book.overdue, book.currency, isNegative(`-${book.overdue}`) ? '#cf1322' : undefined)}
          {stat('unapplied', t('c360.unapplied'), book.unapplied, book.currency)}
          {stat('available', t('c360.availableCredit'), credit.available, credit.currency, isNegative(credit.available) ? '#cf1322' : undefined, (
            <Tooltip title={t('c360.creditExplain', { limit: fmt.money(credit.limit, credit.currency), open: fmt.money(credit.open, credit.currency), committed: fmt.money(credit.committed, credit.currency) })}>
              <InfoCircleOutlined style={{ marginInlineStart: 4 }} data-testid="c360-credit-explain" />
            </Tooltip>
          ))}
        </Row>
      )}
      {credit.onHold && <Tag color="red" style={{ marginTop: 8 }}>{t('c360.onHold')}</Tag>}
      {others.map((m) => (
        <div key={m.currency} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {t('c360.otherCurrency', { currency: m.currency })}: {t('c360.contracted')} {fmt.money(m.contracted, m.currency)} · {t('c360.collected')} {fmt.money(m.collected, m.currency)} · {t('c360.open')} {fmt.money(m.open, m.currency)} · {t('c360.overdue')} {fmt.money(m.overdue, m.currency)}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}
