import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { StepIndicator } from '../../components/step-indicator';
import { FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { Radio, RadioGroup } from '../../components/nutui-radio';
import { SignedInGate } from '../../components/onboarding-gate';
import { EmptyState } from '../../components/status';
import { ONBOARDING_URLS, openUrl } from '../../components/onboarding-flow';
import { zhCN, ONBOARDING_STEPS } from '../../locales/zh-CN';
import { formatWan } from '../../domain';
import { api } from '../../services/api/client';
import { placeServerError } from '../../components/form-field/server-error';
import { useAsync } from '../../services/use-async';
import { useSignedIn } from '../../services/session';
import { useRiskPage } from '../../services/risk/use-risk-page';
import { checkEnterpriseForm, EMPTY_ENTERPRISE_FORM, type EnterpriseForm, type FormErrors } from './enterprise-form';
import './index.scss';

type Enterprise = Awaited<ReturnType<typeof loadEnterprises>>[number];
const loadEnterprises = async () => (await api.get('/api/enterprises')).items;

export default function EnterprisePage() {
  const t = zhCN.onboarding.enterprise;
  useRiskPage('enterprise');
  const signedIn = useSignedIn();
  const loaded = useAsync(() => (signedIn ? loadEnterprises() : Promise.resolve([])), [signedIn]);
  const [added, setAdded] = useState<Enterprise[]>([]);
  const list = [...(loaded.data ?? []), ...added];

  return (
    <PageShell testId="page-enterprise">
      <StepIndicator step={2} total={ONBOARDING_STEPS} />
      <View className="lj-onb__title">{t.title}</View>
      <SignedInGate
        signedIn={signedIn}
        here={ONBOARDING_URLS.enterprise}
        loading={loaded.loading}
        error={loaded.error}
        onRetry={loaded.reload}
      >
        <View className="lj-onb__subtitle">{t.existingTitle}</View>
        {list.length === 0 ? (
          <EmptyState title={t.existingEmpty} />
        ) : (
          list.map((e) => <EnterpriseCard key={e.id} enterprise={e} />)
        )}
        <EnterpriseFormCard onSaved={(e) => setAdded((a) => [...a, e])} />
        <Button
          type="primary"
          block
          disabled={list.length === 0}
          onClick={() => openUrl(ONBOARDING_URLS.authorisations)}
          data-testid="enterprise-next"
        >
          {t.next}
        </Button>
      </SignedInGate>
    </PageShell>
  );
}

function EnterpriseCard({ enterprise: e }: { enterprise: Enterprise }) {
  const t = zhCN.onboarding.enterprise;
  return (
    <View className="lj-onb__card" data-testid="enterprise-item">
      <Text className="lj-onb__subtitle">{e.name}</Text>
      <Text className="lj-secondary">{e.uscc}</Text>
      <Text data-testid="enterprise-item-legal-rep">{t.legalRepLine(e.legalRepName, e.applicantRole)}</Text>
      <Text className="lj-secondary">
        <Text className="lj-nowrap">{e.industry}</Text> ·{' '}
        <Text className="lj-nowrap">{t.revenueShort(formatWan(e.annualRevenueFen))}</Text> ·{' '}
        <Text className="lj-nowrap">{t.employeesShort(e.employees)}</Text>
      </Text>
    </View>
  );
}

function EnterpriseFormCard({ onSaved }: { onSaved: (e: Enterprise) => void }) {
  const t = zhCN.onboarding.enterprise;
  const [form, setForm] = useState<EnterpriseForm>(EMPTY_ENTERPRISE_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const field = (key: keyof EnterpriseForm) => ({
    value: form[key],
    error: errors[key],
    onChange: (v: string) => {
      setForm((f) => ({ ...f, [key]: v }));
      setErrors((x) => ({ ...x, [key]: undefined }));
      setDone(false);
    },
  });

  const submit = async () => {
    const checked = checkEnterpriseForm(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      onSaved(await api.post('/api/enterprises', { body: checked.body }));
      setForm(EMPTY_ENTERPRISE_FORM);
      setDone(true);
    } catch (e) {
      // On a field shown now, else at the form level (e.g. the bank asks for an authorisation
      // number while "我是法定代表人" is chosen and that field is hidden).
      const visible = FORM_FIELDS.filter((k) => k !== 'authorisationRef' || form.role === 'authorised');
      const place = placeServerError(e, SERVER_FIELDS, visible);
      setErrors(place.field ? { [place.field]: place.message } : { form: place.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="lj-onb__card" data-testid="enterprise-form">
      <View className="lj-onb__subtitle">{t.addTitle}</View>
      <Text className="lj-secondary">{t.intro}</Text>
      <FormField
        label={t.usccLabel}
        testId="enterprise-uscc"
        maxLength={18}
        placeholder={t.usccPlaceholder}
        riskField="uscc"
        {...field('uscc')}
      />
      <FormField
        label={t.nameLabel}
        testId="enterprise-name"
        placeholder={t.namePlaceholder}
        riskField="enterpriseName"
        {...field('name')}
      />
      <FormField
        label={t.legalRepLabel}
        testId="enterprise-legal-rep"
        placeholder={t.legalRepPlaceholder}
        {...field('legalRepName')}
      />
      <FormField
        label={t.dateLabel}
        testId="enterprise-date"
        placeholder={t.datePlaceholder}
        maxLength={10}
        {...field('registrationDate')}
      />
      <FormField
        label={t.industryLabel}
        testId="enterprise-industry"
        placeholder={t.industryPlaceholder}
        {...field('industry')}
      />
      <FormField
        label={t.revenueLabel}
        testId="enterprise-revenue"
        type="digit"
        placeholder={t.revenuePlaceholder}
        {...field('revenueYuan')}
      />
      <FormField
        label={t.employeesLabel}
        testId="enterprise-employees"
        placeholder={t.employeesPlaceholder}
        type="number"
        {...field('employees')}
      />
      <Text className="lj-onb__subtitle">{t.roleTitle}</Text>
      <RadioGroup
        value={form.role}
        onChange={(v: unknown) => {
          setForm((f) => ({ ...f, role: String(v) as EnterpriseForm['role'] }));
          setErrors((x) => ({ ...x, role: undefined }));
        }}
        data-testid="enterprise-role"
      >
        <Radio value="legal_rep" data-testid="enterprise-role-legal-rep">
          {t.roleLegalRep}
        </Radio>
        <Radio value="authorised" data-testid="enterprise-role-authorised">
          {t.roleAuthorised}
        </Radio>
      </RadioGroup>
      {errors.role && (
        <Text className="lj-onb__error" data-testid="enterprise-role-error">
          {errors.role}
        </Text>
      )}
      {form.role === 'authorised' && (
        <FormField
          label={t.authRefLabel}
          testId="enterprise-auth-ref"
          placeholder={t.authRefPlaceholder}
          hint={t.authRefHint}
          {...field('authorisationRef')}
        />
      )}
      {errors.form && (
        <Text className="lj-onb__error" data-testid="enterprise-error">
          {errors.form}
        </Text>
      )}
      {done && (
        <Text className="lj-onb__ok" data-testid="enterprise-saved">
          {t.saved}
        </Text>
      )}
      <Button fill="outline" block loading={busy} onClick={submit} data-testid="enterprise-submit">
        {t.submit}
      </Button>
    </View>
  );
}

/** The form's fields (the role is a radio group; it has its own error line and is always shown). */
const FORM_FIELDS: (keyof EnterpriseForm)[] = [
  'uscc',
  'name',
  'legalRepName',
  'registrationDate',
  'industry',
  'revenueYuan',
  'employees',
  'role',
  'authorisationRef',
];

const SERVER_FIELDS: Record<string, keyof EnterpriseForm> = {
  uscc: 'uscc',
  name: 'name',
  legalRepName: 'legalRepName',
  registrationDate: 'registrationDate',
  industry: 'industry',
  annualRevenueFen: 'revenueYuan',
  employees: 'employees',
  authorisationRef: 'authorisationRef',
};
