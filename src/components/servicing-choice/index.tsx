import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface ChoiceCardProps {
  title: string;
  selected: boolean;
  onSelect: () => void;
  testId: string;
  disabled?: boolean;
  children?: ReactNode;
}

/**
 * A large tappable option (repayment kind, deferral option): a whole card is the touch target,
 * the choice is announced as a radio, and a disabled card still shows why it is unavailable.
 */
export function ChoiceCard({ title, selected, onSelect, testId, disabled, children }: ChoiceCardProps) {
  return (
    <View
      className={`lj-choice${selected ? ' lj-choice--selected' : ''}${disabled ? ' lj-choice--disabled' : ''}`}
      role="radio"
      aria-checked={selected}
      aria-disabled={disabled}
      data-testid={testId}
      data-selected={selected ? 'true' : 'false'}
      onClick={() => !disabled && onSelect()}
    >
      <View className="lj-choice__head">
        <View className={`lj-choice__dot${selected ? ' lj-choice__dot--on' : ''}`} />
        <Text className="lj-choice__title">{title}</Text>
      </View>
      {children && <View className="lj-choice__body">{children}</View>}
    </View>
  );
}
