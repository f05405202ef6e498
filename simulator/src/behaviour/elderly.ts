import { defineModel } from './model';
import { paramsSchema } from './params';
import { GENUINE_STYLE } from './genuine';
import { humanActor, type HumanStyle } from './styles';

/**
 * An older owner: three times slower, twice as many corrections, long looks at the ID card and
 * the contract, long presses. Slow is not a bot signal: the rhythm stays irregular and the taps
 * land all over the screen.
 */
export const ELDERLY_STYLE: HumanStyle = {
  ...GENUINE_STYLE,
  keyMedianMs: 800,
  keySigma: 0.6,
  errorRate: 0.08,
  groupPauseMs: 2_500,
  readMs: 12_000,
  tapMs: 170,
  betweenMs: 3_500,
  imeCommitMs: 3_500,
  codeAutofill: 0.1,
  declineSensors: 0.2,
  smsWaitMs: 40_000,
  faceMs: 30_000,
};

export const elderly = defineModel<HumanStyle>({
  name: 'elderly',
  summary: 'a slow older typist: ~3× slower, more corrections, long reading — still clearly human',
  human: true,
  params: paramsSchema({ ...ELDERLY_STYLE }),
  defaults: ELDERLY_STYLE,
  actor: (p, rng) => humanActor(p, rng),
});
