/**
 * Every entry must load in a bare Node process without touching a runtime global: the mini-program
 * logic layer has no window/document, H5 has no wx, and bundlers evaluate modules eagerly. Each
 * global below is a getter that records the access and throws, as a missing global would.
 */
const GUARDED = ['wx', 'Taro', 'window', 'document', 'navigator', 'localStorage', 'self'] as const;

/**
 * The one known exception: crypto-js's core probes `typeof window/self !== 'undefined'` at load to
 * find a CSPRNG for `WordArray.random` (which the SDK never uses; randomness comes from the platform
 * pool). `typeof` on a global getter invokes it, so for that caller only the getter answers
 * `undefined` — exactly what the WeChat logic layer does — and the access is listed separately.
 */
const TOLERATED_CALLER = /node_modules[\\/]crypto-js[\\/]core\.js/;

function callerOf(stack: string | undefined): string {
  const frames = (stack ?? '').split('\n').filter((l) => l.trim().startsWith('at '));
  return frames[1] ?? ''; // [0] is the getter itself
}
const ENTRIES = ['./index', './taro', './web', './virtual', './gm', './server'] as const;

describe('import safety', () => {
  const touched: string[] = [];
  const tolerated: string[] = [];
  const saved = new Map<string, PropertyDescriptor | undefined>();

  beforeAll(() => {
    for (const name of GUARDED) {
      saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          const caller = callerOf(new Error().stack);
          if (TOLERATED_CALLER.test(caller)) {
            tolerated.push(name);
            return undefined;
          }
          touched.push(name);
          throw new ReferenceError(`${name} touched at import time`);
        },
      });
    }
  });

  afterAll(() => {
    for (const name of GUARDED) {
      const d = saved.get(name);
      if (d) Object.defineProperty(globalThis, name, d);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  });

  it.each(ENTRIES)('%s imports without touching wx/Taro/window/document/navigator', (entry) => {
    touched.length = 0;
    let mod: Record<string, unknown> = {};
    jest.isolateModules(() => {
      mod = require(entry);
    });
    expect(touched).toEqual([]);
    expect(Object.keys(mod).length).toBeGreaterThan(0);
  });

  it('the guard works: touching a global from our code is caught', () => {
    touched.length = 0;
    expect(() => (globalThis as Record<string, unknown>).document).toThrow(ReferenceError);
    expect(touched).toEqual(['document']);
  });

  it('the only tolerated access is the crypto-js feature probe, and only of window/self', () => {
    expect(tolerated.length).toBeGreaterThan(0); // proves the guard saw it (and would see others)
    expect(new Set(tolerated)).toEqual(new Set(['window', 'self']));
  });

  it('creating a client through the core and the virtual device touches nothing either', () => {
    touched.length = 0;
    jest.isolateModules(() => {
      const { createVirtualClient } = require('./virtual');
      createVirtualClient({ serverPublicKey: 'A'.repeat(43), keyId: 'k1' }).client.behaviour.touchStart(1, 1);
    });
    expect(touched).toEqual([]);
  });
});
