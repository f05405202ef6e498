import { defineModel } from './model';
import { paramsSchema } from './params';
import { GENUINE_STYLE } from './genuine';
import { humanActor, type HumanStyle } from './styles';

/**
 * A loan intermediary (贷款中介) applying for clients on one phone (give the population
 * `devices: 1` or a few): a practised human hand, but every identity — ID number, phone, USCC,
 * account, names — pasted from the client list.
 */
export const INTERMEDIARY_STYLE: HumanStyle = {
  ...GENUINE_STYLE,
  keyMedianMs: 170,
  keySigma: 0.45,
  errorRate: 0.01,
  readMs: 1_500,
  betweenMs: 600,
  pasteIdentities: true,
  codeAutofill: 0.6,
  declineSensors: 0,
  smsWaitMs: 20_000,
};

export const intermediary = defineModel<HumanStyle>({
  name: 'intermediary',
  summary: 'one person, many identities: practised human typing, every identity pasted from a list',
  human: true,
  params: paramsSchema({ ...INTERMEDIARY_STYLE }),
  defaults: INTERMEDIARY_STYLE,
  actor: (p, rng) => humanActor(p, rng),
});
