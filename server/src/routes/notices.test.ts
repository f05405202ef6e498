import { json, startTestApp, type TestContext } from '../../test/helpers';
import { drawnLoan, onboard } from '../../test/flows';
import { riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

describe('notices', () => {
  test('due-soon and overdue notices follow the clock, once per instalment', async () => {
    const u = await onboard(t.app, t.clock);
    await drawnLoan(t.app, u);
    const kinds = async () =>
      json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items.map((n: { kind: string }) => n.kind);
    expect(await kinds()).not.toContain('due_soon');
    t.clock.set('2026-03-30T02:00:00Z');
    expect((await kinds()).filter((k: string) => k === 'due_soon')).toHaveLength(1);
    expect((await kinds()).filter((k: string) => k === 'due_soon')).toHaveLength(1);
    // The amount reads as on screen: thousands separators, two decimals only when there are fen.
    const items = json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items;
    const body = items.find((n: { kind: string }) => n.kind === 'due_soon').body as string;
    expect(/应还 ([\d,.]+)元/.exec(body)?.[1]).toMatch(/^\d{1,3}(,\d{3})*(\.\d{2})?$/);
    t.clock.set('2026-04-03T02:00:00Z');
    expect(await kinds()).toContain('overdue');
  });

  test('policy and anti-fraud notices reach everyone; read marks my own', async () => {
    const u = await onboard(t.app, t.clock);
    await drawnLoan(t.app, u);
    const items = json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items;
    expect(items.find((n: { kind: string }) => n.kind === 'anti_fraud').body).toContain('不会在放款前收取任何费用');
    const mine = items.find((n: { broadcast: boolean }) => !n.broadcast);
    const broadcast = items.find((n: { broadcast: boolean }) => n.broadcast);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/notices/${mine.id}/read`, headers: u.auth })).statusCode,
    ).toBe(200);
    const after = json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items;
    expect(after.find((n: { id: string }) => n.id === mine.id).read).toBe(true);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/notices/${broadcast.id}/read`, headers: u.auth })).statusCode,
    ).toBe(404);
  });
});
