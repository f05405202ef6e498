import { setSession } from '../src/auth/session';

const PERMISSIONS = {
  analyst: ['risk.read', 'holds.resolve', 'reviews.answer', 'audit.read'],
  supervisor: [
    'risk.read',
    'holds.resolve',
    'channels.lockdown',
    'reviews.answer',
    'customers.reveal',
    'rules.change',
    'simulations.run',
    'audit.read',
  ],
};

/** Signs the test in as an analyst or a supervisor (what POST /api/staff-login would have stored). */
export function signInAs(role: 'analyst' | 'supervisor') {
  setSession({
    token: `token-${role}-0123456789abcdef`,
    expiresAt: '2026-03-10T22:00:00.000+08:00',
    staff: {
      actor: `staff:${role}`,
      kind: 'session',
      role,
      username: role,
      displayName: role === 'analyst' ? '分析员 甲' : '主管 乙',
      permissions: PERMISSIONS[role],
    },
  });
}
