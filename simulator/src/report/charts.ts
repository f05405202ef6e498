/**
 * The report's charts, rendered to SVG strings by ECharts' server-side renderer: no browser, no
 * script in the page, viewable offline.
 */
import * as echarts from 'echarts';
import { OUTCOMES } from '../journey/outcome';
import type { Report } from './build';

const WIDTH = 960;
const PALETTE = ['#1a56db', '#e3a008', '#0e9f6e', '#9061f9', '#e74694', '#ff5a1f', '#3f83f8', '#6b7280'];
const OUTCOME_COLOURS: Record<string, string> = {
  approved: '#0e9f6e',
  done: '#84e1bc',
  'step-up': '#fce96a',
  review: '#e3a008',
  held: '#ff8a4c',
  rejected: '#e02424',
  blocked: '#9b1c1c',
  refused: '#5521b5',
  error: '#6b7280',
};

function render(option: echarts.EChartsCoreOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'sans-serif' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** The bucket label a time falls in (for marks on the category axis). */
function bucketLabel(r: Report, clock: string): string | undefined {
  const labels = r.channels[0]?.buckets.map((b) => b.clock) ?? [];
  return [...labels].reverse().find((l) => l <= clock) ?? labels[0];
}

function timeMarks(r: Report) {
  // Onset and first alert usually share a bucket: one line, one label.
  const byBucket = new Map<string, string[]>();
  const mark = (clock: string | null | undefined, what: string) => {
    const label = clock ? bucketLabel(r, clock) : undefined;
    if (label) byBucket.set(label, [...(byBucket.get(label) ?? []), `${what} ${clock}`]);
  };
  if (r.surge) {
    mark(r.surge.onset, 'surge');
    mark(r.surge.firstAlert, 'alert');
  }
  const areas = r.lockdowns.map((l) => [
    { name: `${l.channel} lockdown`, xAxis: bucketLabel(r, l.fromClock) },
    { xAxis: bucketLabel(r, l.endedClock ?? r.simulated.to) },
  ]);
  return {
    markLine: {
      symbol: 'none',
      label: { formatter: '{b}', position: 'insideEndTop' },
      lineStyle: { type: 'dashed', color: '#e02424' },
      data: [...byBucket].map(([xAxis, names]) => ({ name: names.join(' · '), xAxis })),
    },
    markArea: {
      itemStyle: { color: 'rgba(224,36,36,0.08)' },
      label: { color: '#9b1c1c', position: 'insideTop' },
      data: areas,
    },
  };
}

export function volumeChart(r: Report): string {
  const labels = r.channels[0]?.buckets.map((b) => b.clock) ?? [];
  return render(
    {
      title: {
        text: `Applications per channel per ${r.bucketMinutes} min`,
        left: 'center',
        textStyle: { fontSize: 14 },
      },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 56, bottom: 60 },
      tooltip: {},
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'applications' },
      series: r.channels.map((c, i) => ({
        name: c.channel,
        type: 'line',
        step: 'end',
        symbol: 'none',
        data: c.buckets.map((b) => b.applications),
        ...(i === 0 ? timeMarks(r) : {}),
      })),
    },
    340,
  );
}

export function approvalChart(r: Report): string {
  const labels = r.channels[0]?.buckets.map((b) => b.clock) ?? [];
  return render(
    {
      title: { text: 'Approval rate per channel', left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 56, bottom: 60 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', min: 0, max: 100, name: '% approved' },
      series: r.channels.map((c, i) => ({
        name: c.channel,
        type: 'line',
        connectNulls: false,
        symbolSize: 4,
        data: c.buckets.map((b) => (b.approvalRate === null ? null : Math.round(b.approvalRate * 1000) / 10)),
        ...(i === 0 ? timeMarks(r) : {}),
      })),
    },
    320,
  );
}

export function outcomesChart(r: Report): string {
  const pops = [...r.populations].reverse();
  const used = OUTCOMES.filter((o) => r.populations.some((p) => p.outcomes[o] > 0));
  return render(
    {
      title: { text: 'Outcomes per population', left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0 },
      grid: { left: 170, right: 30, top: 40, bottom: 50 },
      xAxis: { type: 'value', max: 100, name: '%' },
      yAxis: { type: 'category', data: pops.map((p) => `${p.name} (${p.label})`) },
      series: used.map((o) => ({
        name: o,
        type: 'bar',
        stack: 'all',
        itemStyle: { color: OUTCOME_COLOURS[o] },
        data: pops.map((p) => (p.count ? Math.round((p.outcomes[o] / p.count) * 1000) / 10 : 0)),
      })),
    },
    Math.max(200, 90 + 34 * pops.length),
  );
}

export function reasonsChart(r: Report): string | null {
  const byLabel = { fraud: new Map<string, number>(), genuine: new Map<string, number>() };
  for (const p of r.populations) {
    for (const c of p.reasonCodes) byLabel[p.label].set(c.code, (byLabel[p.label].get(c.code) ?? 0) + c.count);
    for (const [c, n] of Object.entries(p.refusals)) byLabel[p.label].set(c, (byLabel[p.label].get(c) ?? 0) + n);
  }
  const total = (c: string) => (byLabel.fraud.get(c) ?? 0) + (byLabel.genuine.get(c) ?? 0);
  const codes = [...new Set([...byLabel.fraud.keys(), ...byLabel.genuine.keys()])]
    .sort((a, b) => total(b) - total(a) || a.localeCompare(b))
    .slice(0, 15)
    .reverse();
  if (codes.length === 0) return null;
  return render(
    {
      title: { text: 'Reason codes (applications and token refusals)', left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0 },
      grid: { left: 230, right: 30, top: 40, bottom: 50 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: codes },
      series: (['fraud', 'genuine'] as const).map((label) => ({
        name: label,
        type: 'bar',
        stack: 'all',
        itemStyle: { color: label === 'fraud' ? '#e02424' : '#1a56db' },
        data: codes.map((c) => byLabel[label].get(c) ?? 0),
      })),
    },
    Math.max(200, 90 + 26 * codes.length),
  );
}
