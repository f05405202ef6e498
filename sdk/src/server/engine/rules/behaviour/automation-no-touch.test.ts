import { describeRuleCases } from '../test-rule-cases';
import { AUTOMATION_NO_TOUCH as rule } from './automation-no-touch';

const session = (platform: string | null, fieldsFilled: number | null, touchCount: number | null) => ({
  'behaviour.present': true,
  'device.platform': platform,
  'behaviour.fieldsFilled': fieldsFilled,
  'behaviour.touchCount': touchCount,
});

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'Android form filled without a touch',
    features: session('android', 5, 0),
    value: 1,
    evidence: { fieldsFilled: 5, touchCount: 0 },
  },
  { kind: 'hit', name: 'HarmonyOS', features: session('ohos', 2, 0), value: 1 },
  { kind: 'no hit', name: 'iPhone with taps', features: session('ios', 5, 23), value: 0 },
  {
    kind: 'no hit',
    name: 'platform list widened to web by params',
    features: session('web', 3, 4),
    params: { touchPlatforms: ['web'] },
    value: 0,
  },
  { kind: 'exit', name: 'PC WeChat (mouse)', features: session('windows', 5, 0), exit: 'NOT_APPLICABLE' },
  { kind: 'exit', name: 'H5 (may be a desktop browser)', features: session('web', 5, 0), exit: 'NOT_APPLICABLE' },
  { kind: 'exit', name: 'no field filled yet', features: session('android', 0, 0), exit: 'NOT_APPLICABLE' },
  {
    kind: 'exit',
    name: 'behaviour not consented',
    features: { ...session('android', 5, 0), 'behaviour.present': false },
    exit: 'MISSING_FEATURE',
  },
  { kind: 'exit', name: 'platform unknown', features: session(null, 5, 0), exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'touch count missing', features: session('ios', 5, null), exit: 'MISSING_FEATURE' },
]);
