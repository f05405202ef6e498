import { readFileSync } from 'node:fs';
import { SIGNALS, CONSENT_LEVELS, getSignal, isSignalAllowed } from './manifest';
import { COLLECTORS } from './collectors';
import { SUMMARY_SIGNALS } from './behaviour';
import { renderSignalsMarkdown, SIGNALS_MD_PATH } from '../scripts/gen-signals';

describe('signal manifest', () => {
  it('SIGNALS.md is generated from the manifest and up to date (run `npx tsx sdk/scripts/gen-signals.ts`)', () => {
    expect(readFileSync(SIGNALS_MD_PATH, 'utf8')).toBe(renderSignalsMarkdown());
  });

  it('declares every signal once, with both purposes, a level and a retention', () => {
    expect(new Set(SIGNALS.map((s) => s.name)).size).toBe(SIGNALS.length);
    for (const s of SIGNALS) {
      expect(s.purpose['zh-CN'].length).toBeGreaterThan(4);
      expect(s.purpose.en.length).toBeGreaterThan(10);
      expect(CONSENT_LEVELS).toContain(s.level);
      expect(s.retentionDays).toBeGreaterThan(0);
      expect(s.source.length).toBeGreaterThan(0);
    }
  });

  it('covers every collector and every behaviour section the client sends', () => {
    for (const c of COLLECTORS) expect(getSignal(c.signal)).toBeDefined();
    for (const name of ['behaviour.fields', 'behaviour.touch', 'behaviour.pages', 'behaviour.app'])
      expect(getSignal(name)?.level).toBe('behaviour');
    expect(getSignal('sensors.motion')?.level).toBe('sensors');
    for (const signal of Object.values(SUMMARY_SIGNALS)) expect(getSignal(signal)).toBeDefined();
  });

  it('allows a signal only when declared and granted', () => {
    expect(isSignalAllowed('device', new Set(['basic']))).toBe(true);
    expect(isSignalAllowed('behaviour.touch', new Set(['basic']))).toBe(false);
    expect(isSignalAllowed('imei', new Set(['basic', 'behaviour', 'sensors']))).toBe(false);
  });
});
