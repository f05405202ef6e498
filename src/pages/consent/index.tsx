import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button } from '../../components/nutui';
import { ConsentPurposeCard } from '../../components/consent-purpose-card';
import { recordAtBank, setPurpose } from '../../components/consent-sync';
import { loginUrl, ONBOARDING_URLS, openUrl, REQUIRED_FOR } from '../../components/onboarding-flow';
import { zhCN } from '../../locales/zh-CN/entry';
import { ApiError } from '../../services/api/client';
import {
  consentChoices,
  saveConsent,
  useConsentChoices,
  CONSENT_PURPOSES,
  NOTICE_VERSION,
  type ConsentChoices,
  type ConsentPurpose,
} from '../../services/consent';
import { sessionToken } from '../../services/session';
import './index.scss';

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : zhCN.errors.generic);

export default function ConsentPage() {
  const manage = useRouter().params.manage === '1';
  return manage ? <ManageConsent /> : <FirstRunConsent />;
}

/** The purposes asked on first run, in the notice's order. */
const FIRST_RUN: ConsentPurpose[] = ['personal_info', 'risk_device', 'credit_report', 'biometric'];

/**
 * Reached from “测一测我的额度”, or before login from any entry (`for=login&next=…`): nothing is
 * ticked for the user, and declining is one tap.
 */
function FirstRunConsent() {
  const t = zhCN.onboarding.consent;
  const params = useRouter().params;
  const forLogin = params.for === 'login';
  // Only a page of this app (the login page the user came from), never an arbitrary target.
  const asked = params.next ? decodeURIComponent(params.next) : null;
  const next = asked && /^\/(pages|package-[a-z]+)\//.test(asked) ? asked : null;
  const required = REQUIRED_FOR[forLogin ? 'login' : 'apply'];
  // The user's own earlier choices (if any) are shown again; nothing is ticked on their behalf.
  const before = useRef<ConsentChoices>(consentChoices() ?? {});
  const [choices, setChoices] = useState<ConsentChoices>(() => ({ ...before.current }));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requiredOk = required.every((p) => choices[p]);

  const accept = async () => {
    setSaving(true);
    setError(null);
    try {
      await saveConsent(choices);
      await recordAtBank(before.current, choices);
      before.current = choices; // a retry after a failure records only what is still missing
      const after = next ?? (sessionToken() ? ONBOARDING_URLS.realName : loginUrl(ONBOARDING_URLS.realName));
      await openUrl(after, true);
    } catch (e) {
      setError(`${t.notRecorded} ${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageShell testId="page-consent">
      <View className="lj-consent__title">{t.title}</View>
      <Text className="lj-consent__intro">{forLogin ? t.introLogin : t.intro}</Text>
      <Text className="lj-secondary lj-consent__nothing">{t.nothingYet}</Text>
      {FIRST_RUN.map((purpose) => (
        <ConsentPurposeCard
          key={purpose}
          purpose={purpose}
          required={required.includes(purpose)}
          mode="choose"
          checked={!!choices[purpose]}
          onChange={(on) => setChoices((c) => ({ ...c, [purpose]: on }))}
        />
      ))}
      {!requiredOk && (
        <Text className="lj-secondary lj-consent__missing" data-testid="consent-required-missing">
          {t.requiredMissing}
        </Text>
      )}
      {error && (
        <Text className="lj-consent__error" data-testid="consent-error">
          {error}
        </Text>
      )}
      {/* Accept and decline are the same size and weight: declining must be as easy as agreeing. */}
      <View className="lj-consent__actions">
        <Button
          type="primary"
          block
          disabled={!requiredOk}
          loading={saving}
          onClick={accept}
          data-testid="consent-accept"
        >
          {t.accept}
        </Button>
        <Button type="primary" fill="outline" block onClick={() => Taro.navigateBack()} data-testid="consent-decline">
          {t.decline}
        </Button>
      </View>
      <Text className="lj-secondary">{t.declineHint}</Text>
      <Text className="lj-secondary lj-consent__version">{t.version(NOTICE_VERSION)}</Text>
    </PageShell>
  );
}

/** From 我的 / 设置: every purpose with its current state; each can be withdrawn on its own, at once. */
function ManageConsent() {
  const t = zhCN.onboarding.consent;
  const choices = useConsentChoices() ?? {};
  const [busy, setBusy] = useState<ConsentPurpose | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const toggle = async (purpose: ConsentPurpose, granted: boolean) => {
    setBusy(purpose);
    setMessage(null);
    const title = zhCN.onboarding.purposes[purpose].title;
    try {
      await setPurpose(purpose, granted);
      setMessage({ text: granted ? t.grantedNow(title) : t.withdrawn(title), error: false });
    } catch (e) {
      setMessage({ text: `${t.notRecorded} ${errorText(e)}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <PageShell testId="page-consent-manage">
      <View className="lj-consent__title">{t.title}</View>
      <Text className="lj-consent__intro">{t.manageIntro}</Text>
      {message && (
        <Text
          className={message.error ? 'lj-consent__error' : 'lj-consent__done'}
          data-testid={message.error ? 'consent-error' : 'consent-message'}
        >
          {message.text}
        </Text>
      )}
      {CONSENT_PURPOSES.map((purpose) => (
        <ConsentPurposeCard
          key={purpose}
          purpose={purpose}
          mode="manage"
          checked={!!choices[purpose]}
          busy={busy === purpose}
          onChange={(on) => toggle(purpose, on)}
        />
      ))}
      <Text className="lj-secondary lj-consent__version">{t.version(NOTICE_VERSION)}</Text>
    </PageShell>
  );
}
