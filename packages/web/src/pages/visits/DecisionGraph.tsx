// The decision map as a graph (its own lazy chunk: ECharts' graph series is loaded only on this page). A node is a
// contact: its size the influence (1–5), its colour the attitude, its label name and role; an edge a relation
// (reports to / influences: arrows; ally / rival: lines, rivals dashed red).
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionMap } from '../../api/visits';

echarts.use([GraphChart, TooltipComponent, LegendComponent, CanvasRenderer]);

const ATTITUDE_COLORS: Record<string, string> = { champion: '#389e0d', supporter: '#95de64', neutral: '#bfbfbf', skeptic: '#ffc53d', opponent: '#f5222d' };

export default function DecisionGraph({ map, height = 420 }: { map: DecisionMap; height?: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo(() => ({
    tooltip: { formatter: (p: { dataType: string; data: { tip?: string } }) => p.data.tip ?? '' },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true, force: { repulsion: 260, edgeLength: 140 },
      label: { show: true, position: 'bottom', formatter: (p: { data: { label2: string } }) => p.data.label2 },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8,
      data: map.nodes.map((n) => ({
        id: n.contactId, name: n.name, symbolSize: 24 + (n.influence ?? 1) * 8,
        itemStyle: { color: ATTITUDE_COLORS[n.attitude ?? 'neutral'] ?? '#bfbfbf' },
        label2: `${n.name}\n${n.role ? t(`ka.roles.${n.role}`) : t('ka.unmapped')}`,
        tip: `${n.name}${n.title ? ` · ${n.title}` : ''}<br/>${n.role ? t(`ka.roles.${n.role}`) : t('ka.unmapped')}${n.attitude ? ` · ${t(`ka.attitudes.${n.attitude}`)}` : ''}${n.influence ? ` · ${t('ka.influence')} ${n.influence}` : ''}`,
      })),
      links: map.edges.map((e) => ({
        source: e.from, target: e.to, tip: t(`ka.relations.${e.kind}`),
        symbol: e.kind === 'ally' || e.kind === 'rival' ? ['none', 'none'] : ['none', 'arrow'],
        lineStyle: { type: e.kind === 'rival' ? 'dashed' : 'solid', color: e.kind === 'rival' ? '#f5222d' : '#8c8c8c', width: 2 },
        label: { show: true, formatter: t(`ka.relations.${e.kind}`), fontSize: 11 },
      })),
    }],
  }), [map, t]);

  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption(option as echarts.EChartsCoreOption);
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current);
    return () => { ro.disconnect(); chart.dispose(); };
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid="decision-graph" />;
}
