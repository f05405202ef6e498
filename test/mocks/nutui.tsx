// Stand-ins for the NutUI components the app uses. NutUI's UMD build needs canvas and the Taro
// runtime, which jsdom lacks; the real components are exercised by the browser tests.
import type { ReactNode } from 'react';

type Common = { children?: ReactNode; className?: string; 'data-testid'?: string };

export function Button({
  children,
  onClick,
  disabled,
  loading,
  className,
  ...rest
}: Common & {
  onClick?: () => void;
  disabled?: boolean;
  loading?: boolean;
  [k: string]: unknown;
}) {
  return (
    <button
      className={className}
      data-testid={rest['data-testid'] as string}
      disabled={disabled || loading}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function Cell({
  title,
  description,
  extra,
  onClick,
  children,
  className,
}: Common & {
  title?: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
  onClick?: () => void;
  clickable?: boolean;
}) {
  return (
    <div className={className} onClick={onClick} role={onClick ? 'button' : undefined}>
      {title}
      {description}
      {children}
      {extra}
    </div>
  );
}

export function Switch({
  checked,
  onChange,
  disabled,
  ...rest
}: Common & {
  checked?: boolean;
  onChange?: (on: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <input
      type="checkbox"
      role="switch"
      aria-checked={checked}
      checked={checked}
      disabled={disabled}
      data-testid={rest['data-testid']}
      onChange={(e) => onChange?.(e.target.checked)}
    />
  );
}
