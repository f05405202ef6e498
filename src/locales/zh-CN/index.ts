// Every user-facing string of the mini-program (zh-CN first), one module per journey. Pages import
// `zhCN` from here only, so a later locale is one more folder of the same shape.
import { base } from './base';
import { onboarding } from './onboarding';
import { apply } from './apply';
import { servicing } from './servicing';

export const zhCN = { ...base, onboarding, apply, servicing } as const;
export { ONBOARDING_STEPS, type AreaKey } from './base';
