import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button } from '../../components/nutui';
import { LoadingState, ErrorState, EmptyState } from '../../components/status';
import { LoanCard } from '../../components/loan-card';
import { PendingApplications } from '../../components/pending-applications';
import { groupOf, loanDetailUrl, type LoanGroup, type LoanSummary } from '../../components/servicing-data';
import { api } from '../../services/api/client';
import { useSignedIn } from '../../services/session';
import { useAsync } from '../../services/use-async';
import { zhCN } from '../../locales/zh-CN/entry';
import './index.scss';

const GROUPS: LoanGroup[] = ['overdue', 'active', 'settled'];
const LOGIN_URL = `/pages/login/index?redirect=${encodeURIComponent('/pages/loans/index')}`;

/** My loans: overdue first (it needs action), then active, then settled; each card opens the detail. */
export default function LoansPage() {
  const signedIn = useSignedIn();
  return (
    <PageShell testId="page-loans">
      {signedIn ? (
        <>
          {/* An application in review has no loan yet; without this it would vanish from the list. */}
          <PendingApplications />
          <LoanList />
        </>
      ) : (
        <SignedOut />
      )}
    </PageShell>
  );
}

function SignedOut() {
  const t = zhCN.servicing.list;
  return (
    <EmptyState
      title={t.signedOutTitle}
      hint={t.signedOutHint}
      action={
        <Button type="primary" data-testid="loans-login" onClick={() => Taro.navigateTo({ url: LOGIN_URL })}>
          {t.loginCta}
        </Button>
      }
    />
  );
}

function LoanList() {
  const t = zhCN.servicing.list;
  const loans = useAsync(() => api.get('/api/loans'), []);
  // Coming back from a repayment or deferral: show the loans as they are now.
  useDidShow(() => {
    if (!loans.loading) loans.reload();
  });
  if (loans.loading && !loans.data) return <LoadingState text={t.loading} />;
  if (loans.error) return <ErrorState message={loans.error} onRetry={loans.reload} />;
  const items = loans.data?.items ?? [];
  if (items.length === 0) {
    return (
      <View data-testid="loans-empty">
        <EmptyState
          title={zhCN.loans.empty}
          hint={zhCN.loans.emptyHint}
          action={
            <Button type="primary" onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
              {zhCN.loans.applyCta}
            </Button>
          }
        />
      </View>
    );
  }
  const title: Record<LoanGroup, string> = {
    overdue: t.groupOverdue,
    active: t.groupActive,
    settled: t.groupSettled,
  };
  const open = (id: string) => Taro.navigateTo({ url: loanDetailUrl(id) });
  return (
    <View>
      {GROUPS.map((g) => {
        const inGroup: LoanSummary[] = items.filter((l) => groupOf(l.status) === g);
        if (inGroup.length === 0) return null;
        return (
          <View key={g} className={`lj-loans__group lj-loans__group--${g}`} data-testid={`loans-group-${g}`}>
            <Text className="lj-loans__group-title">
              {title[g]} · {inGroup.length}
            </Text>
            {inGroup.map((l) => (
              <LoanCard key={l.id} loan={l} onOpen={open} />
            ))}
          </View>
        );
      })}
    </View>
  );
}
