import type { SensorKind } from '../platform/types';
import {
  createFieldStats,
  fieldBlur,
  fieldFocus,
  fieldInput,
  summariseField,
  type FieldStats,
  type FieldSummary,
} from './field-stats';
import { createPageStats, pageHide, pageShow, summarisePages, type PageStats, type PageSummary } from './page-stats';
import { createSensorStats, sensorSample, summariseSensor, type SensorStats, type SensorSummary } from './sensor-stats';
import {
  createTouchStats,
  summariseTouch,
  touchEnd,
  touchStart,
  type TouchStats,
  type TouchSummary,
} from './touch-stats';

/** Declared fields beyond this are ignored: memory stays fixed whatever the app does. */
export const MAX_FIELDS = 32;

/**
 * What the app calls from its event handlers. Every method takes an optional `at` (ms, e.g. the
 * event's `timeStamp` mapped to wall time); without it the SDK clock is used. Calls are ignored
 * until the matching consent level is granted. None of them accepts a field value.
 */
export interface BehaviourApi {
  focus(fieldId: string, at?: number): void;
  blur(fieldId: string, at?: number): void;
  /** Pass the new *length* of the field (`e.detail.value.length`), never the value. */
  input(fieldId: string, length: number, at?: number): void;
  touchStart(x: number, y: number, force?: number, at?: number): void;
  touchMove(at?: number): void;
  touchEnd(at?: number): void;
  pageShow(route: string, at?: number): void;
  pageHide(route?: string, at?: number): void;
  appHide(at?: number): void;
  appShow(at?: number): void;
  /** A motion sample; ignored unless the `sensors` level is granted and privacy was authorised. */
  sensor(kind: SensorKind, x: number, y: number, z: number, at?: number): void;
}

export interface BehaviourSummary {
  sinceLaunchMs: number;
  fields: Record<string, FieldSummary>;
  undeclaredFieldEvents: number;
  touch: TouchSummary;
  pages: PageSummary;
  app: { hides: number; shows: number; backgroundMs: number };
  sensors?: Record<SensorKind, SensorSummary>;
}

/**
 * Which manifest signal each summary section belongs to: a section leaves the device only when
 * its signal is declared and granted (see `gateSummary`).
 */
export const SUMMARY_SIGNALS = {
  sinceLaunchMs: 'behaviour.pages',
  fields: 'behaviour.fields',
  undeclaredFieldEvents: 'behaviour.fields',
  touch: 'behaviour.touch',
  pages: 'behaviour.pages',
  app: 'behaviour.app',
  sensors: 'sensors.motion',
} as const satisfies Record<keyof BehaviourSummary, string>;

/** The summary restricted to sections whose signal `allowed` accepts. */
export function gateSummary(
  summary: BehaviourSummary,
  allowed: (signal: string) => boolean,
): Partial<BehaviourSummary> {
  const out: Partial<BehaviourSummary> = {};
  for (const key of Object.keys(summary) as Array<keyof BehaviourSummary>) {
    if (allowed(SUMMARY_SIGNALS[key])) (out as Record<string, unknown>)[key] = summary[key];
  }
  return out;
}

/** Flags the client flips on consent changes; read per event, so they must be plain booleans. */
export interface BehaviourGate {
  behaviour: boolean;
  sensors: boolean;
}

export interface BehaviourCapture extends BehaviourApi {
  summary(now?: number): BehaviourSummary;
  /** Forget everything (withdrawal, or the behaviour level taken back). */
  reset(): void;
  /** Forget the sensor statistics only (the sensors level taken back). */
  resetSensors(): void;
  /** Sizes of every growable structure, for the bounded-memory test. */
  sizes(): { fields: number; pages: number; navRing: number; grid: number };
}

export function createBehaviourCapture(opts: {
  fields: readonly string[];
  now: () => number;
  gate: BehaviourGate;
  launchAt?: number;
}): BehaviourCapture {
  const { now, gate } = opts;
  const declared = opts.fields.slice(0, MAX_FIELDS);
  let launchAt = opts.launchAt ?? now();
  let fields = new Map<string, FieldStats>();
  let touch: TouchStats;
  let pages: PageStats;
  let accel: SensorStats;
  let gyro: SensorStats;
  let undeclared = 0;
  let app = { hides: 0, shows: 0, backgroundMs: 0, hiddenAt: -1 };

  const reset = () => {
    fields = new Map(declared.map((id) => [id, createFieldStats()]));
    touch = createTouchStats();
    pages = createPageStats();
    accel = createSensorStats();
    gyro = createSensorStats();
    undeclared = 0;
    app = { hides: 0, shows: 0, backgroundMs: 0, hiddenAt: -1 };
    launchAt = now();
  };
  reset();
  launchAt = opts.launchAt ?? launchAt;

  /** The event's time, or the SDK clock (one helper instead of `at ?? now()` in every handler). */
  const time = (at: number | undefined): number => (at == null ? now() : at);

  const field = (id: string): FieldStats | undefined => {
    const f = fields.get(id);
    if (f === undefined) undeclared++;
    return f;
  };

  return {
    focus(id, at) {
      if (!gate.behaviour) return;
      const f = field(id);
      if (f) fieldFocus(f, time(at));
    },
    blur(id, at) {
      if (!gate.behaviour) return;
      const f = field(id);
      if (f) fieldBlur(f, time(at));
    },
    input(id, length, at) {
      if (!gate.behaviour) return;
      const f = field(id);
      if (f) fieldInput(f, length, time(at));
    },
    touchStart(x, y, force, at) {
      if (gate.behaviour) touchStart(touch, x, y, force, time(at));
    },
    touchMove() {
      if (gate.behaviour) touch.moves++;
    },
    touchEnd(at) {
      if (gate.behaviour) touchEnd(touch, time(at));
    },
    pageShow(route, at) {
      if (gate.behaviour) pageShow(pages, route, time(at));
    },
    pageHide(_route, at) {
      if (gate.behaviour) pageHide(pages, time(at));
    },
    appHide(at) {
      if (!gate.behaviour) return;
      app.hides++;
      app.hiddenAt = time(at);
    },
    appShow(at) {
      if (!gate.behaviour) return;
      const t = time(at);
      app.shows++;
      if (app.hiddenAt >= 0) app.backgroundMs += Math.max(0, t - app.hiddenAt);
      app.hiddenAt = -1;
    },
    sensor(kind, x, y, z) {
      if (!gate.sensors) return;
      sensorSample(kind === 'gyroscope' ? gyro : accel, x, y, z);
    },
    summary(at) {
      const t = time(at);
      const out: BehaviourSummary = {
        sinceLaunchMs: Math.max(0, Math.round(t - launchAt)),
        fields: {},
        undeclaredFieldEvents: undeclared,
        touch: summariseTouch(touch),
        pages: summarisePages(pages, t),
        app: { hides: app.hides, shows: app.shows, backgroundMs: Math.round(app.backgroundMs) },
      };
      fields.forEach((f, id) => {
        out.fields[id] = summariseField(f, t);
      });
      if (gate.sensors) out.sensors = { accelerometer: summariseSensor(accel), gyroscope: summariseSensor(gyro) };
      return out;
    },
    reset,
    resetSensors() {
      accel = createSensorStats();
      gyro = createSensorStats();
    },
    sizes: () => ({
      fields: fields.size,
      pages: pages.names.length,
      navRing: pages.ring.length,
      grid: touch.grid.length,
    }),
  };
}
