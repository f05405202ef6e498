import { zhCN } from '../../locales/zh-CN/entry';

/**
 * Every failed API call becomes an ApiError with a stable `code` and a zh-CN `message` that says
 * what to do next; `field` names the form field the server blamed, so forms can show it in place.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The bank's risk decision behind RISK_STEP_UP / RISK_HELD / RISK_BLOCKED (a step-up SMS names it). */
    readonly decisionId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Maps an HTTP answer that is not 2xx to an ApiError (server errors never leak their text). */
export function toApiError(status: number, body: unknown): ApiError {
  const t = zhCN.errors;
  if (status === 0) return new ApiError(0, 'NETWORK', t.network);
  if (status >= 500) return new ApiError(status, 'SERVER', t.server);
  const b = (body ?? {}) as { code?: unknown; message?: unknown; field?: unknown; decisionId?: unknown };
  const code = typeof b.code === 'string' ? b.code : `HTTP_${status}`;
  if (status === 401) return new ApiError(status, code, t.sessionExpired);
  const field = typeof b.field === 'string' ? b.field : undefined;
  let message = typeof b.message === 'string' && b.message ? b.message : t.generic;
  // The bank names the missing consent by its key; the screen names it as the notice does.
  const purposes: Record<string, { title: string }> = zhCN.onboarding.purposes;
  if (code === 'CONSENT_REQUIRED' && field && field in purposes) message = t.consentRequired(purposes[field].title);
  return new ApiError(status, code, message, field, typeof b.decisionId === 'string' ? b.decisionId : undefined);
}
