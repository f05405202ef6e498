import { CONSENT_LEVELS, type ConsentLevel } from '../manifest';

/**
 * `unknown → granted(levels) → withdrawn`. Re-granting after withdrawal is a fresh grant (the user
 * may change their mind); the client reacts to level changes itself, in `grantConsent`. Consent is not persisted by the SDK: storing "withdrawn" would itself be a write after
 * withdrawal, so the app (which owns the consent UI and its record) calls `grant` on every launch.
 */
export type ConsentState =
  { status: 'unknown' } | { status: 'granted'; levels: readonly ConsentLevel[] } | { status: 'withdrawn' };

export interface Consent {
  state(): ConsentState;
  /** True only while granted with `level` among the levels. */
  has(level: ConsentLevel): boolean;
  granted(): ReadonlySet<ConsentLevel>;
  grant(levels: readonly ConsentLevel[]): ConsentState;
  withdraw(): ConsentState;
}

export class ConsentError extends Error {
  override readonly name = 'ConsentError';
}

const EMPTY: ReadonlySet<ConsentLevel> = new Set();

export function createConsent(): Consent {
  let current: ConsentState = { status: 'unknown' };
  let levels: ReadonlySet<ConsentLevel> = EMPTY;

  const move = (next: ConsentState): ConsentState => {
    current = next;
    levels = next.status === 'granted' ? new Set(next.levels) : EMPTY;
    return next;
  };

  return {
    state: () => current,
    has: (level) => levels.has(level),
    granted: () => levels,
    grant(requested) {
      for (const l of requested) {
        if (!CONSENT_LEVELS.includes(l)) throw new ConsentError(`unknown consent level "${String(l)}"`);
      }
      // Behaviour and sensor data are only meaningful (and only sent) alongside the basic security
      // signals, so a grant without `basic` is a programming error, not a partial consent.
      if (!requested.includes('basic')) throw new ConsentError('consent must include "basic"');
      const ordered = CONSENT_LEVELS.filter((l) => requested.includes(l));
      return move({ status: 'granted', levels: ordered });
    },
    withdraw: () => move({ status: 'withdrawn' }),
  };
}
