/**
 * The two ways a screen gets filled, shared by every model: by a person (log-normal key intervals,
 * pauses between digit groups, corrections, IME commits for Chinese, taps that land anywhere near
 * the target and last a varying time) or by a script (uniform or uniformly jittered intervals,
 * pastes, machine taps or none). Models differ only in their parameters.
 */
import type { ConsentLevel } from '@lingjie/risk-sdk/virtual';
import type { Rng } from '../random';
import type { Actor, BehaviourEvent, FieldPlan, Pause, ScreenPlan, ScreenScript } from './model';

/** Fields that carry an identity: pasting into them is what intermediaries and gangs do. */
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['idNumber', 'phone', 'uscc', 'accountNo']);

/** Phone layout in CSS px (a 390-wide screen): field rows, then the button bar. */
const SCREEN_W = 390;
const FIELD_TOP = 160;
const ROW_H = 84;
const BUTTON_Y = 760;

/** Where people pause while typing a number: the groups printed on the card or said aloud. */
function groupBreaks(field: FieldPlan): ReadonlySet<number> {
  switch (field.id) {
    case 'idNumber':
      return new Set([6, 14]); // region · birth date · sequence
    case 'phone':
      return new Set([3, 7]);
    case 'accountNo':
      return new Set([4, 8, 12, 16]);
    case 'uscc':
      return new Set([2, 8]);
    default:
      return new Set();
  }
}

const fieldY = (i: number) => FIELD_TOP + ROW_H * i;
const sensorSamplesFor = (durationMs: number) => Math.min(60, Math.max(5, Math.round(durationMs / 400)));

export interface HumanStyle {
  /** Median interval between key presses, ms, and the log-normal shape (CV ≈ 0.5–0.7 for people). */
  keyMedianMs: number;
  keySigma: number;
  /** Chance per character of a wrong key, noticed and deleted. */
  errorRate: number;
  /** Extra pause at a digit-group boundary (looking at the card), median ms. */
  groupPauseMs: number;
  /** Median time to read a screen before touching it, ms (reading screens ×4). */
  readMs: number;
  /** Median touch duration, ms. */
  tapMs: number;
  /** Median pause between finishing one control and touching the next, ms. */
  betweenMs: number;
  /** Median time per IME commit of Chinese text (pinyin typed, candidate picked), ms. */
  imeCommitMs: number;
  /** Chance an SMS code is filled from the keyboard suggestion (one multi-character event). */
  codeAutofill: number;
  /** Paste identity fields and Chinese text from a list instead of typing them (intermediary). */
  pasteIdentities: boolean;
  /** Chance to decline the sensors level on the consent screen. */
  declineSensors: number;
  /** Median waits, ms. */
  smsWaitMs: number;
  faceMs: number;
  repayAfterMs: number;
}

export function humanActor(s: HumanStyle, rng: Rng): Pick<Actor, 'consent' | 'screen' | 'pause'> {
  const consent: ConsentLevel[] = rng.chance(s.declineSensors)
    ? ['basic', 'behaviour']
    : ['basic', 'behaviour', 'sensors'];
  // People differ from each other as well as from key to key.
  const personal = rng.logNormal(1, 0.25);

  const screen = (plan: ScreenPlan): ScreenScript => {
    const ev: BehaviourEvent[] = [];
    let t = 0;
    const tap = (x: number, y: number) => {
      ev.push({ t, type: 'touchStart', x: clamp(x, 2, SCREEN_W - 2), y: Math.max(2, y) });
      t += Math.max(25, rng.logNormal(s.tapMs, 0.35));
      ev.push({ t, type: 'touchEnd' });
    };
    const scroll = () => {
      ev.push({ t, type: 'touchStart', x: rng.between(80, 320), y: rng.between(400, 700) });
      for (let m = rng.int(3, 9); m > 0; m--) {
        t += rng.between(12, 30);
        ev.push({ t, type: 'touchMove' });
      }
      t += rng.logNormal(60, 0.3);
      ev.push({ t, type: 'touchEnd' });
    };
    const key = () => Math.max(35, rng.logNormal(s.keyMedianMs * personal, s.keySigma));

    ev.push({ t, type: 'pageShow', route: plan.route });
    t += rng.logNormal(s.readMs * (plan.reading ? 4 : 1), 0.5);
    if (plan.reading) {
      // Scrolling through the notice or the contract, reading between swipes.
      for (let k = rng.int(2, 5); k > 0; k--) {
        scroll();
        t += rng.logNormal(s.readMs, 0.5);
      }
    } else if (rng.chance(0.3)) scroll();

    plan.fields.forEach((field, i) => {
      tap(rng.between(40, 350), fieldY(i) + rng.normal() * 12);
      ev.push({ t, type: 'focus', field: field.id });
      t += rng.logNormal(350, 0.4);
      let len = 0;
      const input = (next: number) => {
        len = next;
        ev.push({ t, type: 'input', field: field.id, length: len });
      };
      const paste =
        s.pasteIdentities && (IDENTITY_FIELDS.has(field.id) || field.kind === 'text' || field.kind === 'code');
      if (paste) {
        t += rng.logNormal(900, 0.3); // long press, then the paste menu
        tap(rng.between(40, 200), fieldY(i) - 40);
        input(field.length);
      } else if (field.kind === 'code' && rng.chance(s.codeAutofill)) {
        t += rng.logNormal(1200, 0.4); // the code appears above the keyboard
        tap(rng.between(120, 270), 520 + rng.normal() * 8);
        input(field.length);
      } else if (field.kind === 'text') {
        while (len < field.length) {
          t += rng.logNormal(s.imeCommitMs * personal, 0.4);
          input(Math.min(field.length, len + (rng.chance(0.35) ? 2 : 1)));
          if (len < field.length && rng.chance(s.errorRate)) {
            // A wrong candidate: deleted and picked again.
            t += rng.logNormal(700, 0.4);
            input(len - 1);
          }
        }
      } else {
        const breaks = groupBreaks(field);
        while (len < field.length) {
          t += key();
          if (breaks.has(len)) t += rng.logNormal(s.groupPauseMs, 0.5);
          if (rng.chance(s.errorRate)) {
            input(len + 1);
            t += rng.logNormal(550, 0.45); // noticing the wrong digit
            input(len - 1);
            t += key();
          }
          input(len + 1);
        }
      }
      t += rng.logNormal(s.betweenMs * 0.4, 0.5);
      ev.push({ t, type: 'blur', field: field.id });
      t += rng.logNormal(s.betweenMs, 0.5);
    });
    for (let k = 0; k < plan.taps; k++) {
      t += rng.logNormal(s.betweenMs, 0.5);
      const last = k === plan.taps - 1;
      tap(
        last ? rng.between(60, 330) : rng.between(30, 360),
        last ? BUTTON_Y + rng.normal() * 10 : rng.between(200, 700),
      );
    }
    t += rng.logNormal(250, 0.3);
    ev.push({ t, type: 'pageHide', route: plan.route });
    return { events: ev, durationMs: Math.round(t), sensorSamples: sensorSamplesFor(t) };
  };

  const pause = (kind: Pause) =>
    Math.round(
      kind === 'sms'
        ? rng.logNormal(s.smsWaitMs, 0.5)
        : kind === 'face'
          ? rng.logNormal(s.faceMs, 0.4)
          : kind === 'decision'
            ? rng.logNormal(s.readMs * 2, 0.5)
            : rng.logNormal(s.repayAfterMs, 0.5),
    );

  return { consent, screen, pause };
}

