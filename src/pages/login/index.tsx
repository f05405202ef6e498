import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { recordAllAtBank } from '../../components/consent-sync';
import {
  consentBeforeLoginUrl,
  LOGIN_STEPS,
  loginUrl,
  ONBOARDING_URLS,
  openUrl,
} from '../../components/onboarding-flow';
import { StepIndicator } from '../../components/step-indicator';
import { zhCN } from '../../locales/zh-CN/entry';
import { validateMobile } from '../../domain';
import { api, ApiError } from '../../services/api/client';
import { sessionToken, setSessionToken } from '../../services/session';
import { useConsentChoices } from '../../services/consent';
import { DEMO_WECHAT_CODE, sandboxWechatCode } from './sandbox-identity';
import { useRiskPage } from '../../services/risk/use-risk-page';
import './index.scss';

const RESEND_WAIT_MS = 60_000;
// Read when used (Taro replaces the expression at build time; tests set it per case).
const isH5 = () => process.env.TARO_ENV === 'h5';

/** On WeChat a real wx.login code; on H5 Taro.login is a stub that "succeeds", so this browser's sandbox code. */
async function wechatCode(): Promise<string> {
  if (isH5() || typeof Taro.login !== 'function') return sandboxWechatCode();
  const r = await Taro.login();
  return r.code;
}

const SMS_CODE = /^\d{6}$/;

export default function LoginPage() {
  const redirect = useRouter().params.redirect;
  // The privacy notice comes first on every way in (首页 登录 / 注册, 我的, a signed-in screen, a
  // link): no phone number or code reaches the bank before the owner agreed to its processing.
  const consented = !!useConsentChoices()?.personal_info;
  const here = redirect ? loginUrl(decodeURIComponent(redirect)) : ONBOARDING_URLS.login;
  return consented ? <LoginForm redirect={redirect} /> : <ConsentFirst here={here} />;
}

