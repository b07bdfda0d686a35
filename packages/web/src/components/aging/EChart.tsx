// A small ECharts host: tree-shaken (bar and line charts, grid, tooltip, legend, canvas), resizes with its box, and
// reports clicks on data items. Series values may be the API's decimal strings: ECharts reads them itself, so no
// money passes through a JS number in our code.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type EChartsOption = echarts.EChartsCoreOption;
export interface ChartClick { seriesIndex: number; dataIndex: number; seriesId?: string; name: string }

interface Props {
  option: EChartsOption;
  onClick?: (e: ChartClick) => void;
  height?: number;
  style?: CSSProperties;
  'data-testid'?: string;
}

export function EChart({ option, onClick, height = 320, style, ...rest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return undefined;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const e = p as unknown as { seriesIndex?: number; dataIndex?: number; seriesId?: string; name?: string };
      clickRef.current?.({ seriesIndex: e.seriesIndex ?? 0, dataIndex: e.dataIndex ?? 0, seriesId: e.seriesId, name: e.name ?? '' });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height, ...style }} data-testid={rest['data-testid']} />;
}
