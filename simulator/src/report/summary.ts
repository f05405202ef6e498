/** The terminal summary of a report: what QA reads first. */
import { ENGINE_SOURCE_TEXT, pct, type Report } from './build';

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

export function terminalSummary(r: Report): string {
  const out: string[] = [];
  out.push(
    `Scenario ${r.scenario.name} · seed ${r.seed}${r.scale !== 1 ? ` · scale ${r.scale}` : ''} · ${r.mode}` +
      ` · risk data: ${ENGINE_SOURCE_TEXT[r.engine]} · simulated ${r.scenario.date} ${r.simulated.from}–${r.simulated.to} in ${(r.wallMs / 1000).toFixed(1)} s`,
  );
  if (r.scenario.description) out.push(r.scenario.description);
  for (const n of r.notes) out.push(`Note: ${n}`);
  out.push('');
  out.push(
    `${pad('population', 20)}${pad('label', 8)}${pad('channel', 14)}${lpad('n', 6)}  ${pad('outcomes', 48)}top reasons`,
  );
  for (const p of r.populations) {
    const outcomes = Object.entries(p.outcomes)
      .filter(([, n]) => n > 0)
      .map(([o, n]) => `${o} ${n}`)
      .join(', ');
    const reasons = [
      ...p.reasonCodes.slice(0, 3).map((c) => `${c.code} ${c.count}`),
      ...Object.entries(p.refusals).map(([c, n]) => `${c} ${n}`),
    ].join(', ');
    out.push(
      `${pad(p.name, 20)}${pad(p.label, 8)}${pad(p.channel, 14)}${lpad(p.count, 6)}  ${pad(outcomes, 48)}${reasons}`,
    );
  }
  out.push('');
  const t = r.totals;
  if (t.fraud.count)
    out.push(`Detection:    ${t.fraud.caught}/${t.fraud.count} fraud caught = ${pct(t.fraud.detectionRate)}`);
  if (t.genuine.count)
    out.push(
      `False reject: ${t.genuine.rejected}/${t.genuine.count} genuine rejected = ${pct(t.genuine.falseRejectRate)}` +
        (t.genuine.lockdownCollateral ? ` (+${t.genuine.lockdownCollateral} by channel lockdown)` : '') +
        `; friction (review/step-up/hold) ${t.genuine.friction}`,
    );
  if (r.surge) {
    out.push(
      `Surge on ${r.surge.channel}: onset ${r.surge.onset}, first alert ${r.surge.firstAlert ?? 'none'}` +
        (r.surge.delayMinutes !== null ? ` (+${r.surge.delayMinutes} min)` : '') +
        `, lockdown ${r.surge.firstLockdown ?? 'none'}`,
    );
  }
  for (const l of r.lockdowns) {
    out.push(`Lockdown ${l.channel} (${l.mode ?? '?'}): ${l.fromClock} → ${l.endedClock ?? 'still on at the end'}`);
  }
  out.push('');
  for (const c of r.checks) out.push(`${c.pass ? '✓' : '✗'} ${c.name}: ${c.detail}`);
  for (const e of r.errorSamples.slice(0, 5))
    out.push(`  error in ${e.population} at ${e.step}: ${e.code}${e.message ? ` — ${e.message}` : ''}`);
  return out.join('\n');
}
