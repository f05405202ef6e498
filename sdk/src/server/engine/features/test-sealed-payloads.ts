/**
 * Test fixture (not shipped): real action tokens sealed by the real SDK client on virtual phones
 * (and on the H5 platform with stubbed browser globals), verified and decrypted by the real
 * server — so extractor and rule tests read exactly what production reads.
 */
import { createTestBank } from '../../../client.harness';
import { createRiskClient, type RiskClient } from '../../../client';
import type { ConsentLevel } from '../../../manifest';
import { createMemoryStorage } from '../../../platform/memory-storage';
import { createWebPlatform } from '../../../platform/web';
import type { KeyValueStorage } from '../../../platform/types';
import { createVirtualClient, type DeviceProfile, type VirtualPlatform } from '../../../virtual';
import type { VerifiedToken } from '../types';
import { postTo } from '../../test-kit';

export const T0 = Date.UTC(2026, 5, 1, 2, 0, 0); // 10:00 in Beijing
export const FIELDS = ['idNumber', 'phone', 'companyName', 'uscc', 'accountNo'] as const;
export const IDENTITY_FIELDS = ['idNumber', 'phone', 'uscc', 'accountNo'] as const;
const BODY = { amountFen: 5_000_000, termMonths: 12 };

export interface Sealed {
  token: VerifiedToken;
  /** Server time when the token was verified (the engine's `at`). */
  at: number;
}

/** A manual clock shared by the bank and the device; `tick` moves both. */
export function manualClock(start = T0) {
  let now = start;
  return { now: () => now, tick: (ms: number) => void (now += ms) };
}

export interface Script {
  client: RiskClient;
  platform: VirtualPlatform;
  tick(ms: number): void;
}

async function sealAndVerify(bank: ReturnType<typeof createTestBank>, client: RiskClient, now: () => number) {
  const sealed = await client.seal('loan.apply', postTo(BODY));
  const r = await bank.server.verify(sealed, { request: postTo(BODY), expectKind: 'action' });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  client.destroy();
  return { token: { header: { ...r.header }, payload: r.payload }, at: now() };
}

/** Consent → optional script (typing, touches, sensors; time moves with `tick`) → seal → verify. */
export async function sealOnVirtualDevice(opts: {
  profile: Partial<DeviceProfile>;
  levels?: ConsentLevel[];
  storage?: KeyValueStorage;
  script?: (s: Script) => void;
  clock?: ReturnType<typeof manualClock>;
}): Promise<Sealed> {
  const clock = opts.clock ?? manualClock();
  const bank = createTestBank({ clock: clock.now });
  const { client, platform } = createVirtualClient({
    serverPublicKey: bank.publicKey,
    keyId: bank.keyId,
    fields: FIELDS,
    device: { post: bank.post, profile: opts.profile, clock: clock.now, storage: opts.storage, seed: 7 },
  });
  await client.grantConsent(opts.levels ?? ['basic', 'behaviour', 'sensors']);
  opts.script?.({ client, platform, tick: clock.tick });
  return sealAndVerify(bank, client, clock.now);
}

export interface BrowserStub {
  userAgent: string;
  webdriver: boolean;
  plugins: unknown[];
  languages: string[];
  bot: boolean;
  botKind?: string;
  visitorId: string;
}

/** The same on the H5 platform (web.ts probes) with `navigator` stubbed for the duration. */
export async function sealInBrowser(browser: BrowserStub): Promise<Sealed> {
  const clock = manualClock();
  const bank = createTestBank({ clock: clock.now });
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  const navigator = { ...browser, hardwareConcurrency: 8 };
  Object.defineProperty(globalThis, 'navigator', { configurable: true, value: navigator });
  try {
    const web = createWebPlatform({
      storage: createMemoryStorage(),
      loadFingerprint: async () => ({
        load: async () => ({
          get: async () => ({
            visitorId: browser.visitorId,
            components: { platform: { value: 'iPhone', duration: 0 } },
          }),
        }),
      }),
      loadBotd: async () => ({
        load: async () => ({ detect: () => ({ bot: browser.bot, botKind: browser.botKind }) }),
      }),
    });
    const client = createRiskClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      fields: FIELDS,
      // The browser's fetch, clock and page visibility are swapped for the in-process bank, the
      // manual clock and no-op listeners (Node has no document).
      platform: {
        ...web,
        now: clock.now,
        request: (url, body) => bank.post(url, JSON.parse(JSON.stringify(body))),
        onAppHide: () => () => undefined,
        onAppShow: () => () => undefined,
      },
    });
    await client.grantConsent(['basic']);
    return await sealAndVerify(bank, client, clock.now);
  } finally {
    if (saved) Object.defineProperty(globalThis, 'navigator', saved);
    else delete (globalThis as Record<string, unknown>).navigator;
  }
}
