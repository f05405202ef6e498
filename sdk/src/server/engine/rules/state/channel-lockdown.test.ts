import { describeRuleCases } from '../test-rule-cases';
import { CHANNEL_LOCKDOWN as rule } from './channel-lockdown';

const channel = (lockdown: string | null) => ({ 'channel.lockdown': lockdown, 'ctx.channel': 'ad-1042' });

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'channel locked to reject',
    features: channel('reject'),
    value: 2,
    evidence: { mode: 'reject', channel: 'ad-1042' },
  },
  { kind: 'hit', name: 'channel in review (cool-down)', features: channel('review'), value: 1 },
  { kind: 'no hit', name: 'channel flowing normally', features: channel('none'), value: 0 },
  {
    kind: 'exit',
    name: 'condition unknown to this rule version',
    features: channel('block'),
    exit: 'UNKNOWN_CONDITION',
  },
  {
    kind: 'exit',
    name: 'prototype key is not a condition',
    features: channel('constructor'),
    exit: 'UNKNOWN_CONDITION',
  },
  { kind: 'exit', name: 'condition missing', features: channel(null), exit: 'MISSING_FEATURE' },
]);
