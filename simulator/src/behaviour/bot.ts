import { defineModel } from './model';
import { paramsSchema } from './params';
import { scriptedActor, type ScriptStyle } from './styles';

export interface BotParams {
  intervalMs: number;
  /** Uniform jitter as a fraction of the interval; 0 is a metronome. */
  jitter: number;
  paste: boolean;
}

const DEFAULTS: BotParams = { intervalMs: 90, jitter: 0.15, paste: true };

/** A script driving the app (Auto.js-style): even rhythm, identity fields pasted, not one touch. */
export const bot = defineModel<BotParams>({
  name: 'bot',
  summary: 'a scripted client: uniform or uniformly jittered intervals, no touches, identity fields pasted',
  human: false,
  params: paramsSchema({ ...DEFAULTS }),
  defaults: DEFAULTS,
  actor: (p, rng) => scriptedActor(botStyle(p), rng),
});

export function botStyle(p: BotParams, taps: ScriptStyle['taps'] = 'none'): ScriptStyle {
  return {
    intervalMs: p.intervalMs,
    jitter: p.jitter,
    paste: p.paste,
    taps,
    consent: ['basic', 'behaviour', 'sensors'],
    smsWaitMs: 4_000,
    faceMs: 4_000,
    repayAfterMs: 600_000,
  };
}
