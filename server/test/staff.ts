import type { FastifyInstance } from 'fastify';
import type { ManualClock } from '../src/clock';
import type { Db } from '../src/db/connect';
import { currentTotp, ensureStaffUsers, type StaffLogin } from '../src/staff/staff-accounts';

/** Staff with known secrets for route tests (the sandbox generates its own into .data/). */
export const TEST_STAFF: Record<'analyst' | 'supervisor' | 'supervisor2', StaffLogin> = {
  analyst: {
    username: 'analyst',
    displayName: '分析员 甲',
    role: 'analyst',
    password: 'analyst-pass-1',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  supervisor: {
    username: 'supervisor',
    displayName: '主管 乙',
    role: 'supervisor',
    password: 'super-pass-1',
    totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
  },
  supervisor2: {
    username: 'supervisor2',
    displayName: '主管 丙',
    role: 'supervisor',
    password: 'super-pass-2',
    totpSecret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
  },
};

export async function seedTestStaff(db: Db, clock: ManualClock): Promise<void> {
  await ensureStaffUsers(db, clock, Object.values(TEST_STAFF));
}

/**
 * Signs a staff user in with their current TOTP code. A code is good once, so the clock first moves
 * to the next 30-second step (tests sign in several times).
 */
export async function staffSignIn(app: FastifyInstance, clock: ManualClock, who: keyof typeof TEST_STAFF) {
  clock.set(clock.now().getTime() + 30_000);
  const l = TEST_STAFF[who];
  const res = await app.inject({
    method: 'POST',
    url: '/api/staff-login',
    payload: { username: l.username, password: l.password, totp: currentTotp(l.totpSecret, clock.now().getTime()) },
  });
  if (res.statusCode !== 200) throw new Error(`staff login ${who}: ${res.statusCode} ${res.body}`);
  const token = res.json().token as string;
  return { token, headers: { authorization: `Bearer ${token}` }, actor: `staff:${l.username}` };
}

/** Reads Server-Sent Events from a fetch body until `count` `decision` events arrived. */
export async function readDecisions(body: ReadableStream<Uint8Array>, count: number) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: Array<Record<string, unknown>> = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (block.includes('event: decision') && data) events.push(JSON.parse(data.slice(6)));
    }
  }
  await reader.cancel();
  return events;
}
