import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import type { StaffUsersTable } from '../db/types';
import { AppError } from '../errors';
import { sha256Hex } from '../ids';
import { dummyHash, verifyPassword } from './passwords';
import { base32Decode, verifyTotp } from './totp';

/** A staff session ends 8 hours after login (a working day) or after 30 minutes without a request. */
export const STAFF_SESSION_TTL_MS = 8 * 3_600_000;
export const STAFF_IDLE_MS = 30 * 60_000;
/** Five wrong logins in a row lock the account for 15 minutes. */
const MAX_FAILED = 5;
const LOCK_MS = 15 * 60_000;
/** last_seen_at is written at most this often (not on every request). */
const TOUCH_MS = 60_000;

export interface StaffLoginInput {
  username: string;
  password: string;
  totp: string;
}

export type StaffUser = Pick<StaffUsersTable, 'id' | 'username' | 'display_name' | 'role'>;

/** The one answer for every wrong factor: which one was wrong is not told. */
const wrong = () => new AppError(401, 'STAFF_LOGIN_FAILED', '用户名、密码或动态验证码不正确');

/**
 * Password (scrypt) and TOTP (RFC 6238, ±1 step, each code once), then a new session token (only its
 * SHA-256 is stored). Failures count towards a lockout; an unknown username costs the same scrypt.
 * Returns the user on failure too (when known), so the caller can audit who was tried.
 */
export async function staffLogin(
  db: Db,
  clock: Clock,
  input: StaffLoginInput,
): Promise<{ ok: true; token: string; expiresAt: Date; user: StaffUser } | { ok: false; error: AppError }> {
  const now = clock.now();
  const user = await db
    .selectFrom('staff_users')
    .selectAll()
    .where('username', '=', input.username)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) {
    await verifyPassword(input.password, await dummyHash());
    return { ok: false, error: wrong() };
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > now.getTime()) {
    return {
      ok: false,
      error: new AppError(429, 'STAFF_LOCKED', '登录失败次数过多，账户已临时锁定，请 15 分钟后再试'),
    };
  }
  const passwordOk = await verifyPassword(input.password, user.password_hash);
  const step = passwordOk
    ? verifyTotp(base32Decode(user.totp_secret), input.totp, now.getTime(), { afterStep: Number(user.totp_last_step) })
    : null;
  // The step is claimed atomically: two logins racing with one code cannot both pass.
  const claimed =
    step !== null &&
    (await db
      .updateTable('staff_users')
      .set({ totp_last_step: step, failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .where('totp_last_step', '<', step)
      .returning('id')
      .executeTakeFirst());
  if (!claimed) {
    const failed = Number(user.failed_logins) + 1;
    await db
      .updateTable('staff_users')
      .set({
        failed_logins: failed >= MAX_FAILED ? 0 : failed,
        locked_until: failed >= MAX_FAILED ? new Date(now.getTime() + LOCK_MS) : null,
      })
      .where('id', '=', user.id)
      .execute();
    return { ok: false, error: wrong() };
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_TTL_MS);
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: sha256Hex(token),
      staff_id: user.id,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
    })
    .execute();
  return {
    ok: true,
    token,
    expiresAt,
    user: { id: user.id, username: user.username, display_name: user.display_name, role: user.role },
  };
}

/** The staff user of a live session, 'expired' for one past its end or idle limit, null otherwise. */
export async function resolveStaffSession(db: Db, clock: Clock, token: string): Promise<StaffUser | 'expired' | null> {
  const hash = sha256Hex(token);
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.staff_id')
    .select([
      'staff_users.id',
      'staff_users.username',
      'staff_users.display_name',
      'staff_users.role',
      'staff_users.disabled_at',
      'staff_sessions.expires_at',
      'staff_sessions.last_seen_at',
      'staff_sessions.revoked_at',
    ])
    .where('staff_sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at) return null;
  const now = clock.now().getTime();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() <= now || lastSeen + STAFF_IDLE_MS <= now) return 'expired';
  if (now - lastSeen >= TOUCH_MS) {
    await db.updateTable('staff_sessions').set({ last_seen_at: clock.now() }).where('token_hash', '=', hash).execute();
  }
  return { id: row.id, username: row.username, display_name: row.display_name, role: row.role };
}

export async function revokeStaffSession(db: Db, clock: Clock, token: string): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ revoked_at: clock.now() })
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .execute();
}
