import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatRatePercent, formatWan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import { api } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { useRiskPage } from '../../services/risk/use-risk-page';
import { PageShell } from '../../components/page-shell';
import { StepIndicator } from '../../components/step-indicator';
import { EmptyState, ErrorState, LoadingState } from '../../components/status';
import { Button } from '../../components/nutui';
import '../shared/apply.scss';

const go = (url: string) => () => Taro.navigateTo({ url });

export default function EstimatePage() {
  const t = zhCN.apply.estimate;
  useRiskPage('apply.estimate');
  // Estimating is read-only on the bank side (nothing stored, no credit query), so it simply runs
  // when the page opens.
  const estimate = useAsync(() => api.post('/api/estimates', { body: {} }), []);

  let body;
  if (estimate.loading) body = <LoadingState text={t.estimating} />;
  else if (estimate.errorCode === 'ENTERPRISE_REQUIRED')
    body = (
      <EmptyState
        title={t.noEnterpriseTitle}
        hint={t.noEnterpriseHint}
        action={
          <Button type="primary" onClick={go('/package-onboarding/enterprise/index')} data-testid="to-enterprise">
            {t.toEnterprise}
          </Button>
        }
      />
    );
  else if (estimate.errorCode === 'UNAUTHENTICATED' || estimate.errorCode === 'HTTP_401')
    body = (
      <EmptyState
        title={t.signInTitle}
        hint={t.signInHint}
        action={
          <Button type="primary" onClick={go('/pages/login/index')} data-testid="to-login">
            {t.toLogin}
          </Button>
        }
      />
    );
  else if (estimate.error || !estimate.data)
    body = <ErrorState message={estimate.error ?? zhCN.errors.generic} onRetry={estimate.reload} />;
  else if (estimate.data.maxFen === 0)
    body = (
      <EmptyState
        title={t.tooLowTitle}
        hint={t.tooLowHint}
        action={
          <Button fill="outline" onClick={go('/package-account/service/index')}>
            {t.toService}
          </Button>
        }
      />
    );
  else {
    const e = estimate.data;
    body = (
      <View data-testid="estimate-result">
        <View className="lj-apply__card">
          <Text className="lj-secondary">{t.rangeLabel}</Text>
          <Text className="lj-apply__big" data-testid="estimate-range">
            {formatWan(e.minFen)}–{formatWan(e.maxFen)}
          </Text>
          <Text className="lj-secondary">
            {t.rateLabel} {formatRatePercent(e.annualRate)}
          </Text>
          <Text className="lj-secondary">{e.basis}</Text>
          <Text className="lj-secondary">{t.enterprise(e.enterpriseName)}</Text>
        </View>
        <Text className="lj-apply__notice" data-testid="not-approval">
          {t.notApproval}
        </Text>
        <View className="lj-apply__actions">
          <Button type="primary" block onClick={go('/package-apply/application/index')} data-testid="continue">
            {t.continue}
          </Button>
          <Button block fill="outline" onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
            {t.later}
          </Button>
        </View>
      </View>
    );
  }
  return (
    <PageShell testId="page-estimate">
      <StepIndicator step={4} total={5} />
      <View className="lj-apply__title">{t.title}</View>
      <Text className="lj-apply__lead">{t.intro}</Text>
      {body}
    </PageShell>
  );
}
