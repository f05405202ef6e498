import { describeRuleCases } from '../test-rule-cases';
import { TOKEN_FAILURES as rule } from './token-failures';

const failures = (ip1h: number | null, device1h: number | null) => ({
  'failures.ip1h': ip1h,
  'failures.device1h': device1h,
});

describeRuleCases(rule, [
  { kind: 'hit', name: 'replaying device', features: failures(3, 14), value: 14, evidence: { ip1h: 3, device1h: 14 } },
  {
    kind: 'hit',
    name: 'tampering from one IP, device unknown',
    features: failures(9, null),
    value: 9,
    evidence: { device1h: null },
  },
  { kind: 'no hit', name: 'clean client', features: failures(0, 0), value: 0 },
  { kind: 'no hit', name: 'one retry behind a NAT', features: failures(1, 0), value: 1 },
  { kind: 'exit', name: 'neither count available', features: failures(null, null), exit: 'MISSING_FEATURE' },
]);
