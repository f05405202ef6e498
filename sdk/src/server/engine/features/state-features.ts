/**
 * The 'state' features: what this request adds to the engine's windows and graph, and what is
 * counted back. Observations are written before counting, so every count includes this request
 * (thresholds in the rule sets are set with that in mind) and two concurrent requests see each other.
 */
import type { CountQuery, Observation } from '../state/engine-store';
import type { FeatureValue } from '../types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Subjects {
  user: string;
  device: string | null;
  /** Null when the bank passed no parseable address. */
  ip: string | null;
  subnet: string | null;
  residentId?: string;
  phone?: string;
  uscc?: string;
  account?: string;
}

interface Counted {
  feature: string;
  key: string;
  windowMs: number;
}

export const APPLY_ACTION = 'loan.apply';

/** Observations of one decision; `member` is the decision id where we count events, a subject where we count distinct subjects. */
export function observationsFor(action: string, s: Subjects, decisionId: string): Observation[] {
  const out: Observation[] = [];
  if (action === APPLY_ACTION) {
    if (s.residentId) out.push([`app:id:${s.residentId}`, decisionId]);
    if (s.phone) out.push([`app:phone:${s.phone}`, decisionId]);
    if (s.uscc) out.push([`app:uscc:${s.uscc}`, decisionId]);
    if (s.device) out.push([`app:dev:${s.device}`, decisionId]);
    if (s.ip) out.push([`app:ip:${s.ip}`, decisionId]);
    if (s.subnet) out.push([`app:net:${s.subnet}`, decisionId]);
  }
  if (s.device) {
    out.push([`dev:user:${s.device}`, s.user]);
    if (s.residentId) out.push([`dev:id:${s.device}`, s.residentId], [`id:dev:${s.residentId}`, s.device]);
  }
  if (s.account) out.push([`acct:move:${s.account}`, decisionId], [`acct:user:${s.account}`, s.user]);
  return out;
}

function countsFor(action: string, s: Subjects): Counted[] {
  const c: Counted[] = [];
  const add = (feature: string, key: string | null | undefined, prefix: string, windowMs: number) => {
    if (key) c.push({ feature, key: prefix + key, windowMs });
  };
  if (action === APPLY_ACTION) {
    add('velocity.identityApps24h', s.residentId, 'app:id:', DAY);
    add('velocity.phoneApps24h', s.phone, 'app:phone:', DAY);
    add('velocity.usccApps24h', s.uscc, 'app:uscc:', DAY);
    add('velocity.deviceApps24h', s.device, 'app:dev:', DAY);
    add('velocity.ipApps1h', s.ip, 'app:ip:', HOUR);
    add('velocity.subnetApps1h', s.subnet, 'app:net:', HOUR);
  }
  add('graph.deviceIdentities7d', s.device, 'dev:id:', 7 * DAY);
  add('graph.deviceUsers7d', s.device, 'dev:user:', 7 * DAY);
  add('graph.identityDevices7d', s.residentId, 'id:dev:', 7 * DAY);
  add('graph.deviceApplied30d', s.device, 'app:dev:', 30 * DAY);
  add('velocity.accountMoves24h', s.account, 'acct:move:', DAY);
  add('graph.accountUsers30d', s.account, 'acct:user:', 30 * DAY);
  add('failures.ip1h', s.ip, 'fail:ip:', HOUR);
  add('failures.device1h', s.device, 'fail:dev:', HOUR);
  return c;
}

/** Every 'state' feature name, null unless counted for this action and these subjects. */
export const STATE_FEATURES = [
  'velocity.identityApps24h',
  'velocity.phoneApps24h',
  'velocity.usccApps24h',
  'velocity.deviceApps24h',
  'velocity.ipApps1h',
  'velocity.subnetApps1h',
  'velocity.accountMoves24h',
  'graph.deviceIdentities7d',
  'graph.deviceUsers7d',
  'graph.identityDevices7d',
  'graph.accountUsers30d',
  'graph.deviceApplied30d',
  'failures.ip1h',
  'failures.device1h',
] as const;

export function stateQueries(action: string, s: Subjects, at: number): { names: string[]; queries: CountQuery[] } {
  const counted = countsFor(action, s);
  return {
    names: counted.map((c) => c.feature),
    queries: counted.map((c) => ({ key: c.key, since: at - c.windowMs })),
  };
}

export function stateFeatures(names: string[], counts: number[]): Record<string, FeatureValue> {
  const out: Record<string, FeatureValue> = Object.fromEntries(STATE_FEATURES.map((n) => [n, null]));
  names.forEach((n, i) => (out[n] = counts[i]));
  return out;
}

/** Keys of a refused token: per IP, and per device when its session is known. */
export function failureObservations(ip: string | null, device: string | null, failureId: string): Observation[] {
  const out: Observation[] = [];
  if (ip) out.push([`fail:ip:${ip}`, failureId]);
  if (device) out.push([`fail:dev:${device}`, failureId]);
  return out;
}
