import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  ALLOWED_TERMS_MONTHS,
  BUSINESS_PURPOSES,
  formatYuanText,
  purposeLabelsZhCN,
  validateBusinessPurpose,
  type AmortisingMethod,
} from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import { api } from '../../services/api/client';
import type { ConsentPurpose } from '../../services/consent-purposes';
import { placeServerError } from '../../components/form-field/server-error';
import { ConsentRequiredAction, missingConsent } from '../../components/consent-required';
import { newIdempotencyKey } from '../../services/random-id';
import { useRiskPage } from '../../services/risk/use-risk-page';
import { useAsync } from '../../services/use-async';
import { PageShell } from '../../components/page-shell';
import { StepIndicator } from '../../components/step-indicator';
import { FormField } from '../../components/form-field';
import { ChoiceGroup } from '../../components/apply-choice';
import { RepaymentPlanPreview } from '../../components/repayment-plan-preview';
import { EmptyState, ErrorState, LoadingState } from '../../components/status';
import { Button } from '../../components/nutui';
import { checkAmount } from '../shared/amount';
import { clearDraft, EMPTY_DRAFT, isEmptyDraft, loadDraft, saveDraft, type ApplyDraft } from '../shared/draft';
import { INDICATIVE_ANNUAL_RATE } from '../shared/product';
import '../shared/apply.scss';

const METHODS: AmortisingMethod[] = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'];
type FieldErrors = Partial<Record<'amount' | 'term' | 'method' | 'purpose' | 'enterprise', string>>;
// The server names fields by their body key; the form by its own.
const FORM_FIELDS: (keyof FieldErrors)[] = ['amount', 'term', 'method', 'purpose', 'enterprise'];
const FIELD_OF: Record<string, keyof FieldErrors> = {
  amountFen: 'amount',
  termMonths: 'term',
  method: 'method',
  purpose: 'purpose',
  enterpriseId: 'enterprise',
};

