// Open and overdue money at each month end (the last point today), as two lines.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgingTrend } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { axisLabel } from '../../lib/aging';
import { EChart, type EChartsOption } from './EChart';

export function AgingTrendChart({ trend }: { trend: AgingTrend }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const option = useMemo<EChartsOption>(() => ({
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: Array<{ seriesName: string; axisValue: string; value: unknown; marker: string }>) =>
        [ps[0]?.axisValue ?? '', ...ps.map((p) => `${p.marker}${p.seriesName}: <b>${typeof p.value === 'string' ? fmt.money(p.value, trend.currency) : ''}</b>`)].join('<br/>'),
    },
    xAxis: { type: 'category', data: trend.points.map((p) => p.month), boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: axisLabel(fmt.lang) } },
    series: [
      { type: 'line', name: t('aging.open'), smooth: true, data: trend.points.map((p) => p.open), itemStyle: { color: '#1677ff' }, areaStyle: { opacity: 0.08 } },
      { type: 'line', name: t('aging.overdue'), smooth: true, data: trend.points.map((p) => p.overdue), itemStyle: { color: '#f5222d' }, areaStyle: { opacity: 0.08 } },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [trend, t, fmt.lang]);
  return <EChart option={option} height={280} data-testid="aging-trend" />;
}
