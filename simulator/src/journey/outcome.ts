/**
 * One applicant's journey as recorded, and how it counts: caught (fraud that got no money without
 * a fight), falsely rejected (a genuine owner turned away), or neither.
 */
import { REASON_CODES_IN_ORDER } from '@lingjie/risk-sdk/server';

export type Label = 'fraud' | 'genuine';

/** Final outcome, most decisive first when several things happened. */
export const OUTCOMES = [
  'refused', // the bank refused the risk token (replay, tamper, clock) — nothing was processed
  'blocked', // a money move was blocked
  'held', // a money move was parked for staff review
  'rejected', // the application was rejected
  'review', // the application went to review
  'step-up', // a money move needed an SMS re-check (then passed)
  'error', // an unexpected answer: a simulator or bank problem, listed in the report
  'approved', // approved, and every money move asked went through
  'done', // the population's steps end before an application
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type MoveOutcome = 'allow' | 'step-up' | 'hold' | 'block';

export interface JourneyRecord {
  index: number;
  population: string;
  label: Label;
  channel: string;
  device: string;
  ip: string;
  arrivalAt: number;
  endedAt: number;
  completed: string[];
  application: { status: 'approved' | 'review' | 'rejected'; reasonCodes: string[]; at: number } | null;
  moves: Array<{ action: string; outcome: MoveOutcome; at: number }>;
  refused: { step: string; code: string; at: number } | null;
  /** An unexpected answer (status, code) or exception (status 0, with its message). */
  error: { step: string; status: number; code: string; message?: string } | null;
  /** The protocol attack, and the bank's answer to the attacking request. */
  attack: { kind: string; status: number; code: string | null } | null;
  outcome: Outcome;
}

export const TOKEN_REFUSALS: ReadonlySet<string> = new Set(REASON_CODES_IN_ORDER);

/** The rule code of a channel lockdown: genuine applicants it rejects are counted apart. */
export const LOCKDOWN_CODE = 'CHANNEL_LOCKDOWN';

export function finalOutcome(r: Omit<JourneyRecord, 'outcome'>): Outcome {
  if (r.refused) return 'refused';
  if (r.moves.some((m) => m.outcome === 'block')) return 'blocked';
  if (r.moves.some((m) => m.outcome === 'hold')) return 'held';
  if (r.application?.status === 'rejected') return 'rejected';
  if (r.application?.status === 'review') return 'review';
  if (r.moves.some((m) => m.outcome === 'step-up')) return 'step-up';
  if (r.error) return 'error';
  if (r.application?.status === 'approved') return 'approved';
  return 'done';
}

/** Fraud caught: it got no money without the bank pushing back. */
export const isCaught = (o: Outcome): boolean =>
  o === 'refused' || o === 'blocked' || o === 'held' || o === 'rejected' || o === 'review' || o === 'step-up';

/** A genuine owner turned away (review, step-up and hold are friction, not refusal). */
export const isRejection = (o: Outcome): boolean => o === 'refused' || o === 'blocked' || o === 'rejected';

/** Rejected only because the channel was locked down (collateral of a surge), not for anything of theirs. */
export const isLockdownCollateral = (r: JourneyRecord): boolean =>
  r.outcome === 'rejected' && (r.application?.reasonCodes.includes(LOCKDOWN_CODE) ?? false);
