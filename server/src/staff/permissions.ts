import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { StaffRole } from './principal';

/**
 * What each role may do, in one place. Analysts read everything and work the queues; supervisors
 * also lock channels down, see unmasked customer identifiers (with a recorded reason), release a
 * resident ID so another account can verify it (identity reuse through 人工服务), change rule
 * sets (activation needs a second supervisor) and start simulator runs. The machine key keeps what
 * the staff API offered tools before sessions existed (reading, lockdowns, hold verdicts).
 */
export const PERMISSIONS = {
  'risk.read': ['analyst', 'supervisor', 'machine'],
  'holds.resolve': ['analyst', 'supervisor', 'machine'],
  'channels.lockdown': ['supervisor', 'machine'],
  'reviews.answer': ['analyst', 'supervisor'],
  'customers.reveal': ['supervisor'],
  'identity.release': ['supervisor'],
  'rules.change': ['supervisor'],
  'simulations.run': ['supervisor'],
  'audit.read': ['analyst', 'supervisor', 'machine'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

/** Permissions of a role, for the console to show or grey out actions. */
export function permissionsOf(role: StaffRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

/** onRequest hook after the authenticator: 403 STAFF_FORBIDDEN unless the caller's role allows it. */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!can(request.staff?.role, permission)) {
      const who = can('analyst', permission) ? '需要员工账号登录' : '需要主管权限';
      throw new AppError(403, 'STAFF_FORBIDDEN', `您的角色无权执行此操作（${who}）`);
    }
  };
}
