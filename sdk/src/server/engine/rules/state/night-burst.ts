import { Type } from '@sinclair/typebox';
import { Exit, defineRule, num } from '../define-rule';

const Hour = (d: number, description: string) => Type.Integer({ minimum: 0, maximum: 24, default: d, description });

/** Whether `hour` lies in [start, end), wrapping past midnight when start > end (e.g. 23 → 5). */
export const inHourRange = (hour: number, start: number, end: number): boolean =>
  start <= end ? hour >= start && hour < end : hour >= start || hour < end;

/**
 * Farms and gangs work through the night when review staff are away; owners of small firms apply
 * by day. The value is the /24's applications in the last hour, measured only in the night range
 * (bank timezone); by day the rule does not apply — SUBNET_VELOCITY covers the daytime count.
 */
export const NIGHT_BURST = defineRule({
  code: 'NIGHT_BURST',
  version: 1,
  category: 'velocity',
  reads: ['ctx.hour', 'velocity.subnetApps1h'],
  params: Type.Object(
    {
      startHour: Hour(0, 'First night hour (inclusive), bank timezone'),
      endHour: Hour(6, 'End of the night (exclusive); below startHour wraps past midnight'),
    },
    { additionalProperties: false },
  ),
  doc: 'Applications from this /24 in the last hour, during night hours (default 0–6)',
  measure(f, p) {
    const hour = num(f, 'ctx.hour');
    if (hour === null) return { exit: Exit.missingFeature };
    if (!inHourRange(hour, p.startHour, p.endHour)) return { exit: Exit.notApplicable, evidence: { hour } };
    const subnetApps = num(f, 'velocity.subnetApps1h');
    if (subnetApps === null || subnetApps < 0) return { exit: Exit.missingFeature };
    return { value: subnetApps, evidence: { hour } };
  },
});
