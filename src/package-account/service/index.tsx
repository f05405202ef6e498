import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { zhCN } from '../../locales/zh-CN';
import './index.scss';

/**
 * Human review (PIPL Art. 24) and complaints. The sandbox bank has no route to file either, so
 * this screen lists the channels and says so, rather than pretending to submit anything.
 */
export default function ServicePage() {
  const t = zhCN.onboarding.service;
  return (
    <PageShell testId="page-service">
      <View className="lj-onb__title">{t.title}</View>
      <View className="lj-onb__card" data-testid="service-review">
        <Text className="lj-onb__subtitle">{t.reviewTitle}</Text>
        <Text>{t.reviewBody}</Text>
      </View>
      <View className="lj-onb__card" data-testid="service-complaint">
        <Text className="lj-onb__subtitle">{t.complaintTitle}</Text>
        <Text>{t.complaintBody}</Text>
      </View>
      <View className="lj-onb__card" data-testid="service-channels">
        <Text className="lj-onb__subtitle">{t.channelsTitle}</Text>
        {t.channels.map((c) => (
          <View key={c.name} className="lj-service__channel">
            <Text className="lj-service__name">{c.name}</Text>
            <Text>{c.value}</Text>
            <Text className="lj-secondary">{c.hours}</Text>
          </View>
        ))}
        <Text className="lj-onb__sandbox" data-testid="service-not-online">
          {t.notOnline}
        </Text>
        <Text className="lj-secondary">{t.regulator}</Text>
      </View>
    </PageShell>
  );
}
