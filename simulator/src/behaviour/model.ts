/**
 * What a behaviour model is: given a screen of the app (its fields and buttons), it produces the
 * timed events the app would pass to the SDK's behaviour API while someone (or something) fills it,
 * plus the pauses between screens. The journey replays those events through the real SDK client.
 */
import type { TSchema } from '@sinclair/typebox';
import type { ConsentLevel, DeviceProfile } from '@lingjie/risk-sdk/virtual';
import type { Rng } from '../random';

/** How a field is entered: digits on the numeric keyboard, Chinese text through an IME, or a code. */
export type FieldKind = 'digits' | 'text' | 'code';

export interface FieldPlan {
  /** A declared risk field id (src/services/risk/fields.ts). */
  id: string;
  /** Characters the value has. */
  length: number;
  kind: FieldKind;
}

/** One screen of the app the actor fills before the journey sends a request. */
export interface ScreenPlan {
  /** The page name the app reports (`useRiskPage`). */
  route: string;
  fields: FieldPlan[];
  /** Taps besides the fields: checkboxes, pickers, the submit button. */
  taps: number;
  /** The screen shows text worth reading (consent notice, contract): humans dwell longer. */
  reading?: boolean;
}

export type BehaviourEvent =
  | { t: number; type: 'pageShow'; route: string }
  | { t: number; type: 'pageHide'; route: string }
  | { t: number; type: 'focus'; field: string }
  | { t: number; type: 'blur'; field: string }
  | { t: number; type: 'input'; field: string; length: number }
  | { t: number; type: 'touchStart'; x: number; y: number; force?: number }
  | { t: number; type: 'touchMove' }
  | { t: number; type: 'touchEnd' };

/** Events with times relative to the screen's start (ms), and how long the screen took. */
export interface ScreenScript {
  events: BehaviourEvent[];
  durationMs: number;
  /** Motion-sensor samples taken while on the screen (the device's noise decides their variance). */
  sensorSamples: number;
}

/** Waits that are not form filling. */
export type Pause = 'sms' | 'face' | 'decision' | 'before-repay';

/** A protocol attack the journey performs on one of its requests. */
export type Attack =
  | { kind: 'replay'; target: 'apply' | 'drawdown' }
  | { kind: 'tamper'; target: 'apply' | 'drawdown' }
  | { kind: 'clock-skew'; skewMs: number; mode: 'static' | 'jump' };

/** One applicant's behaviour, made by a model for a journey. */
export interface Actor {
  /** SDK consent levels granted on the consent screen. */
  consent: ConsentLevel[];
  screen(plan: ScreenPlan): ScreenScript;
  pause(kind: Pause): number;
  attack?: Attack;
  /** Device fields the model forces (e.g. a skewed clock). */
  deviceOverrides?: Partial<DeviceProfile>;
}

export interface BehaviourModel<P = Record<string, unknown>> {
  name: string;
  /** One line for the README and `--help`. */
  summary: string;
  /** Whether the model plays a person (for the statistics test and the docs). */
  human: boolean;
  /** Parameters a scenario may set, with their defaults. */
  params: TSchema;
  defaults: P;
  actor(params: P, rng: Rng): Actor;
}

/** Declares a model with typed params (the registry stores them erased). */
export function defineModel<P>(model: BehaviourModel<P>): BehaviourModel<P> {
  return model;
}
