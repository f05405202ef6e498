import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ProductCard } from '../../components/product-card';
import { Button } from '../../components/nutui';
import { zhCN } from '../../locales/zh-CN/entry';
import { useElderMode } from '../../services/elder-mode';
import { useSignedIn } from '../../services/session';
import { HomeLoanSummary } from '../../components/servicing-home-summary';
import { PendingApplications } from '../../components/pending-applications';
import { productLimitRange, productRate, productTermRange } from '../../services/product-display';
import './index.scss';

export default function HomePage() {
  const t = zhCN.home;
  const [elder, setElder] = useElderMode();
  const signedIn = useSignedIn();
  return (
    <PageShell testId="page-home">
      <View className="lj-home__header">
        <View className="lj-home__brand">{zhCN.app.name}</View>
        <Button size="small" fill="outline" onClick={() => setElder(!elder)} data-testid="elder-toggle">
          {elder ? t.elderModeOn : t.elderModeOff}
        </Button>
      </View>
      <Text className="lj-secondary">{zhCN.app.tagline}</Text>
      <View className="lj-home__card">
        <ProductCard
          rate={productRate()}
          limitRange={productLimitRange()}
          termRange={productTermRange()}
          onEstimate={() => Taro.navigateTo({ url: '/pages/consent/index' })}
        />
      </View>
      <View className="lj-home__loans" data-testid="home-loans">
        <View className="lj-home__section-title">{t.loansTitle}</View>
        {signedIn ? (
          <>
            <PendingApplications />
            <HomeLoanSummary />
          </>
        ) : (
          <>
            <Text className="lj-secondary">{t.loansLoggedOut}</Text>
            <Button
              fill="outline"
              block
              onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}
              data-testid="home-login"
            >
              {t.loginCta}
            </Button>
          </>
        )}
      </View>
      <View className="lj-home__notice" data-testid="anti-scam">
        {t.antiScam}
      </View>
    </PageShell>
  );
}
