import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { AppError } from '../errors';
import { newId, sha256Hex } from '../ids';
import type { PiiVault } from '../pii/vault';

// The sandbox stands in for WeChat's code2Session: a login code deterministically names an openid,
// so the same code (e.g. the demo code) always returns the same user. The secret only makes openids
// unguessable from codes; it is not a credential.
const SANDBOX_APP_SECRET = 'lingjie-sandbox-code2session';

export interface Code2SessionResult {
  openid: string;
  /** WeChat's session_key: kept server-side (hashed), never sent to the client. */
  sessionKey: string;
}

export function sandboxCode2Session(code: string): Code2SessionResult {
  const openid = 'o' + createHmac('sha256', SANDBOX_APP_SECRET).update(code).digest('base64url').slice(0, 27);
  return { openid, sessionKey: randomBytes(16).toString('base64') };
}

/** Sessions last `ttlMs` from login (default 7 days); the simulator and tests lengthen it. */
export const DEFAULT_SESSION_TTL_MS = 7 * 86_400_000;

export async function login(db: Db, clock: Clock, code: string, ttlMs = DEFAULT_SESSION_TTL_MS) {
  const { openid, sessionKey } = sandboxCode2Session(code);
  const now = clock.now();
  const existing = await db.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirst();
  let user = existing;
  if (user) {
    await db
      .updateTable('users')
      .set({ session_key_hash: sha256Hex(sessionKey) })
      .where('id', '=', user.id)
      .execute();
  } else {
    user = await db
      .insertInto('users')
      .values({
        id: newId('usr'),
        openid,
        session_key_hash: sha256Hex(sessionKey),
        phone_enc: null,
        phone_bidx: null,
        created_at: now,
      })
      .onConflict((oc) => oc.column('openid').doUpdateSet({ session_key_hash: sha256Hex(sessionKey) }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db
    .insertInto('auth_sessions')
    .values({
      token_hash: sha256Hex(token),
      user_id: user.id,
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, user, expiresAt, isNew: !existing };
}

/** The user's bound phone in clear (to send an SMS to it), or null when none is bound. */
export async function boundPhone(db: Db, pii: PiiVault, userId: string): Promise<string | null> {
  const u = await db.selectFrom('users').select(['id', 'phone_enc']).where('id', '=', userId).executeTakeFirst();
  return u?.phone_enc ? pii.open('phone', u.id, u.phone_enc) : null;
}

/** Binds a (validated, SMS-checked) phone to the user: sealed, with its blind index for lookups. */
export async function bindPhone(db: Db, pii: PiiVault, userId: string, phone: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ phone_enc: pii.seal('phone', userId, phone), phone_bidx: pii.index('phone', phone) })
    .where('id', '=', userId)
    .execute();
}

function bearerToken(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(h);
  return m ? m[1] : null;
}

export async function logout(db: Db, clock: Clock, request: FastifyRequest): Promise<void> {
  const token = bearerToken(request);
  if (!token) return;
  await db
    .updateTable('auth_sessions')
    .set({ revoked_at: clock.now() })
    .where('token_hash', '=', sha256Hex(token))
    .execute();
}

declare module 'fastify' {
  interface FastifyRequest {
    userId: string;
  }
}

/** preHandler: resolves the bearer session to request.userId or answers 401. */
export function authenticator(db: Db, clock: Clock) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const token = bearerToken(request);
    if (!token) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
    const s = await db
      .selectFrom('auth_sessions')
      .select(['user_id', 'expires_at', 'revoked_at'])
      .where('token_hash', '=', sha256Hex(token))
      .executeTakeFirst();
    if (!s || s.revoked_at || new Date(s.expires_at).getTime() <= clock.now().getTime()) {
      throw new AppError(401, 'UNAUTHENTICATED', '登录已失效，请重新登录');
    }
    request.userId = s.user_id;
  };
}
