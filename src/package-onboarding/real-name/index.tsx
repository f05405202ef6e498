import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { StepIndicator } from '../../components/step-indicator';
import { FormField } from '../../components/form-field';
import { Button, Checkbox } from '../../components/nutui';
import { SignedInGate } from '../../components/onboarding-gate';
import { setPurpose } from '../../components/consent-sync';
import { ONBOARDING_URLS, openUrl } from '../../components/onboarding-flow';
import { zhCN, ONBOARDING_STEPS } from '../../locales/zh-CN';
import { validateResidentId } from '../../domain';
import { api, ApiError } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { useSignedIn } from '../../services/session';
import { useConsentChoices } from '../../services/consent';
import { useRiskPage } from '../../services/risk/use-risk-page';
import './index.scss';

type Customer = Awaited<ReturnType<typeof loadCustomer>>;

const SERVICE_PAGE = '/package-account/service/index';

/** The saved record, or null when the user has not verified yet (the bank answers 200 with null). */
async function loadCustomer() {
  return (await api.get('/api/customer')) ?? null;
}

export default function RealNamePage() {
  const t = zhCN.onboarding.realName;
  useRiskPage('real-name');
  const signedIn = useSignedIn();
  const loaded = useAsync(() => (signedIn ? loadCustomer() : Promise.resolve(null)), [signedIn]);
  const [saved, setSaved] = useState<Customer | undefined>(undefined);
  const customer = saved !== undefined ? saved : loaded.data;

  return (
    <PageShell testId="page-real-name">
      <StepIndicator step={1} total={ONBOARDING_STEPS} />
      <View className="lj-onb__title">{t.title}</View>
      <SignedInGate
        signedIn={signedIn}
        here={ONBOARDING_URLS.realName}
        loading={loaded.loading}
        error={loaded.error}
        onRetry={loaded.reload}
      >
        {customer ? <VerifiedCard customer={customer} onFace={setSaved} /> : <RealNameForm onSaved={setSaved} />}
        <Button
          type="primary"
          block
          disabled={!customer?.faceVerified}
          onClick={() => openUrl(ONBOARDING_URLS.enterprise)}
          data-testid="real-name-next"
        >
          {t.next}
        </Button>
      </SignedInGate>
    </PageShell>
  );
}

function RealNameForm({ onSaved }: { onSaved: (c: NonNullable<Customer>) => void }) {
  const t = zhCN.onboarding.realName;
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [errors, setErrors] = useState<{ name?: string; idNumber?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  // The resident ID is verified on another account: only a person can settle that (人工服务).
  const [inUse, setInUse] = useState(false);

  const submit = async () => {
    const v = validateResidentId(id);
    const next = { name: name.trim() ? undefined : t.nameMissing, idNumber: v.ok ? undefined : v.message };
    setErrors(next);
    setInUse(false);
    if (next.name || !v.ok) return;
    setBusy(true);
    try {
      onSaved(await api.post('/api/customer/real-name', { body: { name: name.trim(), idNumber: v.value.id } }));
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      const text = err?.message ?? zhCN.errors.generic;
      setErrors(err?.field === 'name' || err?.field === 'idNumber' ? { [err.field]: text } : { form: text });
      setInUse(err?.code === 'ID_NUMBER_IN_USE');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="lj-onb__card" data-testid="real-name-form">
      <Text className="lj-secondary">{t.intro}</Text>
      <FormField
        label={t.nameLabel}
        testId="real-name-name"
        value={name}
        placeholder={t.namePlaceholder}
        onChange={(v) => setName(v)}
        error={errors.name}
        riskField="name"
      />
      <FormField
        label={t.idLabel}
        testId="real-name-id"
        type="idcard"
        maxLength={18}
        value={id}
        placeholder={t.idPlaceholder}
        onChange={(v) => setId(v)}
        error={errors.idNumber}
        riskField="idNumber"
      />
      {errors.form && (
        <Text className="lj-onb__error" data-testid="real-name-error">
          {errors.form}
        </Text>
      )}
      {inUse && (
        <Button
          fill="outline"
          block
          onClick={() => Taro.navigateTo({ url: SERVICE_PAGE })}
          data-testid="real-name-service"
        >
          {t.toService}
        </Button>
      )}
      <Button type="primary" block loading={busy} onClick={submit} data-testid="real-name-submit">
        {t.submit}
      </Button>
    </View>
  );
}

function VerifiedCard({
  customer,
  onFace,
}: {
  customer: NonNullable<Customer>;
  onFace: (c: NonNullable<Customer>) => void;
}) {
  const t = zhCN.onboarding.realName;
  const biometricGranted = !!useConsentChoices()?.biometric;
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const verifyFace = async () => {
    setBusy(true);
    setError(null);
    try {
      // Face data is sensitive personal information: its own consent, given right here if not before.
      if (!biometricGranted) await setPurpose('biometric', true);
      onFace(await api.post('/api/customer/face', { body: { passed: true } }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : zhCN.errors.generic);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="lj-onb__card" data-testid="real-name-saved">
      <Text className="lj-onb__ok">{t.verified}</Text>
      <Text data-testid="real-name-saved-name">{customer.name}</Text>
      <Text data-testid="real-name-saved-id">{customer.idNumber}</Text>
      <Text className="lj-secondary">{t.verifiedAt(customer.verifiedAt.slice(0, 10))}</Text>
      <View className="lj-onb__subtitle">{t.faceTitle}</View>
      {customer.faceVerified ? (
        <Text className="lj-onb__ok" data-testid="real-name-face-done">
          {t.faceDone}
        </Text>
      ) : (
        <View className="lj-onb__stack">
          <Text className="lj-onb__sandbox">{t.faceSandbox}</Text>
          {!biometricGranted && (
            <Checkbox
              checked={agreed}
              onChange={(on: boolean) => setAgreed(on)}
              label={t.faceConsent}
              data-testid="real-name-face-consent"
            />
          )}
          {error && (
            <Text className="lj-onb__error" data-testid="real-name-face-error">
              {error}
            </Text>
          )}
          <Button
            fill="outline"
            block
            disabled={!biometricGranted && !agreed}
            loading={busy}
            onClick={verifyFace}
            data-testid="real-name-face"
          >
            {t.faceCta}
          </Button>
        </View>
      )}
    </View>
  );
}
