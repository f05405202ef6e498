/** Behaviour rules: automation and paste signals from the on-device behaviour summary. */
import type { RuleDefinition } from '../define-rule';
import { AUTOMATION_NO_TOUCH } from './automation-no-touch';
import { AUTOMATION_TOO_FAST } from './automation-too-fast';
import { AUTOMATION_UNIFORM_TIMING } from './automation-uniform-timing';
import { IDENTITY_PASTE } from './identity-paste';
import { NO_BEHAVIOUR } from './no-behaviour';

export const BEHAVIOUR_RULES: RuleDefinition[] = [
  AUTOMATION_UNIFORM_TIMING,
  AUTOMATION_NO_TOUCH,
  AUTOMATION_TOO_FAST,
  IDENTITY_PASTE,
  NO_BEHAVIOUR,
];
