import { View, Text } from '@tarojs/components';
import { zhCN, ONBOARDING_STEPS, type AreaKey } from '../../locales/zh-CN';
import { PageShell } from '../page-shell';
import { StepIndicator } from '../step-indicator';
import './index.scss';

interface AreaPlaceholderProps {
  area: AreaKey;
}

/**
 * The page of an area whose screens are not built yet: it keeps the route and subpackage in
 * place, says what the area will do, and says plainly that it is not open yet.
 */
export function AreaPlaceholder({ area }: AreaPlaceholderProps) {
  const text = zhCN.areas[area];
  const step = 'step' in text ? text.step : undefined;
  return (
    <PageShell testId={`page-${area}`}>
      {step !== undefined && <StepIndicator step={step} total={ONBOARDING_STEPS} />}
      <View className="lj-area__title">{text.title}</View>
      <View className="lj-area__body">{text.body}</View>
      <Text className="lj-secondary lj-area__soon">{zhCN.common.comingSoon}</Text>
    </PageShell>
  );
}