export interface ScriptStyle {
  /** Interval between input events, ms. */
  intervalMs: number;
  /** Uniform jitter as a fraction of the interval (0 = metronome; 0.3 → CV ≈ 0.17). */
  jitter: number;
  /** Paste identity fields and text (scripts fill from a data file). */
  paste: boolean;
  /** none: no touches at all; fixed: automation taps at the same spot for the same time; mouse: an emulator's clicks. */
  taps: 'none' | 'fixed' | 'mouse';
  /** Consent levels the script ticks. */
  consent: ConsentLevel[];
  /** Waits, ms (scripts poll the SMS gateway). */
  smsWaitMs: number;
  faceMs: number;
  repayAfterMs: number;
}

export function scriptedActor(s: ScriptStyle, rng: Rng): Pick<Actor, 'consent' | 'screen' | 'pause'> {
  const step = () => s.intervalMs * (1 + s.jitter * (2 * rng.unit() - 1));
  const screen = (plan: ScreenPlan): ScreenScript => {
    const ev: BehaviourEvent[] = [];
    let t = 0;
    const tap = (i: number, mouseX: number, mouseY: number) => {
      if (s.taps === 'none') return;
      if (s.taps === 'fixed') ev.push({ t, type: 'touchStart', x: 195, y: FIELD_TOP + ROW_H * (i % 4) });
      else ev.push({ t, type: 'touchStart', x: mouseX, y: mouseY });
      t += s.taps === 'fixed' ? 50 : 80 + rng.int(0, 3);
      ev.push({ t, type: 'touchEnd' });
    };
    ev.push({ t, type: 'pageShow', route: plan.route });
    t += step() * 4;
    plan.fields.forEach((field, i) => {
      tap(i, rng.between(60, 330), fieldY(i) + rng.between(-8, 8));
      ev.push({ t, type: 'focus', field: field.id });
      t += step();
      if (s.paste && (IDENTITY_FIELDS.has(field.id) || field.kind === 'text')) {
        ev.push({ t, type: 'input', field: field.id, length: field.length });
      } else {
        for (let len = 1; len <= field.length; len++) {
          ev.push({ t, type: 'input', field: field.id, length: len });
          if (len < field.length) t += step();
        }
      }
      t += step();
      ev.push({ t, type: 'blur', field: field.id });
      t += step();
    });
    for (let k = 0; k < plan.taps; k++) {
      t += step();
      tap(plan.fields.length + k, rng.between(60, 330), BUTTON_Y);
    }
    t += step();
    ev.push({ t, type: 'pageHide', route: plan.route });
    return { events: ev, durationMs: Math.round(t), sensorSamples: sensorSamplesFor(t) };
  };
  const pause = (kind: Pause) =>
    Math.round(
      (kind === 'sms'
        ? s.smsWaitMs
        : kind === 'face'
          ? s.faceMs
          : kind === 'decision'
            ? s.intervalMs * 10
            : s.repayAfterMs) *
        (1 + 0.1 * (2 * rng.unit() - 1)),
    );
  return { consent: s.consent, screen, pause };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
