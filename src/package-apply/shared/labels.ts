import { zhCN } from '../../locales/zh-CN';

/** 等额本息 etc. for a method code from the bank; an unknown code is shown as it is. */
export function methodLabel(method: string): string {
  const labels: Record<string, string> = zhCN.apply.methods;
  return labels[method] ?? method;
}

/** '2026-03-08T10:00:00.000+08:00' → '2026-03-08 10:00' (the bank already sends China time). */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}