/** Sends the visitor to the notice, which brings them back here once they agree. */
function ConsentFirst({ here }: { here: string }) {
  const t = zhCN.onboarding.login;
  const toConsent = () => Taro.redirectTo({ url: consentBeforeLoginUrl(here) });
  useEffect(() => {
    void toConsent();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);
  return (
    <PageShell testId="page-login">
      <View className="lj-login__title">{t.title}</View>
      <View className="lj-login__section" data-testid="login-consent-first">
        <Text>{t.consentFirst}</Text>
        <Button type="primary" block onClick={toConsent} data-testid="login-to-consent">
          {t.consentFirstCta}
        </Button>
      </View>
    </PageShell>
  );
}

function LoginForm({ redirect }: { redirect?: string }) {
  const t = zhCN.onboarding.login;
  useRiskPage('login');
  const [wechatDone, setWechatDone] = useState(() => sessionToken() !== null);
  const [busy, setBusy] = useState<'wechat' | 'demo' | 'sms' | 'phone' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [canResend, setCanResend] = useState(true);
  const resendTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(resendTimer.current), []);

  /** `demo`: the sandbox's demo customer (H5 only); otherwise WeChat, or this browser's own sandbox customer. */
  const loginWithWechat = async (as: 'wechat' | 'demo') => {
    setBusy(as);
    setError(null);
    try {
      const code = as === 'demo' ? DEMO_WECHAT_CODE : await wechatCode();
      const res = await api.post('/api/auth/login', { body: { code } });
      // The session is needed to send and check the SMS code; the journey continues only after.
      setSessionToken(res.token);
      setWechatDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t.wechatFailed);
    } finally {
      setBusy(null);
    }
  };

  const showApiError = (e: unknown) => {
    const err = e instanceof ApiError ? e : null;
    const text = err?.message ?? zhCN.errors.generic;
    if (err?.field === 'phone') setPhoneError(text);
    else if (err?.field === 'smsCode') setCodeError(text);
    else setError(text);
  };

  const sendSms = async () => {
    setError(null);
    const v = validateMobile(phone);
    if (!v.ok) return setPhoneError(v.message);
    setPhoneError(null);
    setBusy('sms');
    try {
      await api.post('/api/auth/sms', { body: { phone: v.value.number, purpose: 'login' } });
      setSentTo(v.value.number);
      // A quiet wait before resending (no ticking number): it only protects the SMS quota.
      setCanResend(false);
      resendTimer.current = setTimeout(() => setCanResend(true), RESEND_WAIT_MS);
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    setError(null);
    const v = validateMobile(phone);
    if (!v.ok) return setPhoneError(v.message);
    if (!SMS_CODE.test(code.trim())) return setCodeError(t.smsBadFormat);
    setCodeError(null);
    setBusy('phone');
    try {
      await api.post('/api/auth/phone', { body: { phone: v.value.number, smsCode: code.trim() } });
      await recordAllAtBank(); // consents given before login become part of the bank's record
      await openUrl(redirect ? decodeURIComponent(redirect) : '/pages/index/index', true);
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <PageShell testId="page-login">
      <View className="lj-login__title">{t.title}</View>
      <StepIndicator
        phase={zhCN.common.phases.login}
        step={wechatDone ? LOGIN_STEPS.phone : LOGIN_STEPS.wechat}
        total={LOGIN_STEPS.total}
      />
      <View className="lj-login__section">
        <Text className="lj-login__step">{t.stepWechat}</Text>
        {isH5() && (
          <Text className="lj-login__sandbox" data-testid="login-sandbox-wechat">
            {t.wechatSandbox}
          </Text>
        )}
        {wechatDone ? (
          <Text className="lj-login__done" data-testid="login-wechat-done">
            {t.wechatDone}
          </Text>
        ) : (
          <>
            <Button
              type="primary"
              block
              loading={busy === 'wechat'}
              disabled={busy !== null}
              onClick={() => loginWithWechat('wechat')}
              data-testid="login-wechat"
            >
              {isH5() ? t.wechatCtaSandbox : t.wechatCta}
            </Button>
            {isH5() && (
              <Button
                fill="outline"
                block
                loading={busy === 'demo'}
                disabled={busy !== null}
                onClick={() => loginWithWechat('demo')}
                data-testid="login-demo"
              >
                {t.demoCta}
              </Button>
            )}
          </>
        )}
      </View>
      {wechatDone && (
        <View className="lj-login__section" data-testid="login-phone-step">
          <Text className="lj-login__step">{t.stepPhone}</Text>
          <FormField
            label={t.phoneLabel}
            testId="login-phone"
            type="tel"
            maxLength={13}
            value={phone}
            placeholder={t.phonePlaceholder}
            onChange={(v) => {
              setPhone(v);
              setPhoneError(null);
            }}
            error={phoneError}
            riskField="phone"
          />
          <Button
            fill="outline"
            block
            disabled={!canResend}
            loading={busy === 'sms'}
            onClick={sendSms}
            data-testid="login-send-sms"
          >
            {sentTo ? t.resendSms : t.sendSms}
          </Button>
          {sentTo && (
            <Text className="lj-secondary lj-login__sent" data-testid="login-sms-sent">
              {t.smsSent(`${sentTo.slice(0, 3)}****${sentTo.slice(7)}`)}
              {!canResend && t.resendWait}
            </Text>
          )}
          <Text className="lj-secondary lj-login__sent" data-testid="login-sms-sandbox">
            {t.sandboxSmsHint}
          </Text>
          <FormField
            label={t.smsLabel}
            testId="login-sms"
            type="number"
            maxLength={6}
            value={code}
            placeholder={t.smsPlaceholder}
            onChange={(v) => {
              setCode(v);
              setCodeError(null);
            }}
            error={codeError}
            riskField="smsCode"
          />
          <Button type="primary" block loading={busy === 'phone'} onClick={confirm} data-testid="login-confirm">
            {t.confirm}
          </Button>
        </View>
      )}
      {error && (
        <Text className="lj-login__error" data-testid="login-error">
          {error}
        </Text>
      )}
    </PageShell>
  );
}
