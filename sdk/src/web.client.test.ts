/**
 * The web entry end to end in Node with minimal browser stubs. (Not jsdom: its separate realm makes
 * Node's Buffers fail `instanceof Uint8Array` inside the crypto, which no real browser does.)
 */
import { createRiskClient } from './web';
import { createTestBank } from './client.harness';
import { createMemoryStorage } from './platform/memory-storage';
import type { ActionPayload } from './client';
import { postTo } from './server/test-kit';

const STUBS = {
  navigator: {
    userAgent: 'Mozilla/5.0 (iPhone) Mobile Safari',
    webdriver: false,
    plugins: [],
    languages: ['zh-CN'],
    hardwareConcurrency: 6,
  },
  document: { visibilityState: 'visible', addEventListener: jest.fn(), removeEventListener: jest.fn() },
};

describe('web entry end to end', () => {
  const saved: Record<string, PropertyDescriptor | undefined> = {};
  beforeAll(() => {
    for (const [k, v] of Object.entries(STUBS)) {
      saved[k] = Object.getOwnPropertyDescriptor(globalThis, k);
      Object.defineProperty(globalThis, k, { configurable: true, value: v });
    }
  });
  afterAll(() => {
    for (const k of Object.keys(STUBS)) {
      if (saved[k]) Object.defineProperty(globalThis, k, saved[k]!);
      else delete (globalThis as Record<string, unknown>)[k];
    }
  });

  it('seals with FingerprintJS/BotD results inside, verified by the real server', async () => {
    const bank = createTestBank();
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: { body: string }) => {
      const data = await bank.post(url, JSON.parse(init.body));
      return { ok: true, status: 200, json: async () => data };
    }) as unknown as typeof fetch;
    try {
      const storage = createMemoryStorage();
      const risk = createRiskClient({
        serverPublicKey: bank.publicKey,
        keyId: bank.keyId,
        endpoint: '/api',
        web: {
          storage,
          loadFingerprint: async () => ({
            load: async () => ({
              get: async () => ({
                visitorId: 'f'.repeat(32),
                components: {
                  platform: { value: 'iPhone', duration: 0 },
                  // A canvas fingerprint is a data URL of tens of KB: it must travel as a hash.
                  canvas: { value: { geometry: `data:image/png;base64,${'A'.repeat(40_000)}` }, duration: 0 },
                },
              }),
            }),
          }),
          loadBotd: async () => ({ load: async () => ({ detect: () => ({ bot: false }) }) }),
        },
      });
      await risk.grantConsent(['basic']);
      expect(STUBS.document.addEventListener).toHaveBeenCalledWith('visibilitychange', expect.any(Function));
      const token = await risk.seal('loan.apply', postTo({ amount: '1000.00' }));
      const r = await bank.server.verify(token, { request: postTo({ amount: '1000.00' }) });
      if (!r.ok) throw new Error(r.code);
      const p = r.payload as ActionPayload;
      expect(p.platform).toBe('web');
      expect(p.device.fingerprint).toMatchObject({
        value: {
          visitorId: 'f'.repeat(32),
          components: { platform: 'iPhone', canvas: { hash: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) } },
        },
      });
      // The token rides in an HTTP header (X-Risk-Token): servers commonly cap all headers at 8–16 KB.
      expect(token.length).toBeLessThan(8 * 1024);
      expect(p.device.botd).toMatchObject({ value: { bot: false } });
      expect(p.device.webdriver).toMatchObject({ value: { webdriver: false } });
      expect(p.device.headless).toMatchObject({
        value: { noPlugins: true, noLanguages: false, hardwareConcurrency: 6 },
      });
      expect(p.device.device).toBeUndefined(); // mini-program-only signals are not attempted on H5
      expect(bank.requests[0]).toBe('/api/risk/handshake');
      risk.withdrawConsent();
      expect(storage.keys()).toEqual([]);
      expect(STUBS.document.removeEventListener).toHaveBeenCalled();
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
