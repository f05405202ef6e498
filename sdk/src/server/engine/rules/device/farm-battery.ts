/**
 * DEVICE_FARM_BATTERY: charging at (or above) a full battery. Farm phones live on chargers at
 * 100 %; so does a genuine phone on a desk now and then, hence a low weight — the state rules see
 * the pattern across a farm's devices.
 */
import { Type } from '@sinclair/typebox';
import { bool, defineRule, Exit, num } from '../define-rule';
import { outOfScope } from './flag-rule';

export const farmBatteryRule = defineRule({
  code: 'DEVICE_FARM_BATTERY',
  version: 1,
  category: 'device',
  reads: ['device.charging', 'device.batteryLevel', 'device.platform'],
  params: Type.Object({
    /** Battery level (0–100) from which a charging phone counts as "parked on a charger". */
    minLevel: Type.Number({ minimum: 0, maximum: 100, default: 100 }),
  }),
  doc: 'Charging with the battery full (farm phones sit on chargers at 100 %)',
  measure(f, p) {
    const exit = outOfScope(f, 'miniProgram');
    if (exit) return { exit };
    const charging = bool(f, 'device.charging');
    const level = num(f, 'device.batteryLevel');
    if (charging === null || level === null) return { exit: Exit.missingFeature };
    return { value: charging && level >= p.minLevel ? 1 : 0, evidence: { level, charging } };
  },
});
