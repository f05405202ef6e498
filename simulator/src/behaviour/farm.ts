import { defineModel } from './model';
import { paramsSchema } from './params';
import { botStyle, type BotParams } from './bot';
import { scriptedActor } from './styles';

const DEFAULTS: BotParams = { intervalMs: 120, jitter: 0.25, paste: true };

/**
 * A phone on a device-farm rack (use with the farmPhone profile: flat sensors, charging at 100 %,
 * proxy on; and a farm-subnet IP pool): a control script fills the form and taps through an
 * accessibility service — same spot, same duration, every time.
 */
export const farm = defineModel<BotParams>({
  name: 'farm',
  summary: 'a device-farm phone: scripted filling, machine taps at one spot with one duration, pastes',
  human: false,
  params: paramsSchema({ ...DEFAULTS }),
  defaults: DEFAULTS,
  actor: (p, rng) => scriptedActor(botStyle(p, 'fixed'), rng),
});
