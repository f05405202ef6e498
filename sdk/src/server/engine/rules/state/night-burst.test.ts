import { describeRuleCases } from '../test-rule-cases';
import { NIGHT_BURST as rule, inHourRange } from './night-burst';

const at = (hour: number | null, subnetApps1h: number | null) => ({
  'ctx.hour': hour,
  'velocity.subnetApps1h': subnetApps1h,
});

describeRuleCases(rule, [
  { kind: 'hit', name: 'a /24 busy at 3 a.m.', features: at(3, 25), value: 25, evidence: { hour: 3 } },
  { kind: 'hit', name: 'midnight is night', features: at(0, 12), value: 12 },
  {
    kind: 'hit',
    name: 'range wrapped past midnight by params',
    features: at(23, 9),
    params: { startHour: 22, endHour: 5 },
    value: 9,
  },
  { kind: 'no hit', name: 'one night owl', features: at(2, 1), value: 1 },
  { kind: 'exit', name: 'daytime (6 is the exclusive end)', features: at(6, 40), exit: 'NOT_APPLICABLE' },
  { kind: 'exit', name: 'afternoon', features: at(15, 40), exit: 'NOT_APPLICABLE' },
  { kind: 'exit', name: 'subnet not counted (money move)', features: at(3, null), exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'hour missing', features: at(null, 40), exit: 'MISSING_FEATURE' },
]);

describe('inHourRange', () => {
  it.each([
    [0, 0, 6, true],
    [5, 0, 6, true],
    [6, 0, 6, false],
    [23, 22, 5, true],
    [4, 22, 5, true],
    [12, 22, 5, false],
    [3, 6, 6, false],
  ])('hour %i in [%i, %i) → %s', (hour, start, end, inside) => {
    expect(inHourRange(hour, start, end)).toBe(inside);
  });
});
