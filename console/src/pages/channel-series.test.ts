import { approvalRates, binBuckets, clockOf, seriesOption } from './channel-series';

const b = (start: string, applications: number, approved: number, risky = 0) => ({
  start,
  applications,
  approved,
  risky,
});

describe('channel series for the chart', () => {
  test('re-bins sparse buckets onto a regular axis, quiet stretches as zero', () => {
    const from = Date.parse('2026-03-10T14:00:00+08:00');
    const to = Date.parse('2026-03-10T14:29:00+08:00');
    const bins = binBuckets(
      [
        b('2026-03-10T14:01:00.000+08:00', 2, 2),
        b('2026-03-10T14:04:00.000+08:00', 3, 1, 2),
        b('2026-03-10T14:21:00.000+08:00', 40, 4, 35),
      ],
      from,
      to,
      10,
    );
    expect(bins.map((x) => [clockOf(x.start), x.applications, x.approved, x.risky])).toEqual([
      ['14:00', 5, 3, 2],
      ['14:10', 0, 0, 0],
      ['14:20', 40, 4, 35],
    ]);
  });

  test('approval rate is a percentage, and a gap (not zero) where nothing was applied for', () => {
    expect(approvalRates([b('x', 4, 3), b('y', 0, 0), b('z', 3, 0)])).toEqual([75, null, 0]);
  });

  test('the option draws volume and risky bars and the approval line on its own axis', () => {
    const o = seriesOption([b('2026-03-10T14:00:00.000+08:00', 10, 5, 1)]) as {
      xAxis: { data: string[] };
      series: Array<{ name: string; type: string; data: unknown[]; yAxisIndex?: number }>;
    };
    expect(o.xAxis.data).toEqual(['14:00']);
    expect(o.series.map((s) => [s.name, s.type, s.data, s.yAxisIndex ?? 0])).toEqual([
      ['申请量', 'bar', [10], 0],
      ['风险申请', 'bar', [1], 0],
      ['通过率', 'line', [50], 1],
    ]);
  });
});
