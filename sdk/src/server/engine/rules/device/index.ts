/** Device and H5 rules: measurements of the client environment; weights and bands live in the rule sets. */
import type { RuleDefinition } from '../define-rule';
import { clockSkewRule } from './clock-skew';
import { debugModeRule } from './debug-mode';
import { desktopClientRule } from './desktop-client';
import { emulatorRule } from './emulator';
import { farmBatteryRule } from './farm-battery';
import { flatSensorsRule } from './flat-sensors';
import { proxyRule } from './proxy';
import { screenRecordingRule } from './screen-recording';
import { webAutomationRule } from './web-automation';
import { webBotdRule } from './web-botd';
import { webHeadlessRule } from './web-headless';

export const DEVICE_RULES: RuleDefinition[] = [
  emulatorRule,
  desktopClientRule,
  debugModeRule,
  proxyRule,
  flatSensorsRule,
  farmBatteryRule,
  clockSkewRule,
  screenRecordingRule,
  webAutomationRule,
  webHeadlessRule,
  webBotdRule,
];
