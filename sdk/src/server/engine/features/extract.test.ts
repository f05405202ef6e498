import fc from 'fast-check';
import { PROFILES } from '../../../virtual';
import { createMemoryStorage } from '../../../platform/memory-storage';
import type { EngineContext, FeatureValue, VerifiedToken } from '../types';
import { FEATURES } from './catalog';
import { extractRequestFeatures, hourOfDay } from './extract';
import { IDENTITY_FIELDS, sealInBrowser, sealOnVirtualDevice, type Script, type Sealed } from './test-sealed-payloads';

/** A transparent "hash" so tests can see exactly what was hashed. */
const hash = (kind: string, value: string) => `${kind}<${value}>`;
const CTX: EngineContext = { action: 'loan.apply', ip: '203.0.113.7', userId: 'u1' };
const extract = (token: VerifiedToken | null, at: number, ctx: EngineContext = CTX) =>
  extractRequestFeatures(token, ctx, { at, hash, timezoneOffsetMinutes: 480, identityFields: IDENTITY_FIELDS });
const run = (s: Sealed, ctx?: EngineContext) => extract(s.token, s.at, ctx);

const REQUEST_FEATURES = FEATURES.filter((f) => f.source === 'token' || f.source === 'server');
const TYPES = new Map(FEATURES.map((f) => [f.name, f.type]));

/** Every value is a declared type, finite when a number; and exactly the request features are there. */
function expectWellFormed(v: Record<string, FeatureValue>) {
  expect(Object.keys(v).sort()).toEqual(REQUEST_FEATURES.map((f) => f.name).sort());
  for (const [name, value] of Object.entries(v)) {
    if (value === null) continue;
    expect([name, typeof value]).toEqual([name, TYPES.get(name)]);
    if (typeof value === 'number') expect([name, Number.isFinite(value)]).toEqual([name, true]);
  }
}

// Raw input intervals (ms) the script types with; the test computes the pooled statistics itself.
const PHONE_GAPS = [120, 180, 150, 210, 90, 160, 140, 200, 130, 170];
const COMPANY_GAPS = [300, 320, 310, 290, 400, 280];
const TAP_GAPS = [400, 650, 500];
const TAP_DURATIONS = [80, 120, 95, 110];

