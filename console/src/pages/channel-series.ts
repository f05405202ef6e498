import type { ChartOption } from '../components/chart';
import type { Bucket } from '../api/types';
import { zhCN } from '../locale/zh-CN';

const t = zhCN.channels;

/** `2026-03-10T14:05:00.000+08:00` → `14:05` (the bank's time zone, as sent). */
export const clockOf = (iso: string) => iso.slice(11, 16);

/** Approval rate per bucket, or null where a bucket had no applications (a gap, not a zero). */
export function approvalRates(buckets: readonly Bucket[]): Array<number | null> {
  return buckets.map((b) => (b.applications > 0 ? Math.round((b.approved / b.applications) * 1000) / 10 : null));
}

/** Volume bars, risky bars and the approval-rate line on a second axis, for one channel. */
export function seriesOption(buckets: readonly Bucket[]): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t.volume, t.risky, t.approvalRate] },
    grid: { left: 48, right: 56, top: 48, bottom: 28 },
    xAxis: { type: 'category', data: buckets.map((b) => clockOf(b.start)) },
    yAxis: [
      { type: 'value', name: t.volume, minInterval: 1 },
      { type: 'value', name: t.approvalRate, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: t.volume, type: 'bar', data: buckets.map((b) => b.applications), itemStyle: { color: '#1677ff' } },
      { name: t.risky, type: 'bar', data: buckets.map((b) => b.risky), itemStyle: { color: '#ff4d4f' } },
      {
        name: t.approvalRate,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        data: approvalRates(buckets),
        itemStyle: { color: '#52c41a' },
      },
    ],
  };
}

/**
 * Re-bins the engine's buckets (present only where there was traffic) into a regular axis of
 * `binMinutes` from `from` to `to`, so quiet stretches show as zero and the surge stands out.
 */
export function binBuckets(buckets: readonly Bucket[], from: number, to: number, binMinutes: number): Bucket[] {
  const size = binMinutes * 60_000;
  const start = Math.floor(from / size) * size;
  const bins: Bucket[] = [];
  for (let at = start; at <= to; at += size) {
    // The bank's clock is China Standard Time; labels are cut from this ISO string.
    const iso = new Date(at + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    bins.push({ start: iso, applications: 0, approved: 0, risky: 0 });
  }
  for (const b of buckets) {
    const i = Math.floor((Date.parse(b.start) - start) / size);
    if (i < 0 || i >= bins.length) continue;
    bins[i].applications += b.applications;
    bins[i].approved += b.approved;
    bins[i].risky += b.risky;
  }
  return bins;
}
