import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatRatePercent, formatYuan, type AmortisingMethod } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { useRiskPage } from '../../services/risk/use-risk-page';
import { PageShell } from '../../components/page-shell';
import { ErrorState, LoadingState } from '../../components/status';
import { Button } from '../../components/nutui';
import { RepaymentPlanPreview } from '../../components/repayment-plan-preview';
import { StepIndicator } from '../../components/step-indicator';
import { LOAN_STEPS } from '../../components/onboarding-flow';
import { formatDateTime, methodLabel } from '../shared/labels';
import { ApplicationNumber } from './application-number';
import '../shared/apply.scss';

type Application = Awaited<ReturnType<typeof loadApplication>>;
const loadApplication = (id: string) => api.get('/api/applications/{id}', { params: { id } });

function Fact({ label, value, testId, keyTerm }: { label: string; value: string; testId?: string; keyTerm?: boolean }) {
  return (
    <View className="lj-apply__fact">
      <Text>{label}</Text>
      <Text className={keyTerm ? 'lj-apply__key' : undefined} data-testid={testId}>
        {value}
      </Text>
    </View>
  );
}

function Approved({ app }: { app: Application }) {
  const t = zhCN.apply.decision;
  const offer = app.offer;
  const [accepting, setAccepting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!offer) return null;
  const accept = async () => {
    if (accepting) return;
    setAccepting(true);
    setError(null);
    try {
      // Accepting twice returns the same contract (one per offer), so a retry is safe.
      const contract = await api.post('/api/contracts', { body: { offerId: offer.id } });
      await Taro.navigateTo({ url: `/package-apply/contract/index?id=${contract.id}` });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : zhCN.errors.generic);
    } finally {
      setAccepting(false);
    }
  };
  return (
    <View data-testid="decision-approved">
      <View className="lj-apply__title">{t.approvedTitle}</View>
      <Text className="lj-apply__lead">{t.approvedLead}</Text>
      <ApplicationNumber id={app.id} />
      <View className="lj-apply__card">
        <Text className="lj-secondary">{t.limit}</Text>
        <Text className="lj-apply__big" data-testid="offer-limit">
          {formatYuan(offer.limitFen)}
        </Text>
        <View className="lj-apply__facts">
          <Fact label={t.apr} value={offer.aprPercent} testId="offer-apr" keyTerm />
          <Fact
            label={t.contractRate}
            value={`${formatRatePercent(offer.annualRate)}（${offer.rateType}）`}
            testId="offer-rate"
          />
          <Fact label={t.term} value={zhCN.apply.months(offer.termMonths)} testId="offer-term" />
          <Fact label={t.method} value={methodLabel(offer.method)} testId="offer-method" />
          <Fact label={t.fees} value={offer.feesFen === 0 ? t.noFees : formatYuan(offer.feesFen)} testId="offer-fees" />
          <Fact label={t.penalty} value={offer.penaltyRule} testId="offer-penalty" />
          <Fact label={t.prepayment} value={offer.prepaymentRule} testId="offer-prepayment" />
          <Fact label={t.validUntil} value={formatDateTime(offer.validUntil)} testId="offer-valid" />
        </View>
      </View>
      <RepaymentPlanPreview
        principalFen={offer.limitFen}
        termMonths={offer.termMonths}
        method={offer.method as AmortisingMethod}
        annualRate={offer.annualRate}
        rateKind="offer"
      />
      {error && (
        <Text className="lj-apply__error" data-testid="accept-error">
          {error}
        </Text>
      )}
      <View className="lj-apply__actions">
        <Button type="primary" block loading={accepting} disabled={accepting} onClick={accept} data-testid="accept">
          {accepting ? t.signing : t.sign}
        </Button>
        <Button
          block
          fill="outline"
          onClick={() => Taro.switchTab({ url: '/pages/index/index' })}
          data-testid="decline"
        >
          {t.decline}
        </Button>
        <Text className="lj-secondary">{t.declineHint}</Text>
      </View>
    </View>
  );
}

function InReview({ app, onRefresh }: { app: Application; onRefresh: () => void }) {
  const t = zhCN.apply.decision;
  const expectedBy = (app.decision as { expectedBy?: string }).expectedBy ?? '1 个工作日内';
  return (
    <View data-testid="decision-review">
      <View className="lj-apply__title">{t.reviewTitle}</View>
      <View className="lj-apply__card">
        <Text data-testid="review-expected">{t.reviewLead(expectedBy)}</Text>
        <Text className="lj-secondary">{t.reviewNext}</Text>
      </View>
      <ApplicationNumber id={app.id} />
      <View className="lj-apply__actions">
        <Button type="primary" block onClick={onRefresh} data-testid="refresh">
          {t.refresh}
        </Button>
        <Button
          block
          fill="outline"
          onClick={() => Taro.navigateTo({ url: '/package-account/notices/index' })}
          data-testid="to-notices"
        >
          {t.toNotices}
        </Button>
      </View>
    </View>
  );
}

function Rejected({ app }: { app: Application }) {
  const t = zhCN.apply.decision;
  // Only the plain-language category is shown; reason codes are the rule internals (PIPL Art. 24
  // asks for an explanation, not the scorecard).
  return (
    <View data-testid="decision-rejected">
      <View className="lj-apply__title">{t.rejectedTitle}</View>
      <View className="lj-apply__card">
        <Text className="lj-secondary">{t.rejectedReason}</Text>
        <Text data-testid="reject-category">{app.decision.category ?? t.rejectedFallback}</Text>
        <Text className="lj-secondary">{t.humanReview}</Text>
      </View>
      <ApplicationNumber id={app.id} />
      <View className="lj-apply__actions">
        {/* The service page opens with this application's number filled in. */}
        <Button
          type="primary"
          block
          onClick={() =>
            Taro.navigateTo({ url: `/package-account/service/index?applicationId=${encodeURIComponent(app.id)}` })
          }
          data-testid="to-review"
        >
          {t.toReview}
        </Button>
        <Button block fill="outline" onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
          {t.toHome}
        </Button>
      </View>
    </View>
  );
}

export default function DecisionPage() {
  const id = useRouter().params.id ?? '';
  useRiskPage('apply.decision');
  const app = useAsync(
    () => (id ? loadApplication(id) : Promise.reject(new ApiError(400, 'MISSING_ID', zhCN.apply.decision.missingId))),
    [id],
  );
  let body;
  if (app.loading) body = <LoadingState />;
  else if (app.error || !app.data)
    body = <ErrorState message={app.error ?? zhCN.errors.generic} onRetry={app.reload} />;
  else if (app.data.status === 'approved') body = <Approved app={app.data} />;
  else if (app.data.status === 'review') body = <InReview app={app.data} onRefresh={app.reload} />;
  else body = <Rejected app={app.data} />;
  // A refusal ends the journey here, so it shows no "step 1 of 3".
  const onJourney = app.data && app.data.status !== 'rejected';
  return (
    <PageShell testId="page-decision">
      {onJourney && (
        <StepIndicator phase={zhCN.common.phases.loan} step={LOAN_STEPS.decision} total={LOAN_STEPS.total} />
      )}
      {body}
    </PageShell>
  );
}
