import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Cell, Switch } from '../../components/nutui';
import { zhCN } from '../../locales/zh-CN';
import { useElderMode } from '../../services/elder-mode';

const go = (url: string) => () => Taro.navigateTo({ url });

export default function MePage() {
  const t = zhCN.me;
  const [elder, setElder] = useElderMode();
  return (
    <PageShell testId="page-me">
      <View>
        <Cell
          title={t.elderMode}
          description={t.elderModeHint}
          extra={<Switch checked={elder} onChange={(on: boolean) => setElder(on)} data-testid="elder-switch" />}
        />
        <Cell title={t.consent} clickable onClick={go('/pages/consent/index')} />
        <Cell title={t.notices} clickable onClick={go('/package-account/notices/index')} />
        <Cell title={t.settings} clickable onClick={go('/package-account/settings/index')} />
      </View>
    </PageShell>
  );
}
