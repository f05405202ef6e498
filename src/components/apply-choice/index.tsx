import { View, Text } from '@tarojs/components';
import './index.scss';

export interface ChoiceOption<T extends string | number> {
  value: T;
  label: string;
  hint?: string;
}

export interface ChoiceGroupProps<T extends string | number> {
  label: string;
  /** Each option's test id is `${testId}-${value}`; the error `${testId}-error`. */
  testId: string;
  options: readonly ChoiceOption<T>[];
  /** Null until the user picks: nothing is pre-selected for them. */
  value: T | null;
  onChange: (value: T) => void;
  error?: string | null;
  hint?: string;
}

/**
 * A labelled single choice shown as large tap targets (term, repayment method, purpose). Every
 * option is equally prominent and none is chosen for the user; the error sits under the group.
 */
export function ChoiceGroup<T extends string | number>(props: ChoiceGroupProps<T>) {
  const { label, testId, options, value, onChange, error, hint } = props;
  return (
    <View className={`lj-choice${error ? ' lj-choice--invalid' : ''}`} data-testid={testId}>
      <Text className="lj-choice__label">{label}</Text>
      <View className="lj-choice__options" role="radiogroup">
        {options.map((o) => {
          const selected = o.value === value;
          return (
            <View
              key={String(o.value)}
              className={`lj-choice__option${selected ? ' lj-choice__option--selected' : ''}`}
              role="radio"
              aria-checked={selected}
              data-testid={`${testId}-${o.value}`}
              onClick={() => onChange(o.value)}
            >
              <Text>{o.label}</Text>
              {o.hint && <Text className="lj-choice__hint">{o.hint}</Text>}
            </View>
          );
        })}
      </View>
      {error ? (
        <Text className="lj-choice__error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      ) : hint ? (
        <Text className="lj-secondary">{hint}</Text>
      ) : null}
    </View>
  );
}
