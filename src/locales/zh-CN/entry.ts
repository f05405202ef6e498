// The strings of the screens in the WeChat main package (the tab pages, consent and login) and of
// the components and services they use: the same values as the full table (./index.ts), without
// the subpackage screens' strings. WeChat downloads the main package before the first screen
// (budget 500 KB, scripts/check-weapp.ts) and a module reached from it lands in it, so main-package
// code imports `zhCN` from here and subpackage pages from ./index.ts (entry.test.ts checks both).
import { base } from './base';
import { onboardingEntry } from './onboarding-entry';
import { servicingEntry } from './servicing-entry';
import { risk } from './risk';

export const zhCN = { ...base, onboarding: onboardingEntry, servicing: servicingEntry, risk } as const;
export { ONBOARDING_STEPS, type AreaKey } from './base';
