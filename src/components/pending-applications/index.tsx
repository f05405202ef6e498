import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '../nutui';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN/entry';
import { api } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import './index.scss';

/** Where an application's decision (and, while in review, its progress) is shown. */
export const decisionUrl = (id: string) => `/package-apply/decision/index?id=${encodeURIComponent(id)}`;

/**
 * Applications the bank is still reviewing, for 首页 and 我的贷款: an owner whose application went to
 * review has no loan yet, and without this block the application would vanish from both screens.
 * Shows nothing while loading, on error (the loans block beside it reports the network) or when
 * nothing is in review.
 */
export function PendingApplications() {
  const t = zhCN.servicing.pending;
  const apps = useAsync(() => api.get('/api/applications'), []);
  // Back from the decision page or a notice: the review may have finished.
  useDidShow(() => {
    if (!apps.loading) apps.reload();
  });
  const inReview = (apps.data?.items ?? []).filter((a) => a.status === 'review');
  if (inReview.length === 0) return null;
  return (
    <View className="lj-pending" data-testid="pending-applications">
      <View className="lj-pending__title">{t.title}</View>
      {inReview.map((a) => (
        <View key={a.id} className="lj-pending__card" data-testid={`pending-application-${a.id}`}>
          <View className="lj-pending__head">
            <Text className="lj-pending__badge">{t.status}</Text>
            <Text className="lj-secondary">{t.submittedAt(a.createdAt.slice(0, 10))}</Text>
          </View>
          <Text className="lj-pending__line">{t.summary(formatYuan(a.amountFen), a.termMonths)}</Text>
          <Text className="lj-pending__line" data-testid="pending-application-no">
            {t.applicationNo} {a.id}
          </Text>
          <Text className="lj-secondary lj-pending__line">{t.next}</Text>
          <Button
            fill="outline"
            block
            data-testid="pending-application-open"
            onClick={() => Taro.navigateTo({ url: decisionUrl(a.id) })}
          >
            {t.open}
          </Button>
        </View>
      ))}
    </View>
  );
}