export default function ApplicationPage() {
  const t = zhCN.apply.application;
  useRiskPage('apply.application');
  const restored = useMemo(() => loadDraft(), []);
  const [draft, setDraft] = useState<ApplyDraft>(restored ?? EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The bank refused for want of a consent (e.g. the credit-report query): a way to grant it.
  const [consentNeeded, setConsentNeeded] = useState<ConsentPurpose | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // One key per submitted form: a retry of the same answers reuses it, an edit makes a new one.
  const idempotencyKey = useRef<string | null>(null);
  const enterprises = useAsync(() => api.get('/api/enterprises'), []);

  useEffect(() => {
    saveDraft(draft);
    idempotencyKey.current = null;
  }, [draft]);

  // One enterprise: it is the applicant, nothing to choose.
  const items = enterprises.data?.items;
  useEffect(() => {
    if (items?.length && !items.some((e) => e.id === draft.enterpriseId))
      setDraft((d) => ({ ...d, enterpriseId: items.length === 1 ? items[0].id : null }));
  }, [items, draft.enterpriseId]);

  const amount = checkAmount(draft.amountText);
  const update = (patch: Partial<ApplyDraft>, field: keyof FieldErrors) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setFormError(null);
  };

  const submit = async () => {
    if (submitting) return;
    // One enterprise is the applicant even before the effect above has stored it in the draft.
    const enterpriseId = draft.enterpriseId ?? (items?.length === 1 ? items[0].id : null);
    const purpose = validateBusinessPurpose(draft.purpose ?? '');
    const next: FieldErrors = {
      amount: amount.fen === null ? (amount.error ?? t.amountRequired) : undefined,
      term: draft.termMonths ? undefined : t.chooseTerm,
      method: draft.method ? undefined : t.chooseMethod,
      purpose: draft.purpose ? (purpose.ok ? undefined : purpose.message) : t.choosePurpose,
      enterprise: enterpriseId ? undefined : t.chooseEnterprise,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || amount.fen === null || !purpose.ok) return;
    const body = {
      enterpriseId: enterpriseId as string,
      amountFen: amount.fen,
      termMonths: draft.termMonths as 3 | 6 | 12 | 24 | 36,
      method: draft.method as AmortisingMethod,
      purpose: purpose.value,
    };
    setSubmitting(true);
    setFormError(null);
    setConsentNeeded(null);
    try {
      idempotencyKey.current ??= await newIdempotencyKey();
      const application = await api.post('/api/applications', {
        body,
        risk: 'loan.apply',
        idempotencyKey: idempotencyKey.current,
      });
      clearDraft();
      await Taro.redirectTo({ url: `/package-apply/decision/index?id=${application.id}` });
    } catch (e) {
      // The enterprise choice is on screen only when there is more than one enterprise.
      const visible = FORM_FIELDS.filter((f) => f !== 'enterprise' || (items?.length ?? 0) > 1);
      const place = placeServerError(e, FIELD_OF, visible);
      if (place.field) setErrors((x) => ({ ...x, [place.field as keyof FieldErrors]: place.message }));
      else setFormError(place.message);
      setConsentNeeded(missingConsent(e));
    } finally {
      setSubmitting(false);
    }
  };

  let body;
  if (enterprises.loading) body = <LoadingState />;
  else if (enterprises.error) body = <ErrorState message={enterprises.error} onRetry={enterprises.reload} />;
  else if (!items?.length)
    body = (
      <EmptyState
        title={t.noEnterpriseTitle}
        hint={t.noEnterpriseHint}
        action={
          <Button
            type="primary"
            onClick={() => Taro.navigateTo({ url: '/package-onboarding/enterprise/index' })}
            data-testid="to-enterprise"
          >
            {t.toEnterprise}
          </Button>
        }
      />
    );
  else
    body = (
      <View>
        {restored && !isEmptyDraft(restored) && (
          <Text className="lj-apply__notice" data-testid="draft-restored">
            {t.draftRestored}
          </Text>
        )}
        {items.length > 1 && (
          <ChoiceGroup
            label={t.enterprise}
            testId="enterprise"
            options={items.map((e) => ({ value: e.id, label: e.name }))}
            value={draft.enterpriseId}
            onChange={(enterpriseId) => update({ enterpriseId }, 'enterprise')}
            error={errors.enterprise}
          />
        )}
        {items.length === 1 && (
          <Text className="lj-secondary lj-apply__enterprise" data-testid="enterprise-name">
            {t.enterprise}：{items[0].name}
          </Text>
        )}
        {items.length === 1 && errors.enterprise && (
          <Text className="lj-apply__error" data-testid="enterprise-error">
            {errors.enterprise}
          </Text>
        )}
        <FormField
          label={t.amount}
          testId="amount"
          type="digit"
          value={draft.amountText}
          onChange={(amountText) => update({ amountText }, 'amount')}
          placeholder={t.amountPlaceholder}
          error={errors.amount ?? amount.error}
          hint={t.amountHint(formatYuanText(100_000), formatYuanText(300_000_000))}
          riskField="amount"
        />
        <ChoiceGroup
          label={t.term}
          testId="term"
          options={ALLOWED_TERMS_MONTHS.map((m) => ({ value: m, label: zhCN.apply.months(m) }))}
          value={draft.termMonths}
          onChange={(termMonths) => update({ termMonths }, 'term')}
          error={errors.term}
        />
        <ChoiceGroup
          label={t.method}
          testId="method"
          options={METHODS.map((m) => ({ value: m, label: zhCN.apply.methods[m], hint: t.methodHints[m] }))}
          value={draft.method}
          onChange={(method) => update({ method }, 'method')}
          error={errors.method}
        />
        <ChoiceGroup
          label={t.purpose}
          testId="purpose"
          options={BUSINESS_PURPOSES.map((p) => ({ value: p, label: purposeLabelsZhCN[p] }))}
          value={draft.purpose}
          onChange={(purpose) => update({ purpose }, 'purpose')}
          error={errors.purpose}
          hint={t.purposeNote}
        />
        <RepaymentPlanPreview
          principalFen={amount.fen}
          termMonths={draft.termMonths}
          method={draft.method}
          annualRate={INDICATIVE_ANNUAL_RATE}
        />
        <Text className="lj-secondary">{t.privacy}</Text>
        {formError && (
          <Text className="lj-apply__error" data-testid="form-error">
            {formError}
          </Text>
        )}
        <ConsentRequiredAction purpose={consentNeeded} />
        <View className="lj-apply__actions">
          <Button type="primary" block loading={submitting} disabled={submitting} onClick={submit} data-testid="submit">
            {submitting ? t.submitting : t.submit}
          </Button>
        </View>
      </View>
    );

  return (
    <PageShell testId="page-application">
      <StepIndicator step={5} total={5} />
      <View className="lj-apply__title">{t.title}</View>
      {body}
    </PageShell>
  );
}
