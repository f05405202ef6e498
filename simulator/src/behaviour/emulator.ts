import { defineModel } from './model';
import { paramsSchema } from './params';
import { botStyle, type BotParams } from './bot';
import { scriptedActor } from './styles';

const DEFAULTS: BotParams = { intervalMs: 110, jitter: 0.2, paste: true };

/**
 * WeChat in an emulator or the devtools (use with the emulator profile): mouse clicks of constant
 * length without force, scripted typing, pastes.
 */
export const emulator = defineModel<BotParams>({
  name: 'emulator',
  summary: 'an emulator driven by a script: mouse clicks of constant length, jittered typing, pastes',
  human: false,
  params: paramsSchema({ ...DEFAULTS }),
  defaults: DEFAULTS,
  actor: (p, rng) => scriptedActor(botStyle(p, 'mouse'), rng),
});
