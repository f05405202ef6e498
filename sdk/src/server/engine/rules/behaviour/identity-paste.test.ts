import { describeRuleCases } from '../test-rule-cases';
import { IDENTITY_PASTE as rule } from './identity-paste';

const pasted = (identityPasteChars: number | null, charsPasted: number | null = identityPasteChars) => ({
  'behaviour.present': true,
  'behaviour.identityPasteChars': identityPasteChars,
  'behaviour.charsPasted': charsPasted,
});

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'ID, phone, USCC and account all pasted',
    features: pasted(66, 72),
    value: 66,
    evidence: { charsPastedAll: 72 },
  },
  { kind: 'hit', name: 'one account number pasted', features: pasted(19), value: 19 },
  { kind: 'no hit', name: 'identities typed, name committed by the IME', features: pasted(0, 3), value: 0 },
  {
    kind: 'exit',
    name: 'behaviour not consented',
    features: { 'behaviour.present': false, 'behaviour.identityPasteChars': 18 },
    exit: 'MISSING_FEATURE',
  },
  { kind: 'exit', name: 'count missing', features: pasted(null), exit: 'MISSING_FEATURE' },
]);
