// Every user-facing string of the mini-program (zh-CN first), one module per journey, so a later
// locale is one more folder of the same shape. Subpackage pages import `zhCN` from here; code in
// the WeChat main package imports the same-shaped subset from ./entry.ts.
import { base } from './base';
import { onboarding } from './onboarding';
import { apply } from './apply';
import { servicing } from './servicing';
import { risk } from './risk';

export const zhCN = { ...base, onboarding, apply, servicing, risk } as const;
export { ONBOARDING_STEPS, type AreaKey } from './base';
