import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { AppError } from '../errors';
import { matchStaffKey } from './staff-auth';
import { resolveStaffSession } from './staff-sessions';

/** Staff roles. `machine` is the X-Staff-Key: tools such as the simulator over HTTP, never a person. */
export type StaffRole = 'analyst' | 'supervisor' | 'machine';

/** Who is calling a staff route. */
export interface StaffPrincipal {
  kind: 'session' | 'key';
  /** Recorded as the actor of every action: `staff:<username>`, or `staff:<8 hex>` for a key. */
  actor: string;
  role: StaffRole;
  staffId: string | null;
  username: string | null;
  displayName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the staff authenticator on every staff route. */
    staff?: StaffPrincipal;
  }
}

const unauthorized = () => new AppError(401, 'STAFF_UNAUTHORIZED', '需要员工登录（或有效的 X-Staff-Key）');

function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(h);
  return m ? m[1] : null;
}

/**
 * onRequest hook of every staff route: an `X-Staff-Key` (machine access, checked first so a tool
 * that also carries a customer session is still a tool), else a staff session
 * (`Authorization: Bearer`, from POST /api/staff-login). A customer's session is not a staff one.
 * Runs before the body is parsed, so a caller without a credential learns nothing.
 */
export function staffAuthenticator(opts: { db: Db; clock: Clock; keys: readonly string[] }) {
  const keyActor = matchStaffKey(opts.keys);
  return async (request: FastifyRequest): Promise<void> => {
    const key = request.headers['x-staff-key'];
    if (typeof key === 'string' && key.length > 0) {
      const actor = keyActor(key);
      if (!actor) throw unauthorized();
      request.staff = { kind: 'key', actor, role: 'machine', staffId: null, username: null, displayName: actor };
      request.staffActor = actor;
      return;
    }
    const token = bearer(request);
    if (!token) throw unauthorized();
    const s = await resolveStaffSession(opts.db, opts.clock, token);
    if (s === 'expired') throw new AppError(401, 'STAFF_SESSION_EXPIRED', '登录已过期，请重新登录');
    if (!s) throw unauthorized();
    request.staff = {
      kind: 'session',
      actor: `staff:${s.username}`,
      role: s.role,
      staffId: s.id,
      username: s.username,
      displayName: s.display_name,
    };
    request.staffActor = request.staff.actor;
  };
}

/** The caller of a staff route (the authenticator ran first, so this only fails on a wiring mistake). */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw unauthorized();
  return request.staff;
}
