/** Every behaviour model by name: what a scenario's `behaviour:` may say. */
import type { BehaviourModel } from './model';
import { bot } from './bot';
import { clockSkew } from './clock-skew';
import { elderly } from './elderly';
import { emulator } from './emulator';
import { farm } from './farm';
import { genuine } from './genuine';
import { intermediary } from './intermediary';
import { replay } from './replay';
import { tamper } from './tamper';

export const MODELS: ReadonlyMap<string, BehaviourModel> = new Map(
  ([genuine, elderly, bot, farm, emulator, intermediary, replay, tamper, clockSkew] as BehaviourModel<never>[]).map(
    (m) => [m.name, m as unknown as BehaviourModel],
  ),
);

export type { Actor, Attack, BehaviourModel, BehaviourEvent, ScreenPlan, ScreenScript, FieldPlan } from './model';
