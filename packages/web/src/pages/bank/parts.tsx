// Small pieces of the reconciliation workbench: an amount in any bank currency, a line's status, its proposal.
import { isCurrency } from '@l2c/shared';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BankLine } from '../../api/bank-statements';
import { Money } from '../../components/cash/Money';

/** Bank files carry currencies L2C does not book (DEM, PLN): those are shown as written, not formatted. */
export function BankAmount({ amount, currency, strong, testId }: { amount: string; currency: string; strong?: boolean; testId?: string }) {
  if (isCurrency(currency)) return <Money amount={amount} currency={currency} strong={strong} data-testid={testId} />;
  return <Typography.Text strong={strong} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{amount} {currency}</Typography.Text>;
}

const LINE_COLORS: Record<string, string> = { held: 'warning', ignored: 'default', unsupported: 'default', unclaimed: 'processing', matched: 'success', rejected: 'error' };

export function LineStatus({ line }: { line: BankLine }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Tag color={LINE_COLORS[line.status]} data-testid="bank-line-status" data-status={line.status} style={{ marginInlineEnd: 0, width: 'fit-content' }}>
        {t(`bank.lineStatus.${line.status}`)}
      </Tag>
      {line.matchedHow && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`bank.how.${line.matchedHow}`)}{line.matchedBy ? ` · ${line.matchedBy.name}` : ''}</Typography.Text>}
    </Flex>
  );
}

const confidenceColor = (c: number) => (c >= 90 ? 'green' : c >= 70 ? 'gold' : 'orange');

/** The matcher's proposal: customer, rule, confidence, and the reasons on hover; "this is payment HK-… already
 * registered" names that payment (confirmed, the line is linked to it — no second payment). */
export function Proposal({ line }: { line: BankLine }) {
  const { t } = useTranslation();
  const p = line.proposal;
  if (!p) return <Typography.Text type="secondary">{t('bank.noProposal')}</Typography.Text>;
  const reasons = (
    <div>
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{t('bank.reasonsTitle')}</div>
      {p.reasons.map((r, i) => <div key={i}>· {r.detail}</div>)}
      {p.allocations.map((a) => <div key={a.receivableId}>→ {a.number}: {a.amount}</div>)}
    </div>
  );
  return (
    <Tooltip title={reasons}>
      <Flex vertical gap={2} data-testid="bank-proposal" data-confidence={p.confidence}>
        <Typography.Text strong>{p.customer.name}</Typography.Text>
        <Flex gap={4} wrap>
          <Tag color={confidenceColor(p.confidence)} style={{ marginInlineEnd: 0 }}>{t('bank.confidence', { value: p.confidence })}</Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{t(`bank.rule.${p.rule}`)}</Tag>
        </Flex>
        {p.payment && <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="bank-proposal-payment">{t('bank.existingPayment', { number: p.payment.number })}</Typography.Text>}
        {p.allocations.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.allocations.map((a) => a.number).join(', ')}</Typography.Text>}
      </Flex>
    </Tooltip>
  );
}
