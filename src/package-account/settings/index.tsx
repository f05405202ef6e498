import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Cell, Switch } from '../../components/nutui';
import { zhCN } from '../../locales/zh-CN';
import { useElderMode } from '../../services/elder-mode';
import './index.scss';

const go = (url: string) => () => Taro.navigateTo({ url });

export default function SettingsPage() {
  const t = zhCN.onboarding.settings;
  const [elder, setElder] = useElderMode();
  return (
    <PageShell testId="page-settings">
      <View className="lj-settings__title">{t.title}</View>
      <View className="lj-settings__group">
        <Cell
          title={zhCN.me.elderMode}
          description={zhCN.me.elderModeHint}
          extra={
            <View data-testid="settings-elder">
              <Switch checked={elder} onChange={(on: boolean) => setElder(on)} />
            </View>
          }
        />
        <View data-testid="settings-consent">
          <Cell title={t.consent} clickable onClick={go('/pages/consent/index?manage=1')} />
        </View>
        <View data-testid="settings-contracts">
          <Cell title={t.contracts} clickable onClick={go('/package-account/contracts/index')} />
        </View>
        <View data-testid="settings-service">
          <Cell title={t.service} clickable onClick={go('/package-account/service/index')} />
        </View>
      </View>
      <View className="lj-settings__about" data-testid="settings-about">
        <Text className="lj-settings__subtitle">{t.aboutTitle}</Text>
        <Text>
          {zhCN.app.name} · {t.version(t.appVersion)}
        </Text>
        <Text className="lj-settings__sandbox" data-testid="settings-sandbox">
          {t.sandbox}
        </Text>
      </View>
    </PageShell>
  );
}
