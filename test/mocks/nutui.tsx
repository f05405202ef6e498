// Stand-ins for the NutUI components the app uses. NutUI's UMD build needs canvas and the Taro
// runtime, which jsdom lacks; the real components are exercised by the browser tests. Inputs are
// real DOM inputs so tests can type into them and read visible validation messages.
import type { ReactNode } from 'react';

type Props = { children?: ReactNode; className?: string; 'data-testid'?: string; [k: string]: unknown };

const testId = (p: Props) => p['data-testid'];

export function Button({ children, onClick, disabled, loading, className, ...rest }: Props) {
  return (
    <button
      className={className}
      data-testid={testId(rest)}
      disabled={Boolean(disabled || loading)}
      onClick={onClick as () => void}
    >
      {children}
    </button>
  );
}

export function Cell({ title, description, extra, onClick, children, className, ...rest }: Props) {
  return (
    <div
      className={className}
      data-testid={testId(rest)}
      onClick={onClick as () => void}
      role={onClick ? 'button' : undefined}
    >
      {title as ReactNode}
      {description as ReactNode}
      {children}
      {extra as ReactNode}
    </div>
  );
}

export function Switch({ checked, onChange, disabled, ...rest }: Props) {
  return (
    <input
      type="checkbox"
      role="switch"
      aria-checked={Boolean(checked)}
      checked={Boolean(checked)}
      disabled={Boolean(disabled)}
      data-testid={testId(rest)}
      onChange={(e) => (onChange as ((on: boolean) => void) | undefined)?.(e.target.checked)}
    />
  );
}

export function Checkbox({ checked, onChange, disabled, label, children, ...rest }: Props) {
  return (
    <label>
      <input
        type="checkbox"
        checked={Boolean(checked)}
        disabled={Boolean(disabled)}
        data-testid={testId(rest)}
        onChange={(e) => (onChange as ((on: boolean) => void) | undefined)?.(e.target.checked)}
      />
      {(label as ReactNode) ?? children}
    </label>
  );
}

export function Input({ value, onChange, onFocus, onBlur, placeholder, disabled, type, maxLength, ...rest }: Props) {
  return (
    <input
      value={(value as string | undefined) ?? ''}
      // As NutUI does: no placeholder prop means its default text.
      placeholder={placeholder === undefined ? '请输入内容' : (placeholder as string)}
      disabled={Boolean(disabled)}
      type={type === 'password' ? 'password' : 'text'}
      maxLength={maxLength as number | undefined}
      data-testid={testId(rest)}
      onChange={(e) => (onChange as ((v: string) => void) | undefined)?.(e.target.value)}
      onFocus={onFocus as () => void}
      onBlur={onBlur as () => void}
    />
  );
}

export function RadioGroup({ value, onChange, children, ...rest }: Props) {
  return (
    <div role="radiogroup" data-testid={testId(rest)} data-value={String(value ?? '')} onChange={() => undefined}>
      <RadioContext value={value} onChange={onChange as (v: unknown) => void}>
        {children}
      </RadioContext>
    </div>
  );
}

let currentRadio: { value: unknown; onChange?: (v: unknown) => void } = { value: undefined };
function RadioContext({
  value,
  onChange,
  children,
}: {
  value: unknown;
  onChange?: (v: unknown) => void;
  children?: ReactNode;
}) {
  currentRadio = { value, onChange };
  return <>{children}</>;
}

export function Radio({ value, children, disabled, ...rest }: Props) {
  const group = currentRadio;
  return (
    <label>
      <input
        type="radio"
        data-testid={testId(rest)}
        checked={group.value === value}
        disabled={Boolean(disabled)}
        onChange={() => group.onChange?.(value)}
      />
      {children}
    </label>
  );
}

/** Layout and display components: a div that keeps children, click handler and test id. */
function passthrough(name: string) {
  return function NutuiStandIn({ children, onClick, title, description, ...rest }: Props) {
    return (
      <div data-nutui={name} data-testid={testId(rest)} onClick={onClick as () => void}>
        {title as ReactNode}
        {description as ReactNode}
        {children}
      </div>
    );
  };
}

export const Tag = passthrough('Tag');
export const Loading = passthrough('Loading');