/** A person: types the phone number, pastes the ID number, types a company name with a correction. */
function person({ client, platform, tick }: Script) {
  const b = client.behaviour;
  b.pageShow('pages/home/index');
  tick(2000);
  b.pageShow('pages/loan/apply');
  b.focus('phone');
  b.input('phone', 1);
  PHONE_GAPS.forEach((gap, i) => (tick(gap), b.input('phone', i + 2)));
  b.blur('phone');
  tick(1500);
  b.focus('idNumber');
  b.input('idNumber', 18); // one paste of 18 characters
  b.focus('companyName');
  const lengths = [1, 2, 3, 4, 5, 4, 5];
  b.input('companyName', lengths[0]);
  COMPANY_GAPS.forEach((gap, i) => (tick(gap), b.input('companyName', lengths[i + 1])));
  TAP_DURATIONS.forEach((d, i) => {
    if (i > 0) tick(TAP_GAPS[i - 1] - TAP_DURATIONS[i - 1]);
    b.touchStart(100 + i * 90, 300 + i * 90, 0.5);
    tick(d);
    b.touchEnd();
  });
  platform.emitSensors(30);
  tick(1000);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const popStd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('extractRequestFeatures', () => {
  it('produces every token/server feature of the catalog and nothing else, with or without a token', async () => {
    expectWellFormed(run(await sealOnVirtualDevice({ profile: PROFILES.iphone, script: person })));
    expectWellFormed(extract(null, 0));
    expect(FEATURES.filter((f) => f.source === 'state' || f.source === 'channel').length).toBeGreaterThan(0);
  });

  it.each([
    [
      'iphone',
      PROFILES.iphone,
      {
        'device.platform': 'ios',
        'device.brand': 'Apple',
        'device.model': 'iPhone 15',
        'device.system': 'iOS 17.5',
        'device.abi': 'arm64',
        'device.benchmarkLevel': 50,
        'device.memorySize': 6144,
        'device.screenWidth': 393,
        'device.screenHeight': 852,
        'device.pixelRatio': 3,
        'device.debug': false,
        'device.proxy': false,
        'device.networkType': 'wifi',
        'device.batteryLevel': 64,
        'device.charging': false,
        'device.screenRecording': false,
        'device.clockSkewMs': 0,
        // The launch that created the install id says so on every token (the first seal's handshake
        // refreshes the snapshot, but the client remembers the install was created in this launch).
        'device.installFresh': true,
        'device.launchCount': 1,
        'device.telemetryDropped': 0,
        'ctx.channel': 'organic',
        'ctx.scene': 1001,
        'web.webdriver': null,
        'web.headlessTraits': null,
        'web.botdBot': null,
        'web.visitorKey': null,
      },
    ],
    [
      'farm phone',
      PROFILES.farmPhone,
      {
        'device.platform': 'android',
        'device.brand': 'Redmi',
        'device.benchmarkLevel': 12,
        'device.proxy': true,
        'device.batteryLevel': 100,
        'device.charging': true,
        'ctx.channel': 'partner-x',
        'ctx.scene': 1045,
        'sensors.present': true,
        'sensors.samples': 30,
        'sensors.accelVariance': 0,
        'sensors.gyroVariance': 0,
      },
    ],
    [
      'emulator (WeChat devtools)',
      PROFILES.emulator,
      {
        'device.platform': 'devtools',
        'device.brand': 'devtools',
        'device.model': 'iPhone 6/7/8',
        'device.benchmarkLevel': -1,
        'device.debug': true,
        'device.screenWidth': 375,
        'device.screenHeight': 667,
        'device.pixelRatio': 2,
      },
    ],
    ['PC WeChat', PROFILES.pcWechat, { 'device.platform': 'windows', 'device.pixelRatio': 1.25 }],
    [
      'skewed clock, messy channel, recording the screen',
      {
        ...PROFILES.huawei,
        clockOffsetMs: -125_000,
        screenRecording: true,
        launch: { scene: 1007, channel: '  Partner-X\u0000 ' },
      },
      { 'device.clockSkewMs': -125_000, 'device.screenRecording': true, 'ctx.channel': 'partner-x', 'ctx.scene': 1007 },
    ],
  ])('reads a payload sealed on a virtual %s', async (_name, profile, expected) => {
    const v = run(await sealOnVirtualDevice({ profile, script: person }));
    expectWellFormed(v);
    expect(v).toMatchObject(expected);
  });

  it('pools the per-field interval statistics over every raw interval (not an average of stds)', async () => {
    const s = await sealOnVirtualDevice({ profile: PROFILES.iphone, script: person });
    const v = run(s);
    const gaps = [...PHONE_GAPS, ...COMPANY_GAPS];
    expect(v['behaviour.keyIntervalSamples']).toBe(gaps.length);
    expect(v['behaviour.keyIntervalMeanMs']).toBeCloseTo(mean(gaps), 1);
    expect(v['behaviour.keyIntervalCv']).toBeCloseTo(popStd(gaps) / mean(gaps), 3);
    // The naive average of the two fields' CVs is far off: the fields differ in speed.
    const naive = (popStd(PHONE_GAPS) / mean(PHONE_GAPS) + popStd(COMPANY_GAPS) / mean(COMPANY_GAPS)) / 2;
    expect(Math.abs((v['behaviour.keyIntervalCv'] as number) - naive)).toBeGreaterThan(0.1);
    expect(v).toMatchObject({
      'behaviour.present': true,
      'behaviour.fieldsFilled': 3,
      'behaviour.charsTyped': 11 + 6, // companyName: 6 single characters, one deletion
      'behaviour.charsPasted': 18,
      'behaviour.identityPasteChars': 18, // idNumber pasted; companyName is not an identity field
      'behaviour.deletions': 1,
      'behaviour.fillMs': sum(gaps),
      'behaviour.msPerChar': Math.round((sum(gaps) / (11 + 6 + 18)) * 10) / 10,
      'behaviour.touchCount': 4,
      'behaviour.pageViews': 2,
      'sensors.present': true,
      'sensors.samples': 30,
    });
    expect(v['behaviour.touchIntervalCv']).toBeCloseTo(popStd(TAP_GAPS) / mean(TAP_GAPS), 3);
    expect(v['behaviour.tapDurationStd']).toBeCloseTo(popStd(TAP_DURATIONS), 1);
    expect(v['behaviour.sinceLaunchMs']).toBeGreaterThanOrEqual(sum(gaps) + 3500);
    expect(v['sensors.accelVariance']).toBeGreaterThan(1e-4); // the iPhone is held in a hand (noise 0.02 g)
  });

  it('gives null behaviour without the behaviour level, and no sensor values without the sensors level', async () => {
    const basic = run(await sealOnVirtualDevice({ profile: PROFILES.iphone, levels: ['basic'], script: person }));
    expect(basic['behaviour.present']).toBe(false);
    expect(basic['sensors.present']).toBe(false);
    for (const f of REQUEST_FEATURES.filter(
      (d) => /^(behaviour|sensors)\./.test(d.name) && !d.name.endsWith('present'),
    ))
      expect([f.name, basic[f.name]]).toEqual([f.name, null]);

    const noSensors = run(
      await sealOnVirtualDevice({ profile: PROFILES.iphone, levels: ['basic', 'behaviour'], script: person }),
    );
    expect(noSensors).toMatchObject({ 'behaviour.present': true, 'sensors.present': false, 'sensors.samples': null });
    expect(noSensors['behaviour.charsTyped']).toBe(17);
  });

  describe('device key', () => {
    const keyOf = (s: Sealed) => run(s)['device.key'] as string;

    it('binds the install id to stable attributes, and survives a relaunch', async () => {
      const storage = createMemoryStorage();
      const first = await sealOnVirtualDevice({ profile: PROFILES.farmPhone, storage });
      const again = await sealOnVirtualDevice({ profile: PROFILES.farmPhone, storage });
      const installId = (first.token.payload as { device: { installId: { value: { id: string } } } }).device.installId
        .value.id;
      expect(keyOf(first)).toMatch(/^device<\[.*"redmi","23053rn02a","android 13","android".*\]\|[0-9a-f]{32}>$/);
      expect(keyOf(first).endsWith(`|${installId}>`)).toBe(true);
      expect(keyOf(again)).toBe(keyOf(first));
      expect(run(first)['device.installFresh']).toBe(true);
      expect(run(again)).toMatchObject({ 'device.installFresh': false, 'device.launchCount': 2 });
    });

    it('differs for a new install on the same phone and for the same install id copied to another phone', async () => {
      const storage = createMemoryStorage();
      const farm = await sealOnVirtualDevice({ profile: PROFILES.farmPhone, storage });
      const reinstalled = await sealOnVirtualDevice({ profile: PROFILES.farmPhone });
      const copied = await sealOnVirtualDevice({ profile: PROFILES.huawei, storage });
      expect(keyOf(reinstalled)).not.toBe(keyOf(farm));
      expect(keyOf(copied)).not.toBe(keyOf(farm));
    });

    it('ignores screen orientation', async () => {
      const storage = createMemoryStorage();
      const portrait = await sealOnVirtualDevice({ profile: PROFILES.iphone, storage });
      const screen = { ...PROFILES.iphone.screen, width: 852, height: 393 };
      const landscape = await sealOnVirtualDevice({ profile: { ...PROFILES.iphone, screen }, storage });
      expect(keyOf(landscape)).toBe(keyOf(portrait));
    });
  });

  it('reads the H5 signals: webdriver, headless traits, BotD, FingerprintJS visitorId', async () => {
    const v = run(
      await sealInBrowser({
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/124.0.0.0 Chrome/124.0.0.0 Safari/537.36',
        webdriver: true,
        plugins: [],
        languages: ['zh-CN'],
        bot: true,
        botKind: 'headless_chrome',
        visitorId: 'v'.repeat(32),
      }),
    );
    expectWellFormed(v);
    expect(v).toMatchObject({
      'device.platform': 'web',
      'device.brand': null,
      'web.webdriver': true,
      'web.headlessTraits': 3, // HeadlessChrome UA, no plugins, Chrome UA without window.chrome
      'web.botdBot': true,
      'web.visitorKey': `visitor<${'v'.repeat(32)}>`,
      'ctx.channel': 'unknown',
      'behaviour.present': false,
    });
    expect(v['device.key']).toMatch(new RegExp(`^device<\\["web",.*"${'v'.repeat(32)}"\\]\\|[0-9a-f]{32}>$`));
  });

  describe('server context', () => {
    it('hashes the canonical address and its /24 or /48', () => {
      const v4 = extract(null, T(0), { ...CTX, ip: '::ffff:203.0.113.7' });
      expect(v4).toMatchObject({ 'ctx.ipKey': 'ip<203.0.113.7>', 'ctx.subnetKey': 'subnet<203.0.113.0/24>' });
      const v6 = extract(null, T(0), { ...CTX, ip: '2001:db8:abcd:12::1' });
      expect(v6['ctx.subnetKey']).toBe('subnet<2001:db8:abcd::/48>');
      expect(extract(null, T(0), { ...CTX, ip: 'unknown' })).toMatchObject({
        'ctx.ipKey': null,
        'ctx.subnetKey': null,
      });
    });

    it.each([
      [Date.UTC(2026, 0, 1, 16, 30), 480, 0],
      [Date.UTC(2026, 0, 1, 15, 59), 480, 23],
      [Date.UTC(2026, 0, 1, 2, 0), 480, 10],
      [Date.UTC(2026, 0, 1, 2, 0), 0, 2],
      [Date.UTC(2026, 0, 1, 2, 0), -300, 21],
      [NaN, 480, null],
    ])('hour of %p at UTC%+d min is %p', (at, tz, hour) => {
      expect(hourOfDay(at, tz)).toBe(hour);
    });

    it('reads action, amount and receiving-account age; no token means hasToken false and nulls', () => {
      const at = T(0);
      const v = extract(null, at, { ...CTX, action: 'drawdown', amountFen: 1_000_000, accountAddedAt: at - 300_000 });
      expect(v).toMatchObject({
        'ctx.action': 'drawdown',
        'ctx.amountFen': 1_000_000,
        'ctx.accountAgeMs': 300_000,
        'ctx.hasToken': false,
        'ctx.channel': 'unknown',
        'device.key': null,
        'behaviour.present': null,
        'sensors.present': null,
      });
      expect(extract(null, at)).toMatchObject({ 'ctx.amountFen': null, 'ctx.accountAgeMs': null });
    });
  });

  describe('garbage never throws and reads as null', () => {
    const realPayload = sealOnVirtualDevice({ profile: PROFILES.farmPhone, script: person }).then(
      (s) => s.token.payload as Record<string, unknown>,
    );
    const junk = fc.oneof(
      fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -1, 1e308, '', 'NaN', '100', true, [], {}),
      fc.double(),
      fc.string(),
      fc.anything(),
    );

    it('whole payloads and contexts of any shape', () => {
      fc.assert(
        fc.property(fc.anything(), fc.anything(), fc.anything(), (payload, header, ctx) => {
          const v = extractRequestFeatures(
            { header: header as Record<string, unknown>, payload },
            ctx as EngineContext,
            { at: T(0), hash, timezoneOffsetMinutes: 480, identityFields: IDENTITY_FIELDS },
          );
          expectWellFormed(v);
        }),
      );
    });

    it('a non-object payload gives null for every token feature (channel: unknown)', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.array(fc.anything())), (payload) => {
          const v = extract({ header: {}, payload }, T(0));
          for (const f of REQUEST_FEATURES.filter((d) => d.source === 'token'))
            expect([f.name, v[f.name]]).toEqual([f.name, f.name === 'ctx.channel' ? 'unknown' : null]);
        }),
      );
    });

    it('a real payload with junk spliced in anywhere', async () => {
      const base = await realPayload;
      // Every path of the real payload, so junk lands on the exact spots the extractor reads.
      const paths: string[][] = [];
      const walk = (x: unknown, path: string[]) => {
        paths.push(path);
        if (x !== null && typeof x === 'object')
          for (const [k, c] of Object.entries(x as Record<string, unknown>)) walk(c, [...path, k]);
      };
      walk(base, []);
      const splice = (root: unknown, path: string[], value: unknown): unknown => {
        if (path.length === 0) return value;
        const o = (root !== null && typeof root === 'object' ? root : {}) as Record<string, unknown>;
        const copy: Record<string, unknown> = Array.isArray(o)
          ? ([...o] as unknown as Record<string, unknown>)
          : { ...o };
        copy[path[0]] = splice(o[path[0]], path.slice(1), value);
        return copy;
      };
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(paths.length - 1), junk), { minLength: 1, maxLength: 6 }), (edits) => {
          const payload = edits.reduce<unknown>((p, [i, value]) => splice(p, paths[i], value), base);
          expectWellFormed(extract({ header: {}, payload }, T(0)));
        }),
        { numRuns: 300 },
      );
    });

    it('numbers out of range or of the wrong type read as null, not as a guess', async () => {
      const base = await realPayload;
      const device = base.device as Record<string, { value: Record<string, unknown> }>;
      const payload = {
        ...base,
        deviceTime: 'yesterday',
        telemetry: { dropped: -3 },
        device: {
          ...device,
          battery: { value: { level: 250, isCharging: 'yes' }, duration: 0 },
          window: { value: { screenWidth: NaN, screenHeight: '852', pixelRatio: -2 }, duration: 0 },
          launchCount: { value: 1.5, duration: 0 },
          network: { error: 'TIMEOUT', duration: 300 },
          launch: { value: { scene: 0, channel: 42 }, duration: 0 },
        },
      };
      expect(extract({ header: {}, payload }, T(0))).toMatchObject({
        'device.clockSkewMs': null,
        'device.telemetryDropped': null,
        'device.batteryLevel': null,
        'device.charging': null,
        'device.screenWidth': null,
        'device.screenHeight': null,
        'device.pixelRatio': null,
        'device.launchCount': null,
        'device.proxy': null,
        'device.networkType': null,
        'ctx.scene': null,
        'ctx.channel': 'unknown',
      });
      // Another payload version: nothing is read from it.
      expect(extract({ header: {}, payload: { ...base, v: 2 } }, T(0))['device.platform']).toBeNull();
    });
  });
});

function T(minutes: number) {
  return Date.UTC(2026, 5, 1, 2, 0) + minutes * 60_000;
}
