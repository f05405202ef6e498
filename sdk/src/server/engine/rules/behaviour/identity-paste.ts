import { Exit, defineRule, num } from '../define-rule';
import { Type } from '@sinclair/typebox';
import { behaviourMissing } from './consent-gate';

/**
 * Resident ID, phone, USCC and account number are digits (and X / capitals): an IME cannot commit
 * several of them in one input event, so a burst there is a paste or autofill. An intermediary
 * filling forms for many people pastes each identity from a list. Genuine owners paste too — an
 * account number copied from the bank's app, a phone number offered by the keyboard — so the
 * value is the characters pasted, and the bands keep one pasted field light.
 */
export const IDENTITY_PASTE = defineRule({
  code: 'IDENTITY_PASTE',
  version: 1,
  category: 'behaviour',
  reads: ['behaviour.present', 'behaviour.identityPasteChars', 'behaviour.charsPasted'],
  params: Type.Object({}, { additionalProperties: false }),
  doc: 'Characters pasted or autofilled into identity fields (resident ID, phone, USCC, account)',
  measure(f) {
    const absent = behaviourMissing(f);
    if (absent) return absent;
    const chars = num(f, 'behaviour.identityPasteChars');
    if (chars === null || chars < 0) return { exit: Exit.missingFeature };
    return { value: chars, evidence: { charsPastedAll: num(f, 'behaviour.charsPasted') } };
  },
});
