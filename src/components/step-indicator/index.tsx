import { Text } from '@tarojs/components';
import { zhCN } from '../../locales/zh-CN/entry';

interface StepIndicatorProps {
  step: number;
  total: number;
  /** The part of the journey (登录, 签约放款) when it is counted apart from the application's five steps. */
  phase?: string;
}

/** “第2步 / 共5步”: every step of a journey tells the user where they are. */
export function StepIndicator({ step, total, phase }: StepIndicatorProps) {
  const where = zhCN.common.stepOf(step, total);
  return (
    <Text className="lj-secondary" data-testid="step-indicator">
      {phase ? zhCN.common.stepIn(phase, where) : where}
    </Text>
  );
}
