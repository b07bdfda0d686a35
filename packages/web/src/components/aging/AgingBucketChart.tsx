// Aging bars: open money by bucket; grouped, one stacked bar per group (the largest first) with a segment per
// bucket. Clicking a bar or a segment drills down to its receivables.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgingReport } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { axisLabel, BUCKET_COLORS, bucketLabel } from '../../lib/aging';
import { EChart, type EChartsOption } from './EChart';

const MAX_GROUPS = 12;

interface Props {
  report: AgingReport;
  onDrill: (groupKey: string | undefined, groupLabel: string | undefined, bucket: string) => void;
}

export function AgingBucketChart({ report, onDrill }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const grouped = report.groupBy !== 'none';
  const rows = useMemo(() => report.rows.slice(0, MAX_GROUPS), [report]);

  const option = useMemo<EChartsOption>(() => {
    const labels = report.buckets.map((b) => bucketLabel(t, b));
    const money = (v: unknown) => (typeof v === 'string' ? fmt.money(v, report.currency) : String(v));
    const tooltip = {
      trigger: 'item',
      formatter: (p: { seriesName: string; name: string; value: unknown }) => `${p.name}<br/>${grouped ? `${p.seriesName}: ` : ''}<b>${money(p.value)}</b>`,
    };
    if (!grouped) {
      return {
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        tooltip,
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 20 : 0 } },
        yAxis: { type: 'value', axisLabel: { formatter: axisLabel(fmt.lang) } },
        series: [{
          type: 'bar', name: t('aging.open'), barMaxWidth: 56,
          data: report.totals.amounts.map((v, i) => ({ value: v, itemStyle: { color: BUCKET_COLORS[i % BUCKET_COLORS.length] } })),
        }],
      };
    }
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip,
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'value', axisLabel: { formatter: axisLabel(fmt.lang) } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 140, overflow: 'truncate' } },
      series: report.buckets.map((b, i) => ({
        type: 'bar', stack: 'aging', name: labels[i], id: b.key, barMaxWidth: 22,
        itemStyle: { color: BUCKET_COLORS[i % BUCKET_COLORS.length] },
        data: rows.map((r) => r.amounts[i]),
      })),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report, rows, grouped, fmt.lang, t]);

  return (
    <EChart
      option={option}
      height={grouped ? Math.max(280, 60 + rows.length * 32) : 320}
      data-testid="aging-chart"
      onClick={(e) => {
        if (!grouped) {
          const b = report.buckets[e.dataIndex];
          if (b) onDrill(undefined, undefined, b.key);
          return;
        }
        const r = rows[e.dataIndex];
        const b = report.buckets[e.seriesIndex];
        if (r && b) onDrill(r.key, r.label, b.key);
      }}
    />
  );
}
