/**
 * DEVICE_FLAT_SENSORS: motion sensors that do not move at all while a form is filled. A phone in a
 * hand trembles (accelerometer variance ~1e-4 g²); racks and emulators report constants. A phone
 * lying on a desk is nearly flat too, hence a low weight. Abstains without sensor consent (no
 * data is not flat data) and with too few samples.
 */
import { Type } from '@sinclair/typebox';
import { bool, defineRule, Exit, num } from '../define-rule';

export const NOT_CONSENTED = 'NOT_CONSENTED';

export const flatSensorsRule = defineRule({
  code: 'DEVICE_FLAT_SENSORS',
  version: 1,
  category: 'device',
  reads: ['sensors.present', 'sensors.samples', 'sensors.accelVariance', 'sensors.gyroVariance'],
  params: Type.Object({
    /** Fewer accelerometer samples than this: too little data to call the device flat. */
    minSamples: Type.Integer({ minimum: 2, default: 20 }),
    /** Largest per-axis variance (accelerometer g², gyroscope (rad/s)²) still counted as flat. */
    maxVariance: Type.Number({ minimum: 0, default: 1e-6 }),
  }),
  doc: 'Motion sensors sampled enough but flat (variance ≈ 0 on every axis): racks and emulators',
  measure(f, p) {
    const present = bool(f, 'sensors.present');
    if (present === null) return { exit: Exit.missingFeature };
    if (!present) return { exit: NOT_CONSENTED };
    const samples = num(f, 'sensors.samples');
    const accel = num(f, 'sensors.accelVariance');
    if (samples === null || accel === null) return { exit: Exit.missingFeature };
    const gyro = num(f, 'sensors.gyroVariance');
    const evidence = { samples, accelVariance: accel, gyroVariance: gyro };
    if (samples < p.minSamples) return { exit: Exit.tooLittleData, evidence };
    return { value: Math.max(accel, gyro ?? 0) <= p.maxVariance ? 1 : 0, evidence };
  },
});
