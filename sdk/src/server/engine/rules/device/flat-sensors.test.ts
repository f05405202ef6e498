import { describeRuleCases } from '../test-rule-cases';
import { flatSensorsRule, NOT_CONSENTED } from './flat-sensors';

const sensors = (samples: number | null, accel: number | null, gyro: number | null = accel) => ({
  'sensors.present': true,
  'sensors.samples': samples,
  'sensors.accelVariance': accel,
  'sensors.gyroVariance': gyro,
});

describeRuleCases(flatSensorsRule, [
  { kind: 'hit', name: 'a phone on a rack', features: sensors(120, 0), value: 1, evidence: { samples: 120 } },
  { kind: 'hit', name: 'below the variance floor', features: sensors(50, 4e-7, 1e-7), value: 1 },
  { kind: 'hit', name: 'no gyroscope, flat accelerometer', features: sensors(50, 0, null), value: 1 },
  { kind: 'no hit', name: 'a phone in a hand', features: sensors(50, 4e-4, 2e-4), value: 0 },
  { kind: 'no hit', name: 'flat accelerometer but a turning gyroscope', features: sensors(50, 0, 3e-3), value: 0 },
  { kind: 'exit', name: 'sensors not consented', features: { 'sensors.present': false }, exit: NOT_CONSENTED },
  { kind: 'exit', name: 'no token', features: {}, exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'too few samples', features: sensors(5, 0), exit: 'TOO_LITTLE_DATA', evidence: { samples: 5 } },
  { kind: 'exit', name: 'variance missing', features: sensors(50, null), exit: 'MISSING_FEATURE' },
]);
