import Taro from '@tarojs/taro';

/** Where the onboarding journey goes next; one place so every screen agrees on the order. */
export const ONBOARDING_URLS = {
  consent: '/pages/consent/index',
  login: '/pages/login/index',
  realName: '/package-onboarding/real-name/index',
  enterprise: '/package-onboarding/enterprise/index',
  authorisations: '/package-onboarding/authorisations/index',
  estimate: '/package-apply/estimate/index',
} as const;

const TAB_PAGES = ['/pages/index/index', '/pages/loans/index', '/pages/me/index'];

/** The login page, remembering where the user was going. */
export function loginUrl(redirect: string): string {
  return `${ONBOARDING_URLS.login}?redirect=${encodeURIComponent(redirect)}`;
}

/** Opens a page by URL; tab pages can only be reached with switchTab. */
export function openUrl(url: string, replace = false): Promise<unknown> {
  const path = url.split('?')[0];
  if (TAB_PAGES.includes(path)) return Taro.switchTab({ url: path });
  return replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url });
}
