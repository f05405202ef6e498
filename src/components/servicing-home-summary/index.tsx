import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '../nutui';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN/entry';
import { api } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { repayUrl } from '../servicing-data';
import './index.scss';

/**
 * The signed-in home's "my loans" block: overdue loans first (with the amount incl. penalty and a
 * way to repay), then the next due instalment across all loans.
 */
export function HomeLoanSummary() {
  const t = zhCN.servicing.home;
  const loans = useAsync(() => api.get('/api/loans'), []);
  if (loans.loading) return <Text className="lj-secondary">{t.loading}</Text>;
  if (loans.error) {
    return (
      <View data-testid="home-loans-error">
        <Text className="lj-home-summary__error">{loans.error}</Text>
        <Button fill="outline" size="small" onClick={loans.reload}>
          {zhCN.common.retry}
        </Button>
      </View>
    );
  }
  const items = loans.data?.items ?? [];
  const overdue = items.filter((l) => l.status === 'overdue');
  const upcoming = items
    .flatMap((l) => (l.status === 'active' && l.nextDue ? [{ id: l.id, ...l.nextDue }] : []))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const next = upcoming[0];
  const toLoans = () => Taro.switchTab({ url: '/pages/loans/index' });
  return (
    <View data-testid="home-loan-summary">
      {overdue.length > 0 && (
        <View className="lj-home-summary__overdue" data-testid="home-overdue">
          <Text>
            {t.overdueWarning(overdue.length, formatYuan(overdue.reduce((a, l) => a + l.overdue.totalFen, 0)))}
          </Text>
          <Button
            type="danger"
            block
            data-testid="home-repay-overdue"
            onClick={() => Taro.navigateTo({ url: repayUrl(overdue[0].id) })}
          >
            {t.repayNow}
          </Button>
        </View>
      )}
      {next ? (
        <View className="lj-home-summary__next" data-testid="home-next-due">
          <Text className="lj-secondary">{t.nextDue(next.dueDate)}</Text>
          <View className="lj-home-summary__amount">
            {t.nextDueAmount} {formatYuan(next.amountFen)}
          </View>
        </View>
      ) : (
        overdue.length === 0 && <Text className="lj-secondary">{t.noLoans}</Text>
      )}
      <Button fill="outline" block data-testid="home-all-loans" onClick={toLoans}>
        {t.allLoans}
      </Button>
    </View>
  );
}
