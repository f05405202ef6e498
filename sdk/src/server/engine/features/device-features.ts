/**
 * Token features from the collector snapshot (`payload.device`): device, network, battery, launch,
 * install, and the H5 signals. Measurements only — BotD's `bot` is a number to weigh, not a verdict.
 */
import type { FeatureValue } from '../types';
import { deviceKey } from './device-key';
import { count, finite, flag, prop, rec, signalValue, text, type Rec } from './read';

export const UNKNOWN_CHANNEL = 'unknown';
const MAX_CHANNEL = 64;
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Launch channel as a surge-detection key: trimmed, lower-cased, printable, ≤ 64 chars; 'unknown' when absent. */
export function channelOf(raw: unknown): string {
  if (typeof raw !== 'string') return UNKNOWN_CHANNEL;
  const c = raw.replace(CONTROL, '').trim().toLowerCase().slice(0, MAX_CHANNEL).trim();
  return c === '' ? UNKNOWN_CHANNEL : c;
}

/** The H5 headless traits that are booleans (hardwareConcurrency travels raw and is not a trait). */
const HEADLESS_BOOLEAN_TRAITS = [
  'uaHeadless',
  'noPlugins',
  'noLanguages',
  'noChromeObject',
  'zeroOuterSize',
  'notificationDeniedDefault',
] as const;

function headlessTraits(v: Rec | null): number | null {
  if (v === null) return null;
  let seen = 0;
  let present = 0;
  for (const t of HEADLESS_BOOLEAN_TRAITS) {
    const b = flag(prop(v, t));
    if (b === null) continue;
    seen++;
    if (b) present++;
  }
  return seen === 0 ? null : present;
}

function screenRecording(v: Rec | null): boolean | null {
  const state = prop(v, 'state');
  return state === 'on' ? true : state === 'off' ? false : null;
}

export interface DeviceFeatureInput {
  payload: Rec | null;
  at: number;
  hash: (kind: string, value: string) => string;
}

export function deviceFeatures({ payload, at, hash }: DeviceFeatureInput): Record<string, FeatureValue> {
  const snapshot = rec(prop(payload, 'device'));
  const value = (signal: string) => rec(signalValue(snapshot, signal));
  const info = value('device');
  const win = value('window');
  const appBase = value('appBase');
  const network = value('network');
  const battery = value('battery');
  const launch = value('launch');
  const install = value('installId');
  const fingerprint = value('fingerprint');
  const kind = text(prop(payload, 'platform'), 16);
  const visitorId = text(prop(fingerprint, 'visitorId'));

  const platform = text(prop(info, 'platform'), 32)?.toLowerCase() ?? (kind === 'web' ? 'web' : null);
  const level = finite(prop(battery, 'level'));
  const deviceTime = finite(prop(payload, 'deviceTime'));
  const skew = deviceTime !== null && Number.isFinite(at) ? Math.round(deviceTime - at) : null;
  const launchCount = count(signalValue(snapshot, 'launchCount'));
  const scene = finite(prop(launch, 'scene'));

  return {
    'ctx.channel': channelOf(prop(launch, 'channel')),
    'ctx.scene': scene !== null && Number.isInteger(scene) && scene > 0 ? scene : null,

    'device.key': deviceKey({ kind, device: info, window: win, visitorId }, prop(install, 'id'), hash),
    'device.platform': platform,
    'device.brand': text(prop(info, 'brand')),
    'device.model': text(prop(info, 'model')),
    'device.system': text(prop(info, 'system')),
    'device.abi': text(prop(info, 'abi'), 32)?.toLowerCase() ?? null,
    'device.benchmarkLevel': finite(prop(info, 'benchmarkLevel')),
    'device.memorySize': count(prop(info, 'memorySize')),
    'device.screenWidth': count(prop(win, 'screenWidth')),
    'device.screenHeight': count(prop(win, 'screenHeight')),
    'device.pixelRatio': count(prop(win, 'pixelRatio')),
    'device.debug': flag(prop(appBase, 'enableDebug')),
    'device.proxy': flag(prop(network, 'hasSystemProxy')),
    'device.networkType': text(prop(network, 'networkType'), 32)?.toLowerCase() ?? null,
    'device.batteryLevel': level !== null && level >= 0 && level <= 100 ? level : null,
    'device.charging': flag(prop(battery, 'isCharging')),
    'device.screenRecording': screenRecording(value('screenRecording')),
    'device.clockSkewMs': skew,
    'device.installFresh': flag(prop(install, 'fresh')),
    'device.launchCount': launchCount !== null && Number.isInteger(launchCount) ? launchCount : null,
    'device.telemetryDropped': count(prop(rec(prop(payload, 'telemetry')), 'dropped')),

    'web.webdriver': flag(prop(value('webdriver'), 'webdriver')),
    'web.headlessTraits': headlessTraits(value('headless')),
    'web.botdBot': flag(prop(value('botd'), 'bot')),
    'web.visitorKey': visitorId === null ? null : hash('visitor', visitorId),
  };
}
