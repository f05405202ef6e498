/**
 * Token features from the on-device behaviour summary (`payload.behaviour`, the SDK's
 * BehaviourSummary restricted to the granted sections). A section that is absent — not consented,
 * or not sent — gives nulls, so rules exit instead of reading "no touches" into a missing section.
 */
import type { FeatureValue } from '../types';
import { poolMoments, readMoments, type MomentSummary } from './pooled-welford';
import { count, finiteSum, prop, rec, ratio, round, type Rec } from './read';

interface FieldFacts {
  inputEvents: number;
  charsTyped: number;
  pastedChars: number;
  deletions: number;
  fillMs: number;
  interval: MomentSummary | null;
}

/** One field's summary, or null when its counters are malformed (then it counts nowhere). */
function readField(x: unknown): FieldFacts | null {
  const o = rec(x);
  const inputEvents = count(prop(o, 'inputEvents'));
  const charsTyped = count(prop(o, 'charsTyped'));
  const pastedChars = count(prop(o, 'pastedChars'));
  const deletions = count(prop(o, 'deletions'));
  const fillMs = count(prop(o, 'fillMs'));
  if (inputEvents === null || charsTyped === null || pastedChars === null || deletions === null || fillMs === null)
    return null;
  return { inputEvents, charsTyped, pastedChars, deletions, fillMs, interval: readMoments(prop(o, 'interval')) };
}

const roundOrNull = (x: number | null, digits: number) => (x === null ? null : round(x, digits));

/** Coefficient of variation; none for a zero or negative mean (all events in one millisecond). */
const cv = (m: MomentSummary) => (m.mean > 0 ? roundOrNull(ratio(m.std, m.mean), 4) : null);

const sumOf = (facts: readonly FieldFacts[], key: Exclude<keyof FieldFacts, 'interval'>) =>
  finiteSum(facts.map((f) => f[key]));

function fieldFeatures(section: Rec | null, identityFields: readonly string[]): Record<string, FeatureValue> {
  if (section === null)
    return {
      'behaviour.fieldsFilled': null,
      'behaviour.charsTyped': null,
      'behaviour.charsPasted': null,
      'behaviour.identityPasteChars': null,
      'behaviour.deletions': null,
      'behaviour.keyIntervalMeanMs': null,
      'behaviour.keyIntervalCv': null,
      'behaviour.keyIntervalSamples': null,
      'behaviour.fillMs': null,
      'behaviour.msPerChar': null,
    };
  const facts = Object.keys(section)
    .map((id) => readField(section[id]))
    .filter((f): f is FieldFacts => f !== null);
  const identity = [...new Set(identityFields)]
    .map((id) => readField(prop(section, id)))
    .filter((f): f is FieldFacts => f !== null);
  const typed = sumOf(facts, 'charsTyped');
  const pasted = sumOf(facts, 'pastedChars');
  const fillMs = sumOf(facts, 'fillMs');
  const chars = typed !== null && pasted !== null ? finiteSum([typed, pasted]) : null;
  const pooled = poolMoments(facts.map((f) => f.interval).filter((m): m is MomentSummary => m !== null));
  return {
    'behaviour.fieldsFilled': facts.filter((f) => f.inputEvents > 0).length,
    'behaviour.charsTyped': typed,
    'behaviour.charsPasted': pasted,
    // No identity field among the app's declared fields: not measured, rather than "nothing pasted".
    'behaviour.identityPasteChars': identity.length === 0 ? null : sumOf(identity, 'pastedChars'),
    'behaviour.deletions': sumOf(facts, 'deletions'),
    'behaviour.keyIntervalMeanMs': pooled && pooled.n >= 1 ? round(pooled.mean, 1) : null,
    // A spread needs two intervals.
    'behaviour.keyIntervalCv': pooled && pooled.n >= 2 ? cv(pooled) : null,
    'behaviour.keyIntervalSamples': pooled ? pooled.n : null,
    'behaviour.fillMs': fillMs,
    'behaviour.msPerChar': fillMs !== null && chars !== null && chars > 0 ? roundOrNull(ratio(fillMs, chars), 1) : null,
  };
}

function touchFeatures(section: Rec | null): Record<string, FeatureValue> {
  const interTap = readMoments(prop(section, 'interTap'));
  const tapDuration = readMoments(prop(section, 'tapDuration'));
  return {
    'behaviour.touchCount': count(prop(section, 'count')),
    'behaviour.touchIntervalCv': interTap && interTap.n >= 2 ? cv(interTap) : null,
    'behaviour.tapDurationStd': tapDuration && tapDuration.n >= 2 ? round(tapDuration.std, 1) : null,
  };
}

/** Largest of the per-axis variances, or null unless all three axes are finite and ≥ 0. */
function largestVariance(sensor: Rec | null): number | null {
  const v = prop(sensor, 'variance');
  if (!Array.isArray(v) || v.length !== 3) return null;
  const axes = v.map(count);
  return axes.every((a): a is number => a !== null) ? Math.max(...axes) : null;
}

function sensorFeatures(behaviour: Rec | null, payloadPresent: boolean): Record<string, FeatureValue> {
  const section = rec(prop(behaviour, 'sensors'));
  const accel = rec(prop(section, 'accelerometer'));
  const gyro = rec(prop(section, 'gyroscope'));
  const samples = count(prop(accel, 'samples')) ?? count(prop(gyro, 'samples'));
  return {
    'sensors.present': payloadPresent ? section !== null : null,
    'sensors.samples': samples,
    'sensors.accelVariance': largestVariance(accel),
    'sensors.gyroVariance': largestVariance(gyro),
  };
}

export function behaviourFeatures(
  payload: Rec | null,
  identityFields: readonly string[],
): Record<string, FeatureValue> {
  const behaviour = rec(prop(payload, 'behaviour'));
  const pages = rec(prop(behaviour, 'pages'));
  return {
    'behaviour.present': payload === null ? null : behaviour !== null,
    ...touchFeatures(rec(prop(behaviour, 'touch'))),
    ...fieldFeatures(rec(prop(behaviour, 'fields')), identityFields),
    'behaviour.sinceLaunchMs': count(prop(behaviour, 'sinceLaunchMs')),
    'behaviour.pageViews': count(prop(pages, 'views')),
    ...sensorFeatures(behaviour, payload !== null),
  };
}
