import { Type } from '@sinclair/typebox';
import { Exit, defineRule, num, str } from '../define-rule';
import { behaviourMissing } from './consent-gate';

/**
 * On a phone, reaching a form and focusing its fields takes taps; fields filled with no touch at
 * all since launch means input injected by a script or an accessibility/automation service. Not
 * applicable where a mouse and keyboard are normal (PC/Mac WeChat, devtools, H5 on a desktop).
 * Flag: 1 = fields filled without a touch. Screen-reader activation may not raise touch events,
 * so the recommended weight stays below review on its own.
 */
export const AUTOMATION_NO_TOUCH = defineRule({
  code: 'AUTOMATION_NO_TOUCH',
  version: 1,
  category: 'behaviour',
  reads: ['behaviour.present', 'device.platform', 'behaviour.fieldsFilled', 'behaviour.touchCount'],
  params: Type.Object(
    {
      touchPlatforms: Type.Array(Type.String({ minLength: 1 }), {
        default: ['ios', 'android', 'ohos'],
        description: 'Platforms where input comes through the touch screen',
      }),
      minFields: Type.Integer({ minimum: 1, default: 1, description: 'Filled fields needed to judge' }),
    },
    { additionalProperties: false },
  ),
  doc: 'Fields filled with zero touches on a touch-screen platform (1 = yes)',
  measure(f, p) {
    const absent = behaviourMissing(f);
    if (absent) return absent;
    const platform = str(f, 'device.platform');
    if (platform === null) return { exit: Exit.missingFeature };
    if (!p.touchPlatforms.includes(platform)) return { exit: Exit.notApplicable, evidence: { platform } };
    const fieldsFilled = num(f, 'behaviour.fieldsFilled');
    const touchCount = num(f, 'behaviour.touchCount');
    if (fieldsFilled === null || touchCount === null) return { exit: Exit.missingFeature };
    if (fieldsFilled < p.minFields) return { exit: Exit.notApplicable, evidence: { fieldsFilled } };
    return { value: touchCount <= 0 ? 1 : 0, evidence: { platform, fieldsFilled, touchCount } };
  },
});
