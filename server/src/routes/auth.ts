import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { maskPhone } from '../mask';
import { bindPhone, boundPhone, login, logout } from '../services/auth';
import { validatePhone } from '../services/validation';
import { checkSmsCode, sendSmsCode, SMS_PURPOSES } from '../services/sms';
import { AuthHeaders, Body, bearer, errorResponses, IsoTime } from '../schemas';
import { isoTime } from '../time';
import { perMinute } from './rate-limit';

const LoginBody = Body({
  code: Type.String({ minLength: 1, maxLength: 128, description: 'wx.login code (sandbox: any string)' }),
});
const SmsBody = Body({
  phone: Type.String({ minLength: 1, maxLength: 20 }),
  purpose: Type.Union(SMS_PURPOSES.map((p) => Type.Literal(p))),
});
const PhoneBody = Body({
  phone: Type.String({ minLength: 1, maxLength: 20 }),
  smsCode: Type.String({ pattern: '^\\d{6}$' }),
});
const Me = Type.Object({
  id: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()], { description: 'masked' }),
  realNameVerified: Type.Boolean(),
  createdAt: IsoTime,
});

async function me(deps: AppDeps, userId: string) {
  const u = await deps.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const c = await deps.db.selectFrom('customers').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  const phone = await boundPhone(deps.db, deps.pii, userId);
  return {
    id: u.id,
    phone: phone ? maskPhone(phone) : null,
    realNameVerified: !!c,
    createdAt: isoTime(u.created_at),
  };
}

export default async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;

  app.post(
    '/auth/login',
    {
      config: perMinute(deps.rateLimits.login),
      schema: {
        tags: ['auth'],
        summary: 'WeChat login: exchange a wx.login code for a bearer session (sandbox code2Session)',
        body: LoginBody,
        response: { 200: Type.Object({ token: Type.String(), expiresAt: IsoTime, user: Me }), ...errorResponses },
      },
    },
    async (request) => {
      const { code } = request.body as Static<typeof LoginBody>;
      const s = await login(db, clock, code, deps.sessionTtlMs);
      request.log.info({ userId: s.user.id, isNew: s.isNew }, 'login');
      return { token: s.token, expiresAt: isoTime(s.expiresAt), user: await me(deps, s.user.id) };
    },
  );

  app.post(
    '/auth/sms',
    {
      preHandler: deps.authenticate,
      config: perMinute(deps.rateLimits.sms),
      schema: {
        tags: ['auth'],
        summary: 'Send an SMS code (sandbox: shown in the log and at /api/dev/sms/:phone)',
        security: bearer,
        headers: AuthHeaders,
        body: SmsBody,
        response: { 200: Type.Object({ sent: Type.Boolean(), expiresAt: IsoTime }), ...errorResponses },
      },
    },
    async (request) => {
      const { phone, purpose } = request.body as Static<typeof SmsBody>;
      const valid = validatePhone(phone);
      if (purpose === 'contract.sign') {
        // Signing codes go only to the phone already bound to this user (compared by blind index).
        const u = await db
          .selectFrom('users')
          .select('phone_bidx')
          .where('id', '=', request.userId)
          .executeTakeFirstOrThrow();
        if (u.phone_bidx !== deps.pii.index('phone', valid))
          throw new AppError(409, 'PHONE_NOT_BOUND', '请使用已绑定的手机号接收验证码', 'phone');
      }
      const r = await sendSmsCode(db, deps.pii, clock, request.log, valid, purpose);
      return { sent: true, expiresAt: isoTime(r.expiresAt) };
    },
  );

  app.post(
    '/auth/phone',
    {
      preHandler: deps.authenticate,
      config: perMinute(deps.rateLimits.sms),
      schema: {
        tags: ['auth'],
        summary: 'Bind the mobile number with the SMS code (purpose "login")',
        security: bearer,
        headers: AuthHeaders,
        body: PhoneBody,
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => {
      const { phone, smsCode } = request.body as Static<typeof PhoneBody>;
      const valid = validatePhone(phone);
      await checkSmsCode(db, deps.pii, clock, valid, 'login', smsCode);
      await bindPhone(db, deps.pii, request.userId, valid);
      return me(deps, request.userId);
    },
  );

  app.post(
    '/auth/logout',
    {
      preHandler: deps.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'End this session',
        security: bearer,
        headers: AuthHeaders,
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      await logout(db, clock, request);
      return { ok: true };
    },
  );

  app.get(
    '/me',
    {
      preHandler: deps.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        security: bearer,
        headers: AuthHeaders,
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => me(deps, request.userId),
  );
}
