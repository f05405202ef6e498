import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button } from '../../components/nutui';
import { LoadingState, ErrorState } from '../../components/status';
import { LoanSchedule } from '../../components/loan-schedule';
import { PrincipalInterestChart } from '../../components/principal-interest-chart';
import { deferralOf, deferralUrl, repayUrl, scheduleOf, type LoanDetail } from '../../components/servicing-data';
import { formatYuan, formatRatePercent } from '../../domain';
import { api } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { zhCN } from '../../locales/zh-CN';
import { useShownLoanId } from './shown-loan-id';
import './index.scss';

/** Loan detail: key terms, the full schedule with paid/overdue marks, a principal-vs-interest chart, actions. */
export default function LoanDetailPage() {
  const id = useShownLoanId();
  const t = zhCN.servicing.detail;
  const loan = useAsync(() => api.get('/api/loans/{id}', { params: { id } }), [id]);
  // Back from repay or deferral: the schedule has changed. (A show for another loan changes `id`,
  // which loads that loan by itself.)
  useDidShow(() => {
    if (!loan.loading && loan.data?.id === id) loan.reload();
  });
  // Never show one loan under another's link: until the asked-for loan arrives, say it is loading.
  const shown = loan.data?.id === id ? loan.data : undefined;
  return (
    <PageShell testId="page-loanDetail">
      {loan.loading && !shown ? (
        <LoadingState text={t.loading} />
      ) : loan.error || !shown ? (
        <ErrorState message={loan.error ?? zhCN.errors.generic} onRetry={loan.reload} />
      ) : (
        <DetailBody loan={shown} />
      )}
    </PageShell>
  );
}

function DetailBody({ loan }: { loan: LoanDetail }) {
  const t = zhCN.servicing.detail;
  const rows = scheduleOf(loan);
  const totals = (loan as { totals?: { principalFen: number; interestFen: number; paymentFen: number } }).totals;
  const deferral = deferralOf(loan);
  const open = loan.status === 'active' || loan.status === 'overdue';
  const rateType = (loan as { rateType?: string }).rateType ?? '';
  return (
    <View>
      <View className="lj-loan-detail__card">
        <Text className="lj-secondary">{t.outstanding}</Text>
        <View className="lj-loan-detail__big" data-testid="detail-outstanding">
          {formatYuan(loan.outstandingPrincipalFen)}
        </View>
        <Line label={t.principal} value={formatYuan(loan.principalFen)} />
        <Line label={t.apr} value={zhCN.servicing.card.aprValue(loan.aprPercent, loan.aprBasis)} testId="detail-apr" />
        <Text className="lj-secondary">{t.contractRate(formatRatePercent(loan.annualRate), rateType)}</Text>
        <Line label={t.method} value={zhCN.servicing.method[loan.method] ?? loan.method} />
        <Line label={t.term} value={t.termValue(loan.termMonths)} />
        <Line label={t.period} value={t.dates(loan.startDate, loan.maturityDate)} />
        {loan.nextDue && loan.status === 'active' && (
          <Line
            label={t.nextDue}
            value={zhCN.servicing.card.nextDueValue(loan.nextDue.dueDate, formatYuan(loan.nextDue.amountFen))}
          />
        )}
        {loan.status === 'overdue' && (
          <Text className="lj-loan-detail__overdue" data-testid="detail-overdue">
            {t.overdue(formatYuan(loan.overdue.totalFen), formatYuan(loan.overdue.penaltyFen))}
          </Text>
        )}
        {deferral && <Text className="lj-secondary">{t.deferred(deferral.months)}</Text>}
      </View>

      {open ? (
        <View className="lj-loan-detail__actions">
          <Button
            type="primary"
            block
            data-testid="detail-repay"
            onClick={() => Taro.navigateTo({ url: repayUrl(loan.id) })}
          >
            {t.repay}
          </Button>
          <Button
            fill="outline"
            block
            data-testid="detail-deferral"
            onClick={() => Taro.navigateTo({ url: deferralUrl(loan.id) })}
          >
            {t.deferral}
          </Button>
        </View>
      ) : (
        <Text className="lj-secondary">{t.settledNote}</Text>
      )}

      <View className="lj-loan-detail__section lj-loan-detail__section--wide">
        <View className="lj-loan-detail__title">{t.scheduleTitle}</View>
        <LoanSchedule rows={rows} totals={totals} />
      </View>
      <View className="lj-loan-detail__section">
        <View className="lj-loan-detail__title">{t.chartTitle}</View>
        <PrincipalInterestChart rows={rows} />
      </View>
      <View className="lj-loan-detail__section" data-testid="detail-conventions">
        <View className="lj-loan-detail__title">{t.conventionsTitle}</View>
        <Text className="lj-secondary lj-loan-detail__line">{t.dayCount(loan.dayCount)}</Text>
        {t.conventions.map((c) => (
          <Text key={c} className="lj-loan-detail__line">
            · {c}
          </Text>
        ))}
      </View>
    </View>
  );
}

function Line({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className="lj-loan-detail__row">
      <Text className="lj-secondary">{label}</Text>
      <Text data-testid={testId}>{value}</Text>
    </View>
  );
}
