import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button } from '../../components/nutui';
import { zhCN } from '../../locales/zh-CN';

/** My loans. Until the user has a loan it is an empty state that says how to get one. */
export default function LoansPage() {
  const t = zhCN.loans;
  return (
    <PageShell testId="page-loans">
      <View className="lj-empty" data-testid="loans-empty">
        <View className="lj-empty__title">{t.empty}</View>
        <Text className="lj-secondary">{t.emptyHint}</Text>
        <Button type="primary" onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
          {t.applyCta}
        </Button>
      </View>
    </PageShell>
  );
}
