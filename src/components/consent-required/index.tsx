import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '../nutui';
import { ONBOARDING_URLS } from '../onboarding-flow';
import { zhCN } from '../../locales/zh-CN';
import { ApiError } from '../../services/api/api-error';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../services/consent-purposes';

/** The data sources are granted on the 数据授权 screen; the notice's own purposes in 隐私与授权管理. */
const DATA_SOURCES: ConsentPurpose[] = ['credit_report', 'enterprise_credit', 'tax', 'invoice'];

/** Where the owner grants a purpose: the screen that explains it, with that purpose first. */
export function consentGrantUrl(purpose: ConsentPurpose): string {
  return DATA_SOURCES.includes(purpose)
    ? `${ONBOARDING_URLS.authorisations}?focus=${purpose}`
    : `${ONBOARDING_URLS.consent}?manage=1`;
}

/** The purpose the bank refused for (409 CONSENT_REQUIRED names it in `field`), or null. */
export function missingConsent(e: unknown): ConsentPurpose | null {
  if (!(e instanceof ApiError) || e.code !== 'CONSENT_REQUIRED') return null;
  return CONSENT_PURPOSES.find((p) => p === e.field) ?? null;
}

/**
 * Under an error the bank gave for want of a consent: one tap to the screen where it is granted
 * (the user reads what it is first; nothing is granted on their behalf), then back here.
 */
export function ConsentRequiredAction({ purpose }: { purpose: ConsentPurpose | null }) {
  if (!purpose) return null;
  return (
    <View className="lj-consent-required">
      <Button
        type="primary"
        fill="outline"
        block
        onClick={() => Taro.navigateTo({ url: consentGrantUrl(purpose) })}
        data-testid="consent-required-action"
      >
        {zhCN.errors.toConsent(zhCN.onboarding.purposes[purpose].title)}
      </Button>
    </View>
  );
}
