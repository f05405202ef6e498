import { sha256 } from '../crypto/sha256';
import { utf8Encode } from '../crypto/bytes';
import { base64UrlEncode } from '../crypto/base64url';
import { createMemoryStorage } from './memory-storage';
import { RequestError } from './request-error';
import type { InfoRecord, KeyValueStorage, Platform } from './types';

/** The bits of `@fingerprintjs/fingerprintjs` we use (v5). */
export interface FingerprintModule {
  load(o: { monitoring?: boolean }): Promise<{
    get(): Promise<{ visitorId: string; components: Record<string, unknown>; confidence?: { score: number } }>;
  }>;
}
/** The bits of `@fingerprintjs/botd` we use (v2). */
export interface BotdModule {
  load(o: {
    monitoring?: boolean;
  }): Promise<{ detect(): { bot: boolean; botKind?: string } | Promise<{ bot: boolean; botKind?: string }> }>;
}

export interface WebPlatformOptions {
  /** How to load FingerprintJS; default a lazy `import('@fingerprintjs/fingerprintjs')`. Return null to skip. */
  loadFingerprint?: () => Promise<FingerprintModule | null>;
  /** How to load BotD; default a lazy `import('@fingerprintjs/botd')`. Return null to skip. */
  loadBotd?: () => Promise<BotdModule | null>;
  /** Storage override (tests); default `localStorage`, or memory where it is blocked. */
  storage?: KeyValueStorage;
}

/**
 * Component values longer than this travel as a hash: canvas data URLs, font lists and audio
 * samples would otherwise make every token tens of KB, more than an HTTP header may carry.
 */
const MAX_INLINE_COMPONENT = 120;

/** 128-bit SHA-256 prefix of a component's JSON: stable across sessions, comparable server-side. */
const componentHash = (json: string) => base64UrlEncode(sha256(utf8Encode(json)).subarray(0, 16));

export function compactComponents(components: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, c] of Object.entries(components)) {
    const comp = c as { value?: unknown; error?: unknown };
    if (comp && 'error' in comp && comp.error !== undefined) {
      out[name] = { error: String((comp.error as { message?: string })?.message ?? comp.error) };
      continue;
    }
    const json = JSON.stringify(comp?.value) ?? 'null';
    out[name] = json.length <= MAX_INLINE_COMPONENT ? comp?.value : { hash: componentHash(json) };
  }
  return out;
}

function localStorageOrMemory(): KeyValueStorage {
  try {
    const ls = globalThis.localStorage;
    const probe = '__ljr_probe__';
    ls.setItem(probe, '1'); // Safari private mode and disabled storage throw here
    ls.removeItem(probe);
    return {
      get: (k) => ls.getItem(k),
      set: (k, v) => ls.setItem(k, v),
      remove: (k) => ls.removeItem(k),
      keys: () => Array.from({ length: ls.length }, (_, i) => ls.key(i)).filter((k): k is string => k !== null),
    };
  } catch {
    return createMemoryStorage();
  }
}

/** H5 platform: Web Crypto, localStorage, fetch, FingerprintJS + BotD with their monitoring pings off. */
export function createWebPlatform(options: WebPlatformOptions = {}): Platform {
  let storage: KeyValueStorage | null = options.storage ?? null;
  const loadFp =
    options.loadFingerprint ??
    (async () => (await import('@fingerprintjs/fingerprintjs')) as unknown as FingerprintModule);
  const loadBotd = options.loadBotd ?? (async () => (await import('@fingerprintjs/botd')) as unknown as BotdModule);
  const lazyStorage: KeyValueStorage = {
    get: (k) => (storage ??= localStorageOrMemory()).get(k),
    set: (k, v) => (storage ??= localStorageOrMemory()).set(k, v),
    remove: (k) => (storage ??= localStorageOrMemory()).remove(k),
    keys: () => (storage ??= localStorageOrMemory()).keys(),
  };

  const onVisibility = (hidden: boolean, cb: () => void) => {
    const handler = () => {
      if ((document.visibilityState === 'hidden') === hidden) cb();
    };
    document.addEventListener('visibilitychange', handler);
    return () => document.removeEventListener('visibilitychange', handler);
  };

  return {
    kind: 'web',
    fillRandom(buf) {
      const c = globalThis.crypto;
      if (!c || typeof c.getRandomValues !== 'function') throw new Error('Web Crypto unavailable');
      for (let i = 0; i < buf.length; i += 65536) c.getRandomValues(buf.subarray(i, Math.min(buf.length, i + 65536)));
    },
    now: () => Date.now(),
    storage: lazyStorage,
    async request(url, body) {
      let res: Response;
      try {
        // keepalive lets the app-hide flush finish while the page is being unloaded.
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          keepalive: true,
          credentials: 'include',
        });
      } catch (e) {
        throw new RequestError(0, e);
      }
      const data: unknown = await res.json().catch(() => null);
      if (!res.ok) throw new RequestError(res.status, data);
      return data;
    },
    probes: {
      async fingerprint() {
        const fp = await loadFp();
        if (!fp) throw new Error('UNSUPPORTED');
        const agent = await fp.load({ monitoring: false });
        const r = await agent.get();
        return {
          visitorId: r.visitorId,
          confidence: r.confidence?.score ?? null,
          components: compactComponents(r.components),
        };
      },
      async botd() {
        const b = await loadBotd();
        if (!b) throw new Error('UNSUPPORTED');
        const detector = await b.load({ monitoring: false });
        return (await detector.detect()) as InfoRecord;
      },
      webdriver: () => ({ webdriver: navigator.webdriver === true }),
      headless() {
        const ua = navigator.userAgent;
        const w = globalThis as unknown as {
          chrome?: unknown;
          outerWidth?: number;
          outerHeight?: number;
          Notification?: { permission?: string };
        };
        return {
          uaHeadless: /HeadlessChrome|PhantomJS|SlimerJS/i.test(ua),
          noPlugins: (navigator.plugins?.length ?? 0) === 0,
          noLanguages: !navigator.languages || navigator.languages.length === 0,
          noChromeObject: /Chrome\//.test(ua) && !/Edg\//.test(ua) && w.chrome === undefined,
          zeroOuterSize: w.outerWidth === 0 && w.outerHeight === 0,
          notificationDeniedDefault: w.Notification?.permission === 'denied',
          hardwareConcurrency: navigator.hardwareConcurrency ?? 0,
        };
      },
    },
    onAppHide: (cb) => onVisibility(true, cb),
    onAppShow: (cb) => onVisibility(false, cb),
  };
}
