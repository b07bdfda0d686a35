// Aging helpers: bucket names in the UI's language (the server's labels are English), compact axis labels, and the
// overdue share computed with exact decimals.
import { dec } from '@l2c/shared';
import type { TFunction } from 'i18next';
import type { AgingReport } from '../api/types';

export type AgingBucket = AgingReport['buckets'][number];

export function bucketLabel(t: TFunction, b: AgingBucket): string {
  if (b.minDays === null) return t('aging.bucketLabels.current');
  if (b.maxDays === null) return t('aging.bucketLabels.over', { from: b.minDays - 1 });
  return t('aging.bucketLabels.range', { from: b.minDays, to: b.maxDays });
}

/** Colours from "not yet due" (green) to the oldest bucket (dark red). */
export const BUCKET_COLORS = ['#52c41a', '#fadb14', '#faad14', '#fa8c16', '#f5222d', '#a8071a', '#820014', '#5c0011'];

/** Axis tick labels (values ECharts chose for the scale, not booked amounts): "120万" / "1.2M". */
export function axisLabel(lang: string): (v: number) => string {
  const f = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  return (v: number) => f.format(v);
}

/** overdue ÷ total as a percentage with one decimal ("81.3"), or "0.0" when nothing is open. */
export function sharePercent(part: string, total: string): string {
  const t = dec(total);
  return t.isZero() ? '0.0' : dec(part).dividedBy(t).times(100).toFixed(1);
}
