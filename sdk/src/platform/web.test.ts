/**
 * @jest-environment jsdom
 */
import { createWebPlatform, type FingerprintModule, type BotdModule } from './web';
import { createMemoryStorage } from './memory-storage';
import { RequestError } from './request-error';

describe('web/H5 platform', () => {
  it('loads FingerprintJS and BotD with their monitoring pings off, and compacts big components', async () => {
    const fpLoad = jest.fn(async () => ({
      get: async () => ({
        visitorId: 'v1',
        confidence: { score: 0.4 },
        components: {
          platform: { value: 'Linux', duration: 1 },
          canvas: { value: { geometry: 'data:image/png;base64,' + 'A'.repeat(500) }, duration: 5 },
          fonts: { error: new Error('blocked'), duration: 1 },
        },
      }),
    }));
    const botLoad = jest.fn(async () => ({ detect: () => ({ bot: true, botKind: 'headless_chrome' }) }));
    const p = createWebPlatform({
      storage: createMemoryStorage(),
      loadFingerprint: async () => ({ load: fpLoad }) as FingerprintModule,
      loadBotd: async () => ({ load: botLoad }) as BotdModule,
    });
    const fp = await p.probes.fingerprint!();
    expect(fpLoad).toHaveBeenCalledWith({ monitoring: false });
    expect(fp).toEqual({
      visitorId: 'v1',
      confidence: 0.4,
      components: {
        platform: 'Linux',
        canvas: { hash: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) },
        fonts: { error: 'blocked' },
      },
    });
    expect(await p.probes.botd!()).toEqual({ bot: true, botKind: 'headless_chrome' });
    expect(botLoad).toHaveBeenCalledWith({ monitoring: false });
  });

  it('the real FingerprintJS 5 and BotD 2 run with monitoring off and make no network call', async () => {
    // jsdom lacks MessageChannel, which FingerprintJS only uses to yield a macrotask; a timer does
    // the same here (Node's real MessageChannel would keep jest alive).
    const g = globalThis as { MessageChannel?: unknown };
    const hadMc = 'MessageChannel' in g;
    if (!hadMc) {
      g.MessageChannel = class {
        port1: { onmessage: null | (() => void) } = { onmessage: null };
        port2 = { postMessage: () => setTimeout(() => this.port1.onmessage?.(), 0) };
      };
    }
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // jsdom: canvas not implemented
    const fetchSpy = jest.fn();
    const xhrOpen = jest.spyOn(XMLHttpRequest.prototype, 'open').mockImplementation(() => undefined);
    (globalThis as { fetch?: unknown }).fetch = fetchSpy;
    const p = createWebPlatform({ storage: createMemoryStorage() });
    const fp = await p.probes.fingerprint!();
    expect(fp.visitorId).toMatch(/^[0-9a-f]{32}$/);
    const bot = await p.probes.botd!().catch((e: Error) => ({ error: e.message }));
    expect(bot).toBeDefined();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(xhrOpen).not.toHaveBeenCalled();
    xhrOpen.mockRestore();
    quiet.mockRestore();
    if (!hadMc) delete g.MessageChannel;
  });

  it('webdriver and headless traits', async () => {
    Object.defineProperty(navigator, 'webdriver', { configurable: true, get: () => true });
    expect(await p().probes.webdriver!()).toEqual({ webdriver: true });
    const h = (await p().probes.headless!()) as Record<string, unknown>;
    expect(Object.keys(h).sort()).toEqual([
      'hardwareConcurrency',
      'noChromeObject',
      'noLanguages',
      'noPlugins',
      'notificationDeniedDefault',
      'uaHeadless',
      'zeroOuterSize',
    ]);
    expect(h.noPlugins).toBe(true); // jsdom has none
  });

  it('Web Crypto randomness, localStorage, visibility events', () => {
    const platform = createWebPlatform();
    const b = new Uint8Array(70_000);
    platform.fillRandom(b);
    expect(b.slice(65_536).some((x) => x !== 0)).toBe(true);
    platform.storage.set('ljr:k', 'v');
    expect(localStorage.getItem('ljr:k')).toBe('v');
    expect(platform.storage.keys()).toContain('ljr:k');
    platform.storage.remove('ljr:k');
    const hidden = jest.fn();
    const off = platform.onAppHide(hidden);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    off();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(hidden).toHaveBeenCalledTimes(1);
  });

  it('request: POST JSON with keepalive; errors as RequestError', async () => {
    const fetchMock = jest.fn(async () => ({ ok: false, status: 503, json: async () => ({ code: 'X' }) }));
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
    await expect(p().request('/risk/telemetry', { token: 't' })).rejects.toMatchObject({
      status: 503,
      body: { code: 'X' },
    });
    expect(fetchMock).toHaveBeenCalledWith(
      '/risk/telemetry',
      expect.objectContaining({ method: 'POST', keepalive: true, body: '{"token":"t"}' }),
    );
    (globalThis as { fetch?: unknown }).fetch = async () => {
      throw new TypeError('offline');
    };
    await expect(p().request('/x', {})).rejects.toBeInstanceOf(RequestError);
  });
});

const p = () => createWebPlatform({ storage: createMemoryStorage() });
