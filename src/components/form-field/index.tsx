import { View, Text } from '@tarojs/components';
import { Input } from '../nutui';
import { riskBehaviour, type RiskField } from '../../services/risk';
import './index.scss';

export interface FormFieldProps {
  label: string;
  /** Test id of the field; the input is `${testId}-input`, the error `${testId}-error`. */
  testId: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** 'digit' and 'number' bring up the numeric keyboard in the mini-program. */
  type?: 'text' | 'number' | 'digit' | 'idcard' | 'tel';
  maxLength?: number;
  /** The validator's zh-CN message, shown under the field; the field is marked invalid. */
  error?: string | null;
  /** A non-blocking notice (e.g. a card number failing Luhn), shown in amber. */
  warning?: string | null;
  hint?: string;
  disabled?: boolean;
  /**
   * Lets the risk SDK measure typing rhythm on this field (lengths and timing only, never the
   * value), once the user has consented to behaviour data.
   */
  riskField?: RiskField;
}

/** A labelled input with its validation message in place (not a pop-up, so elder mode works). */
export function FormField(props: FormFieldProps) {
  const { label, testId, value, onChange, riskField, error, warning, hint } = props;
  // Looked up per event, not per render: on H5 the SDK arrives after the first screen, and a field
  // typed before it has loaded is simply not measured.
  const capture = () => (riskField ? riskBehaviour() : null);
  return (
    <View className={`lj-field${error ? ' lj-field--invalid' : ''}`} data-testid={testId}>
      <Text className="lj-field__label">{label}</Text>
      <Input
        className="lj-field__input"
        data-testid={`${testId}-input`}
        value={value}
        type={props.type ?? 'text'}
        // NutUI fills a missing placeholder with its own "请输入内容"; a field says what to type or nothing.
        placeholder={props.placeholder ?? ''}
        maxLength={props.maxLength}
        disabled={props.disabled}
        onChange={(next: string) => {
          if (riskField) capture()?.input(riskField, next.length);
          onChange(next);
        }}
        onFocus={() => riskField && capture()?.focus(riskField)}
        onBlur={() => riskField && capture()?.blur(riskField)}
      />
      {error ? (
        <Text className="lj-field__error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      ) : warning ? (
        <Text className="lj-field__warning" data-testid={`${testId}-warning`}>
          {warning}
        </Text>
      ) : hint ? (
        <Text className="lj-secondary">{hint}</Text>
      ) : null}
    </View>
  );
}
