import Taro from '@tarojs/taro';
import type { ConsentPurpose } from '../../services/consent-purposes';

/** Where the onboarding journey goes next; one place so every screen agrees on the order. */
export const ONBOARDING_URLS = {
  consent: '/pages/consent/index',
  login: '/pages/login/index',
  realName: '/package-onboarding/real-name/index',
  enterprise: '/package-onboarding/enterprise/index',
  authorisations: '/package-onboarding/authorisations/index',
  estimate: '/package-apply/estimate/index',
} as const;

/**
 * Steps counted apart from the application's five (实名 → 申请): logging in is two steps (WeChat,
 * then the phone), and after the bank decides the owner accepts, signs, then draws down.
 */
export const LOGIN_STEPS = { wechat: 1, phone: 2, total: 2 } as const;
export const LOAN_STEPS = { decision: 1, contract: 2, drawdown: 3, total: 3 } as const;

const TAB_PAGES = ['/pages/index/index', '/pages/loans/index', '/pages/me/index'];

/** The login page, remembering where the user was going. */
export function loginUrl(redirect: string): string {
  return `${ONBOARDING_URLS.login}?redirect=${encodeURIComponent(redirect)}`;
}

/**
 * What each entry needs, said before the owner starts. Applying for a credit loan needs what the
 * bank checks before it decides (server: requireConsents on apply — the privacy notice, risk data
 * and the credit-report query); logging in needs the privacy notice only, the rest stays optional.
 */
export const REQUIRED_FOR: Record<'apply' | 'login', ConsentPurpose[]> = {
  apply: ['personal_info', 'risk_device', 'credit_report'],
  login: ['personal_info'],
};

/** The consent page as the first step of logging in: back to the login page (and its redirect) after. */
export function consentBeforeLoginUrl(loginPageUrl: string): string {
  return `${ONBOARDING_URLS.consent}?for=login&next=${encodeURIComponent(loginPageUrl)}`;
}

/** Opens a page by URL; tab pages can only be reached with switchTab. */
export function openUrl(url: string, replace = false): Promise<unknown> {
  const path = url.split('?')[0];
  if (TAB_PAGES.includes(path)) return Taro.switchTab({ url: path });
  return replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url });
}
