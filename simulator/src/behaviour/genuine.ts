import { defineModel } from './model';
import { paramsSchema } from './params';
import { humanActor, type HumanStyle } from './styles';

const HOUR = 3_600_000;

/** An owner filling the form themself: the reference every other model is measured against. */
export const GENUINE_STYLE: HumanStyle = {
  keyMedianMs: 260,
  keySigma: 0.55,
  errorRate: 0.03,
  groupPauseMs: 700,
  readMs: 4_000,
  tapMs: 95,
  betweenMs: 1_200,
  imeCommitMs: 1_100,
  codeAutofill: 0.5,
  pasteIdentities: false,
  declineSensors: 0.1,
  smsWaitMs: 12_000,
  faceMs: 12_000,
  repayAfterMs: 2 * HOUR,
};

export const genuine = defineModel<HumanStyle>({
  name: 'genuine',
  summary: 'a business owner: log-normal key intervals, corrections, IME commits, varied taps, phone in hand',
  human: true,
  params: paramsSchema({ ...GENUINE_STYLE }),
  defaults: GENUINE_STYLE,
  actor: (p, rng) => humanActor(p, rng),
});
