import { describeRuleCases } from '../test-rule-cases';
import { USCC_SHARED as rule } from './uscc-shared';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'USCC claimed while another customer holds it',
    features: { 'identity.usccSharedWithOtherCustomer': true, 'device.platform': 'ios' },
    value: 1,
  },
  {
    kind: 'no hit',
    name: 'the only customer with this USCC',
    features: { 'identity.usccSharedWithOtherCustomer': false, 'device.platform': 'web' },
    value: 0,
  },
  { kind: 'exit', name: 'the bank did not say', features: {}, exit: 'MISSING_FEATURE' },
]);
