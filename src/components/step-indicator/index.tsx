import { Text } from '@tarojs/components';
import { zhCN } from '../../locales/zh-CN';

interface StepIndicatorProps {
  step: number;
  total: number;
}

/** “第2步 / 共5步”: every step of a journey tells the user where they are. */
export function StepIndicator({ step, total }: StepIndicatorProps) {
  return (
    <Text className="lj-secondary" data-testid="step-indicator">
      {zhCN.common.stepOf(step, total)}
    </Text>
  );
}
