import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { Button } from '../../components/nutui';
import { LoadingState, ErrorState } from '../../components/status';
import { StepIndicator } from '../../components/step-indicator';
import { useMoneyAction } from '../../components/servicing-submit';
import { RiskChallenge } from '../../components/risk-challenge';
import { loanDetailUrl, repayUrl } from '../../components/servicing-data';
import { api } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { zhCN } from '../../locales/zh-CN';
import { DeferralOptionCard } from './deferral-option-card';
import { RenewalSection } from './renewal-section';
import { ServicingRecords } from './servicing-records';
import type { DeferralKind, DeferralOptions, DeferralResult } from './deferral-types';
import './index.scss';

/** Policy cap when the bank's answer has not arrived yet; the answer's own cap replaces it. */
const DEFAULT_CAP = 6;
/** A middle value, not the maximum: the user picks how long they need. */
const DEFAULT_MONTHS = 3;

/** 延期还本付息 (three options for N months, with their cost) and 无还本续贷, with status tracking. */
export default function DeferralPage() {
  const id = useRouter().params.id ?? '';
  const t = zhCN.servicing.deferral;
  const [months, setMonths] = useState(DEFAULT_MONTHS);
  const [choice, setChoice] = useState<DeferralKind | null>(null);
  const [chooseError, setChooseError] = useState(false);
  const options = useAsync(
    async () =>
      (await api.get('/api/loans/{id}/deferral-options', {
        params: { id },
        query: { months: String(months) },
      })) as unknown as DeferralOptions,
    [id, months],
  );
  const records = useAsync(async () => {
    const [d, r] = await Promise.all([
      api.get('/api/loans/{id}/deferrals', { params: { id } }),
      api.get('/api/loans/{id}/renewals', { params: { id } }),
    ]);
    return { deferrals: d.items, renewals: r.items };
  }, [id]);
  const action = useMoneyAction<DeferralResult>();
  const cap = options.data?.policy.maxDeferralMonths ?? DEFAULT_CAP;
  // Every option unavailable (e.g. the loan's one deferral is used): each card says why; no submit.
  const noneAvailable = !!options.data && !options.data.options.some((o) => o.available);

  const submit = () => {
    if (!choice) {
      setChooseError(true);
      return;
    }
    const body = { option: choice, months };
    void action
      .run(JSON.stringify(body), (idempotencyKey, stepUpCode) =>
        api.post('/api/loans/{id}/deferrals', { params: { id }, body, risk: 'deferral', idempotencyKey, stepUpCode }),
      )
      .then(records.reload);
  };

  if (action.result) {
    const detail = action.result.deferral as { newMaturityDate?: string };
    return (
      <PageShell testId="page-deferral">
        <StepIndicator step={2} total={t.steps} />
        <View className="lj-deferral__success" data-testid="deferral-success">
          <View className="lj-deferral__success-title">{t.successTitle}</View>
          <Text>{t.successBody(detail.newMaturityDate ?? action.result.loan.maturityDate)}</Text>
        </View>
        {records.data && <ServicingRecords deferrals={records.data.deferrals} renewals={records.data.renewals} />}
        <Button type="primary" block onClick={() => Taro.redirectTo({ url: loanDetailUrl(id) })}>
          {zhCN.servicing.repay.toDetail}
        </Button>
      </PageShell>
    );
  }

  return (
    <PageShell testId="page-deferral">
      <StepIndicator step={1} total={t.steps} />
      <Text className="lj-deferral__block">{t.introText(cap)}</Text>
      {records.loading ? (
        <LoadingState />
      ) : records.error ? (
        <ErrorState message={records.error} onRetry={records.reload} />
      ) : (
        records.data && <ServicingRecords deferrals={records.data.deferrals} renewals={records.data.renewals} />
      )}

      <View className="lj-deferral__panel">
        <Text className="lj-deferral__label">{t.monthsLabel}</Text>
        <View className="lj-deferral__months" data-testid="deferral-months">
          {Array.from({ length: cap }, (_, k) => k + 1).map((m) => (
            <Button
              key={m}
              size="small"
              type={m === months ? 'primary' : 'default'}
              data-testid={`deferral-months-${m}`}
              onClick={() => {
                setMonths(m);
                setChoice(null);
                action.reset();
              }}
            >
              {t.monthsValue(m)}
            </Button>
          ))}
        </View>
      </View>

      <View className="lj-deferral__title">{t.optionsTitle}</View>
      {options.loading ? (
        <LoadingState text={t.loading} />
      ) : options.error || !options.data ? (
        <View data-testid="deferral-unavailable">
          <ErrorState message={options.error ?? zhCN.errors.generic} onRetry={options.reload} />
          {options.errorCode === 'HAS_OVERDUE' && (
            <Button type="primary" block onClick={() => Taro.redirectTo({ url: repayUrl(id) })}>
              {t.toRepay}
            </Button>
          )}
        </View>
      ) : (
        <View data-testid="deferral-options">
          {options.data.options.map((o) => (
            <DeferralOptionCard
              key={o.option}
              option={o}
              selected={choice === o.option}
              onSelect={() => {
                setChoice(o.option);
                setChooseError(false);
                action.reset();
              }}
            />
          ))}
          {chooseError && (
            <Text className="lj-deferral__error" data-testid="deferral-choose-error">
              {t.chooseFirst}
            </Text>
          )}
          <RiskChallenge {...action.risk} onVerify={action.stepUp} busy={action.busy} />
          {action.error && (
            <Text className="lj-deferral__error" data-testid="deferral-error">
              {action.error}
            </Text>
          )}
          {noneAvailable && (
            <Text className="lj-deferral__block" data-testid="deferral-none-available">
              {t.noneAvailable}
            </Text>
          )}
          <View className="lj-deferral__actions">
            <Button
              type="primary"
              block
              loading={action.busy}
              disabled={noneAvailable}
              data-testid="deferral-submit"
              onClick={submit}
            >
              {action.busy ? zhCN.common.submitting : t.submit}
            </Button>
            <Button fill="outline" block data-testid="deferral-cancel" onClick={() => void Taro.navigateBack()}>
              {t.cancel}
            </Button>
          </View>
        </View>
      )}

      <RenewalSection loanId={id} onDone={records.reload} />
    </PageShell>
  );
}
