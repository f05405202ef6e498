import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { StepIndicator } from '../../components/step-indicator';
import { Button } from '../../components/nutui';
import { SignedInGate } from '../../components/onboarding-gate';
import { ConsentSourceCard } from '../../components/consent-source-card';
import { setPurpose } from '../../components/consent-sync';
import { ONBOARDING_URLS, openUrl, REQUIRED_FOR } from '../../components/onboarding-flow';
import { zhCN, ONBOARDING_STEPS } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { useSignedIn } from '../../services/session';
import type { ConsentPurpose } from '../../services/consent';
import './index.scss';

/** The data sources the estimate and the decision may use, each authorised on its own. */
const SOURCES: ConsentPurpose[] = ['credit_report', 'enterprise_credit', 'tax', 'invoice'];

/** The bank's record is what it will act on, so the cards show the bank's current state. */
async function loadGranted(): Promise<Partial<Record<string, boolean>>> {
  const state = await api.get('/api/consents');
  return Object.fromEntries(state.current.map((c) => [c.purpose, c.granted]));
}

export default function AuthorisationsPage() {
  const t = zhCN.onboarding.authorisations;
  // `?focus=credit_report`: opened from an application the bank refused for want of this authorisation.
  const asked = useRouter().params.focus;
  const focus = SOURCES.find((p) => p === asked) ?? null;
  const signedIn = useSignedIn();
  const loaded = useAsync(
    () => (signedIn ? loadGranted() : Promise.resolve<Partial<Record<string, boolean>>>({})),
    [signedIn],
  );
  const [changed, setChanged] = useState<Partial<Record<string, boolean>>>({});
  const [busy, setBusy] = useState<ConsentPurpose | null>(null);
  const [error, setError] = useState<string | null>(null);
  const granted = (p: ConsentPurpose) => !!(p in changed ? changed[p] : loaded.data?.[p]);

  const toggle = async (purpose: ConsentPurpose, on: boolean) => {
    setBusy(purpose);
    setError(null);
    try {
      await setPurpose(purpose, on);
      setChanged((c) => ({ ...c, [purpose]: on }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : zhCN.errors.generic);
    } finally {
      setBusy(null);
    }
  };

  return (
    <PageShell testId="page-authorisations">
      <StepIndicator step={3} total={ONBOARDING_STEPS} />
      <View className="lj-onb__title">{t.title}</View>
      <SignedInGate
        signedIn={signedIn}
        here={ONBOARDING_URLS.authorisations}
        loading={loaded.loading}
        error={loaded.error}
        onRetry={loaded.reload}
      >
        {focus && (
          <Text className="lj-onb__focus" data-testid="auth-focus">
            {granted(focus)
              ? t.focusDone(zhCN.onboarding.purposes[focus].title)
              : t.focus(zhCN.onboarding.purposes[focus].title)}
          </Text>
        )}
        <Text className="lj-secondary">{t.intro}</Text>
        {error && (
          <Text className="lj-onb__error" data-testid="auth-error">
            {error}
          </Text>
        )}
        <View className="lj-onb__stack lj-auth__list">
          {(focus ? [focus, ...SOURCES.filter((p) => p !== focus)] : SOURCES).map((p) => (
            <ConsentSourceCard
              key={p}
              purpose={p}
              required={REQUIRED_FOR.apply.includes(p)}
              granted={granted(p)}
              busy={busy === p}
              onChange={(on) => toggle(p, on)}
            />
          ))}
        </View>
        {focus ? (
          <Button type="primary" block onClick={() => Taro.navigateBack()} data-testid="auth-back">
            {t.backToApply}
          </Button>
        ) : (
          <Button type="primary" block onClick={() => openUrl(ONBOARDING_URLS.estimate)} data-testid="auth-next">
            {t.next}
          </Button>
        )}
      </SignedInGate>
    </PageShell>
  );
}
