import { zhCN } from '../../locales/zh-CN';
import { ApiError } from '../../services/api/api-error';

/** Where a failed submit's message goes: under one of the form's fields, or at the form level. */
export type ServerErrorPlace<K extends string> = { field: K; message: string } | { field: null; message: string };

/**
 * Places the bank's answer to a submit. The bank names a field by its body key (`field`); the form
 * maps it to its own field. The message lands under that field only when the field is on screen
 * now — a field hidden by the form's state (the authorisation number while "我是法定代表人" is
 * chosen, the enterprise choice when there is one enterprise) would swallow it and the owner would
 * see nothing — otherwise at the form level, which every form shows next to its submit button.
 */
export function placeServerError<K extends string>(
  e: unknown,
  fieldOf: Partial<Record<string, K>>,
  visible: readonly K[],
): ServerErrorPlace<K> {
  const err = e instanceof ApiError ? e : null;
  const message = err?.message ?? zhCN.errors.generic;
  const field = err?.field ? fieldOf[err.field] : undefined;
  return field && visible.includes(field) ? { field, message } : { field: null, message };
}
