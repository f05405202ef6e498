/**
 * Each behaviour model produces the statistics it claims, measured the way the bank measures
 * them: its screens go through the SDK's real behaviour capture, and the engine's own feature
 * extractor reads the summary.
 */
import { createBehaviourCapture } from '../../../sdk/src/behaviour';
import { behaviourFeatures } from '../../../sdk/src/server/engine/features/behaviour-features';
import { RISK_FIELDS } from '../../../src/services/risk/fields';
import { createIdentityFactory } from '../identity/generators';
import { screens } from '../journey/screens';
import { createRng } from '../random';
import { MODELS } from '.';
import { IDENTITY_FIELDS } from './styles';
import { replayEvent } from './replay-events';

const APPLICATION_SCREENS = [
  'phone',
  'smsCode',
  'realName',
  'enterprise',
  'application',
  'contractCode',
  'account',
] as const;

/** One applicant of `model` through an application's screens; the features the engine would see. */
function measure(modelName: string, seed: number) {
  const model = MODELS.get(modelName)!;
  const rng = createRng(seed);
  const factory = createIdentityFactory(rng.fork('id'), { today: '2026-03-10' });
  const person = factory.person();
  const plans = screens({ person, enterprise: factory.enterprise() }, 120_000);
  const actor = model.actor(model.defaults, rng.fork('actor'));
  let t = 1_000_000;
  const capture = createBehaviourCapture({
    fields: RISK_FIELDS,
    now: () => t,
    gate: { behaviour: true, sensors: false },
  });
  for (const name of APPLICATION_SCREENS) {
    const s = actor.screen(plans[name]);
    for (const e of s.events) replayEvent(capture, e, t + e.t);
    t += s.durationMs + actor.pause('sms');
  }
  return behaviourFeatures({ behaviour: capture.summary(t) }, [...IDENTITY_FIELDS]) as Record<string, number>;
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const all = (model: string) => SEEDS.map((s) => measure(model, s));

describe('behaviour models through the SDK capture', () => {
  it('people type with log-normal rhythm: interval CV above 0.3, corrections, taps all over', () => {
    for (const model of ['genuine', 'elderly']) {
      for (const f of all(model)) {
        expect(f['behaviour.keyIntervalCv']).toBeGreaterThan(0.3);
        expect(f['behaviour.keyIntervalSamples']).toBeGreaterThanOrEqual(20);
        expect(f['behaviour.touchCount']).toBeGreaterThan(10);
        expect(f['behaviour.touchIntervalCv']).toBeGreaterThan(0.3);
        expect(f['behaviour.tapDurationStd']).toBeGreaterThan(5);
        expect(f['behaviour.identityPasteChars']).toBe(0);
      }
    }
    // Corrections happen (not in every short form, but across applicants).
    expect(all('genuine').some((f) => f['behaviour.deletions'] > 0)).toBe(true);
  });

  it('older owners are much slower and correct more, but stay human', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const genuine = all('genuine');
    const elderly = all('elderly');
    expect(mean(elderly.map((f) => f['behaviour.keyIntervalMeanMs']))).toBeGreaterThan(
      2 * mean(genuine.map((f) => f['behaviour.keyIntervalMeanMs'])),
    );
    expect(mean(elderly.map((f) => f['behaviour.deletions']))).toBeGreaterThan(
      mean(genuine.map((f) => f['behaviour.deletions'])),
    );
    for (const f of elderly) expect(f['behaviour.keyIntervalCv']).toBeGreaterThan(0.3);
  });

  it('scripts type evenly (CV below 0.2), paste identities and touch nothing', () => {
    for (const f of all('bot')) {
      expect(f['behaviour.keyIntervalCv']).toBeLessThan(0.2);
      expect(f['behaviour.touchCount']).toBe(0);
      expect(f['behaviour.identityPasteChars']).toBeGreaterThanOrEqual(18 + 11 + 18);
    }
  });

  it('farm phones tap one spot for one duration; emulators click with no spread of duration', () => {
    for (const f of all('farm')) {
      expect(f['behaviour.keyIntervalCv']).toBeLessThan(0.2);
      expect(f['behaviour.touchCount']).toBeGreaterThan(0);
      expect(f['behaviour.tapDurationStd']).toBe(0);
    }
    for (const f of all('emulator')) {
      expect(f['behaviour.keyIntervalCv']).toBeLessThan(0.2);
      expect(f['behaviour.tapDurationStd']).toBeLessThan(2);
    }
  });

  it('intermediaries paste every identity but otherwise move like people', () => {
    for (const f of all('intermediary')) {
      expect(f['behaviour.identityPasteChars']).toBeGreaterThanOrEqual(18 + 11 + 18 + 16);
      expect(f['behaviour.touchIntervalCv']).toBeGreaterThan(0.3);
    }
  });

  it('every model is deterministic for a seed', () => {
    for (const name of MODELS.keys()) expect(measure(name, 9)).toEqual(measure(name, 9));
  });
});
