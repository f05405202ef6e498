import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { newId } from '../ids';
import { hashPassword } from './passwords';
import { base32Decode, newTotpSecret, otpauthUrl, totp } from './totp';

export type HumanRole = 'analyst' | 'supervisor';

/** A staff login as the sandbox hands it out: password and TOTP secret in clear (never stored so). */
export interface StaffLogin {
  username: string;
  displayName: string;
  role: HumanRole;
  password: string;
  /** Base32 (RFC 4648), as authenticator apps take it. */
  totpSecret: string;
}

export const TOTP_ISSUER = '零接风控台';

/**
 * The sandbox's staff: one analyst and two supervisors (activating a rule set needs a second
 * supervisor's approval, so a newcomer can walk the four-eyes path alone).
 */
const SANDBOX_STAFF: Array<Pick<StaffLogin, 'username' | 'displayName' | 'role'>> = [
  { username: 'analyst', displayName: '风控分析员 李娜', role: 'analyst' },
  { username: 'supervisor', displayName: '风控主管 王强', role: 'supervisor' },
  { username: 'supervisor2', displayName: '风控主管 赵敏', role: 'supervisor' },
];

/**
 * The sandbox staff logins: generated once into `file` (.data/staff-logins.json, owner-only) with
 * random passwords and TOTP secrets, so a restart keeps them and nothing secret is in the repository.
 */
export function loadSandboxStaffLogins(file: string): StaffLogin[] {
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as StaffLogin[];
    if (Array.isArray(parsed) && parsed.every((l) => l.username && l.password && l.totpSecret)) return parsed;
  }
  const logins = SANDBOX_STAFF.map((s) => ({
    ...s,
    password: `lj-${randomBytes(9).toString('base64url')}`,
    totpSecret: newTotpSecret(),
  }));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(logins, null, 2) + '\n', { mode: 0o600 });
  return logins;
}

/** Creates the staff users that do not exist yet (by username); returns the usernames created. */
export async function ensureStaffUsers(db: Db, clock: Clock, logins: readonly StaffLogin[]): Promise<string[]> {
  const created: string[] = [];
  for (const l of logins) {
    const exists = await db
      .selectFrom('staff_users')
      .select('id')
      .where('username', '=', l.username)
      .executeTakeFirst();
    if (exists) continue;
    await db
      .insertInto('staff_users')
      .values({
        id: newId('stf'),
        username: l.username,
        display_name: l.displayName,
        role: l.role,
        password_hash: await hashPassword(l.password),
        totp_secret: l.totpSecret,
        created_at: clock.now(),
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
    created.push(l.username);
  }
  return created;
}

/** For `npm start`'s banner and the newcomer: how to log in, and how to add the TOTP to an app. */
export function describeLogin(l: StaffLogin) {
  return {
    ...l,
    otpauthUrl: otpauthUrl({ issuer: TOTP_ISSUER, account: l.username, secret: l.totpSecret }),
  };
}

/** The current TOTP code of a secret (the sandbox's dev route and the browser tests). */
export function currentTotp(secret: string, atMs: number): string {
  return totp(base32Decode(secret), atMs);
}
