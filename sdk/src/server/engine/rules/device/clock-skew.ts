/**
 * DEVICE_CLOCK_SKEW: how far the device clock is from the server's, in minutes (the magnitude; the
 * direction is evidence). Phones sync their clocks over the network; farms, emulators and replay
 * tools often do not, or set them on purpose.
 */
import { Type } from '@sinclair/typebox';
import { defineRule, Exit, num } from '../define-rule';

export const clockSkewRule = defineRule({
  code: 'DEVICE_CLOCK_SKEW',
  version: 1,
  category: 'device',
  reads: ['device.clockSkewMs'],
  params: Type.Object({}),
  doc: '|device clock − server clock| in minutes',
  measure(f) {
    const skewMs = num(f, 'device.clockSkewMs');
    if (skewMs === null) return { exit: Exit.missingFeature };
    return {
      value: Math.round(Math.abs(skewMs) / 6_000) / 10,
      evidence: { skewMs, direction: skewMs >= 0 ? '快' : '慢' },
    };
  },
});
