import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../deps';
import { requirePermission, type Permission } from './permissions';

/** A staff session (`Authorization: Bearer`, from POST /api/staff-login) or the machine key. */
export const STAFF_SECURITY: Array<Record<string, string[]>> = [{ staffSession: [] }, { staffKey: [] }];

export const StaffHeaders = Type.Object({
  authorization: Type.Optional(Type.String({ maxLength: 200 })),
  'x-staff-key': Type.Optional(Type.String({ maxLength: 256 })),
});

/** Route options shared by staff routes: OpenAPI tag and security, and the credential + role checks. */
export function staffRoute(deps: AppDeps, permission: Permission, tag: string) {
  return {
    onRequest: [deps.authenticateStaff, requirePermission(permission)],
    common: { tags: [tag], security: STAFF_SECURITY, headers: StaffHeaders },
  };
}

/** Why, kept with the record: one line of text (PostgreSQL refuses NUL in text; no control characters). */
export const Reason = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[^\\u0000-\\u001f\\u007f]+$',
  description: 'why (kept with the record and in the audit log)',
});

export const Limit = Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '1–999' });
export const Time = Type.String({ maxLength: 40, description: 'ISO-8601 instant, e.g. 2026-03-01T10:00:00+08:00' });
