/** The self-contained HTML report: inline CSS, charts as inline SVG, no script. */
import { ENGINE_SOURCE_TEXT, pct, type Report } from './build';
import { approvalChart, outcomesChart, reasonsChart, volumeChart } from './charts';

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const table = (head: string[], rows: unknown[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

const CSS = `
body{font:14px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1000px;color:#111827;padding:0 16px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
.meta{color:#6b7280}table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f9fafb}
.pass{color:#0e9f6e;font-weight:600}.fail{color:#e02424;font-weight:600}.chart{margin:12px 0}
.kpi{display:inline-block;margin:8px 24px 8px 0}.kpi b{display:block;font-size:22px}`;

export function htmlReport(r: Report): string {
  const checks = r.checks
    .map(
      (c) =>
        `<li><span class="${c.pass ? 'pass' : 'fail'}">${c.pass ? '✓' : '✗'}</span> <b>${esc(c.name)}</b>: ${esc(c.detail)}</li>`,
    )
    .join('');
  const t = r.totals;
  const kpis = [
    t.fraud.count
      ? `<div class="kpi"><b>${pct(t.fraud.detectionRate)}</b>fraud caught (${t.fraud.caught}/${t.fraud.count})</div>`
      : '',
    t.genuine.count
      ? `<div class="kpi"><b>${pct(t.genuine.falseRejectRate)}</b>genuine wrongly rejected (${t.genuine.rejected}/${t.genuine.count})</div>`
      : '',
    r.surge
      ? `<div class="kpi"><b>${r.surge.delayMinutes === null ? 'not detected' : `${r.surge.delayMinutes} min`}</b>surge onset ${esc(r.surge.onset)} → first alert</div>`
      : '',
  ].join('');
  const populations = table(
    [
      'population',
      'label',
      'channel',
      'behaviour',
      'n',
      'outcomes',
      'reason codes',
      'money moves',
      'token refusals',
      'errors',
    ],
    r.populations.map((p) => [
      p.name,
      p.label,
      p.channel,
      p.behaviour,
      p.count,
      Object.entries(p.outcomes)
        .filter(([, n]) => n)
        .map(([o, n]) => `${o} ${n}`)
        .join(', '),
      p.reasonCodes.map((c) => `${c.code} ${c.count}`).join(', '),
      Object.entries(p.moves)
        .map(
          ([a, m]) =>
            `${a}: ${Object.entries(m)
              .map(([o, n]) => `${o} ${n}`)
              .join(' ')}`,
        )
        .join('; '),
      Object.entries(p.refusals)
        .map(([c, n]) => `${c} ${n}`)
        .join(', '),
      Object.entries(p.errors)
        .map(([c, n]) => `${c} ${n}`)
        .join(', '),
    ]),
  );
  const reasons = reasonsChart(r);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Simulation: ${esc(r.scenario.name)}</title><style>${CSS}</style></head>
<body>
<h1>Simulation report: ${esc(r.scenario.name)}</h1>
<div class="meta">${esc(r.scenario.description ?? '')}<br>seed ${r.seed}${r.scale !== 1 ? ` · scale ${r.scale}` : ''} · ${esc(r.mode)} · risk data: ${esc(ENGINE_SOURCE_TEXT[r.engine])} ·
simulated ${esc(r.scenario.date)} ${esc(r.simulated.from)}–${esc(r.simulated.to)} (${r.simulated.minutes} min) in ${(r.wallMs / 1000).toFixed(1)} s</div>
${r.notes.map((n) => `<p class="meta"><b>Note:</b> ${esc(n)}</p>`).join('')}
${kpis}
<h2>Checks</h2><ul>${checks}</ul>
<h2>Channels over time</h2>
<div class="chart">${volumeChart(r)}</div>
<div class="chart">${approvalChart(r)}</div>
<h2>Populations</h2>
<div class="chart">${outcomesChart(r)}</div>
${populations}
${reasons ? `<div class="chart">${reasons}</div>` : ''}
<h2>Surge and lockdown timeline</h2>
${
  r.lockdowns.length
    ? table(
        ['channel', 'mode', 'from', 'scheduled until', 'left lockdown'],
        r.lockdowns.map((l) => [
          l.channel,
          l.mode ?? '',
          l.fromClock,
          l.scheduledClock ?? 'open-ended',
          l.endedClock ?? 'still on',
        ]),
      )
    : '<p>No lockdown.</p>'
}
${
  r.timeline.length
    ? table(
        ['time', 'channel', 'event'],
        r.timeline.map((e) => [e.clock, e.channel, e.event]),
      )
    : '<p>No alerts or channel state changes.</p>'
}
${
  r.errorSamples.length
    ? `<h2>Errors</h2>${table(
        ['population', 'step', 'code', 'message'],
        r.errorSamples.map((e) => [e.population, e.step, e.code, e.message ?? '']),
      )}`
    : ''
}
</body></html>
`;
}
