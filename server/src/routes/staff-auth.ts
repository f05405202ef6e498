import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { Body, errorResponses, IsoTime } from '../schemas';
import { isoTime } from '../time';
import { writeAudit } from '../staff/audit';
import { permissionsOf } from '../staff/permissions';
import { STAFF_SECURITY, StaffHeaders } from '../staff/route-kit';
import { currentTotp } from '../staff/staff-accounts';
import { revokeStaffSession, staffLogin, STAFF_IDLE_MS } from '../staff/staff-sessions';
import { perMinute } from './rate-limit';

const Username = Type.String({ pattern: '^[a-z][a-z0-9._-]{2,31}$', description: 'staff username' });
const LoginBody = Body({
  username: Username,
  password: Type.String({ minLength: 1, maxLength: 200 }),
  totp: Type.String({ pattern: '^\\d{6}$', description: 'the current 6-digit TOTP code (RFC 6238)' }),
});
const Role = Type.Union([Type.Literal('analyst'), Type.Literal('supervisor'), Type.Literal('machine')]);
const Me = Type.Object({
  actor: Type.String(),
  kind: Type.Union([Type.Literal('session'), Type.Literal('key')]),
  role: Role,
  username: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.String(),
  permissions: Type.Array(Type.String()),
});

function meOf(request: FastifyRequest) {
  const s = request.staff;
  if (!s) throw new AppError(401, 'STAFF_UNAUTHORIZED', '需要员工登录');
  return {
    actor: s.actor,
    kind: s.kind,
    role: s.role,
    username: s.username,
    displayName: s.displayName,
    permissions: permissionsOf(s.role),
  };
}

/**
 * Staff sign-in for the console: username + password (scrypt) + TOTP (RFC 6238) → a session token
 * that ends after 8 hours or 30 idle minutes. Sign-ins, good and bad, go to the audit log. The
 * login route lives outside /api/staff/ because everything there needs a credential.
 */
export default async function staffAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post(
    '/staff-login',
    {
      config: perMinute(deps.rateLimits.login),
      schema: {
        tags: ['staff'],
        summary: 'Staff sign-in: username, password and the current TOTP code → a staff session token',
        body: LoginBody,
        response: {
          200: Type.Object({
            token: Type.String(),
            expiresAt: IsoTime,
            idleMinutes: Type.Integer(),
            staff: Me,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const b = request.body as Static<typeof LoginBody>;
      const result = await staffLogin(deps.db, deps.clock, b);
      await writeAudit(deps.db, deps.clock, {
        actor: `staff:${b.username}`,
        actorKind: 'login',
        role: result.ok ? result.user.role : null,
        action: 'auth.login',
        outcome: result.ok ? 'ok' : 'failed',
        detail: result.ok ? {} : { code: result.error.code },
        requestId: request.id,
        ip: request.ip,
      });
      if (!result.ok) throw result.error;
      const { user } = result;
      return {
        token: result.token,
        expiresAt: isoTime(result.expiresAt),
        idleMinutes: STAFF_IDLE_MS / 60_000,
        staff: {
          actor: `staff:${user.username}`,
          kind: 'session' as const,
          role: user.role,
          username: user.username,
          displayName: user.display_name,
          permissions: permissionsOf(user.role),
        },
      };
    },
  );

  const common = { tags: ['staff'], security: STAFF_SECURITY, headers: StaffHeaders };
  app.post(
    '/staff/auth/logout',
    {
      onRequest: deps.authenticateStaff,
      config: { audit: 'auth.logout' },
      schema: {
        ...common,
        summary: 'End this staff session',
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const m = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
      if (request.staff?.kind === 'session' && m) await revokeStaffSession(deps.db, deps.clock, m[1]);
      return { ok: true };
    },
  );

  app.get(
    '/staff/me',
    {
      onRequest: deps.authenticateStaff,
      schema: { ...common, summary: 'Who am I: role and what it may do', response: { 200: Me, ...errorResponses } },
    },
    async (request) => meOf(request),
  );

  if (deps.devRoutes) {
    app.get(
      '/dev/staff-totp/:username',
      {
        schema: {
          tags: ['dev'],
          summary: "Sandbox: a staff user's current TOTP code, so a newcomer can sign in without an authenticator app",
          params: Type.Object({ username: Username }),
          response: {
            200: Type.Object({ username: Type.String(), code: Type.String(), validForSeconds: Type.Integer() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { username } = request.params as { username: string };
        const u = await deps.db
          .selectFrom('staff_users')
          .select(['username', 'totp_secret'])
          .where('username', '=', username)
          .executeTakeFirst();
        if (!u) throw notFound('员工');
        const now = deps.clock.now().getTime();
        return {
          username: u.username,
          code: currentTotp(u.totp_secret, now),
          validForSeconds: 30 - (Math.floor(now / 1000) % 30),
        };
      },
    );
  }
}
