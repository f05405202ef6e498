/**
 * Request features: everything the engine knows before it reads its store — the server context
 * (which the client cannot forge) and the verified token's measurements (which it can, within one
 * session's keys, so they are read defensively and cross-checked by rules, never trusted as
 * verdicts). Produces exactly the catalog's `token` and `server` features; the engine adds the
 * `state` and `channel` ones. Pure: no clock, no I/O; the same inputs give the same vector.
 */
import type { EngineContext, FeatureValue, VerifiedToken } from '../types';
import { behaviourFeatures } from './behaviour-features';
import { deviceFeatures } from './device-features';
import { ipPrefix } from './ip-prefix';
import { count, finite, flag, prop, rec, text, type Rec } from './read';

export interface ExtractOptions {
  /** Engine time of the decision, Unix ms. */
  at: number;
  /** Keyed hash (HMAC with the engine's identity key) of a value in a namespace: 'ip', 'subnet', 'device', 'visitor'. */
  hash: (kind: string, value: string) => string;
  /** Bank timezone, minutes east of UTC (480 for China). */
  timezoneOffsetMinutes: number;
  /** Declared field ids whose pastes count as `behaviour.identityPasteChars`. */
  identityFields: readonly string[];
}

/** The only payload layout this extractor knows (ActionPayload v1 in sdk/src/client.ts). */
const PAYLOAD_VERSION = 1;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function hourOfDay(at: number, timezoneOffsetMinutes: number): number | null {
  if (!Number.isFinite(at) || !Number.isFinite(timezoneOffsetMinutes)) return null;
  const local = at + timezoneOffsetMinutes * 60_000;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
}

function serverFeatures(token: VerifiedToken | null, ctx: Rec | null, opts: ExtractOptions) {
  const ip = ipPrefix(prop(ctx, 'ip'));
  const addedAt = finite(prop(ctx, 'accountAddedAt'));
  return {
    'ctx.action': text(prop(ctx, 'action'), 64),
    'ctx.hour': hourOfDay(opts.at, opts.timezoneOffsetMinutes),
    'ctx.ipKey': ip ? opts.hash('ip', ip.address) : null,
    'ctx.subnetKey': ip ? opts.hash('subnet', ip.subnet) : null,
    'ctx.hasToken': rec(token) !== null,
    'ctx.amountFen': count(prop(ctx, 'amountFen')),
    'ctx.accountAgeMs': addedAt !== null && Number.isFinite(opts.at) ? Math.max(0, opts.at - addedAt) : null,
    'identity.usccSharedWithOtherCustomer': flag(prop(rec(prop(ctx, 'identityFacts')), 'usccSharedWithOtherCustomer')),
  } satisfies Record<string, FeatureValue>;
}

export function extractRequestFeatures(
  token: VerifiedToken | null,
  ctx: EngineContext,
  opts: ExtractOptions,
): Record<string, FeatureValue> {
  const raw = rec(prop(rec(token), 'payload'));
  // Another payload version may reuse names with other meanings: read none of it rather than guess.
  const payload = raw !== null && prop(raw, 'v') === PAYLOAD_VERSION ? raw : null;
  return {
    ...serverFeatures(token, rec(ctx), opts),
    ...deviceFeatures({ payload, at: opts.at, hash: opts.hash }),
    ...behaviourFeatures(payload, opts.identityFields),
  };
}
