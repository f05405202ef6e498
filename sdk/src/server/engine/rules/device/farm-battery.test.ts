import { describeRuleCases } from '../test-rule-cases';
import { farmBatteryRule } from './farm-battery';

const battery = (level: number | null, charging: boolean | null) => ({
  'device.platform': 'android',
  'device.batteryLevel': level,
  'device.charging': charging,
});

describeRuleCases(farmBatteryRule, [
  {
    kind: 'hit',
    name: 'on a charger at 100 %',
    features: battery(100, true),
    value: 1,
    evidence: { level: 100, charging: true },
  },
  {
    kind: 'hit',
    name: 'at 95 % with a lower configured level',
    features: battery(95, true),
    params: { minLevel: 95 },
    value: 1,
  },
  { kind: 'no hit', name: 'charging at 40 %', features: battery(40, true), value: 0 },
  { kind: 'no hit', name: 'full but unplugged', features: battery(100, false), value: 0 },
  { kind: 'exit', name: 'battery probe failed', features: battery(null, null), exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'level missing', features: battery(null, true), exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'H5 page', features: { 'device.platform': 'web' }, exit: 'NOT_APPLICABLE' },
]);
