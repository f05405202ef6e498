/**
 * The device rules on real payloads: virtual phones (and H5 browsers) drive the real SDK client,
 * the real server verifies, the extractor reads — then each rule measures with its defaults.
 */
import { PROFILES } from '../../../../virtual';
import { extractRequestFeatures } from '../../features/extract';
import { IDENTITY_FIELDS, sealInBrowser, sealOnVirtualDevice, type Sealed } from '../../features/test-sealed-payloads';
import { paramsOf } from '../test-rule-cases';
import { DEVICE_RULES } from './index';

function measureAll(s: Sealed): Record<string, number | string> {
  const f = extractRequestFeatures(
    s.token,
    { action: 'loan.apply', ip: '198.51.100.20', userId: 'u' },
    { at: s.at, hash: (k, v) => `${k}:${v.length}`, timezoneOffsetMinutes: 480, identityFields: IDENTITY_FIELDS },
  );
  return Object.fromEntries(
    DEVICE_RULES.map((r) => {
      const m = r.measure(f, paramsOf(r));
      return [r.code, 'value' in m ? m.value : m.exit];
    }),
  );
}

const withSensors = {
  script: ({ platform }: { platform: { emitSensors(n: number): void } }) => platform.emitSensors(40),
};
const NA = 'NOT_APPLICABLE';
const WEB_NA = { WEB_AUTOMATION: NA, WEB_HEADLESS: NA, WEB_BOTD: NA };

describe('device rules on payloads sealed by the SDK', () => {
  it.each([
    [
      'a genuine iPhone',
      () => sealOnVirtualDevice({ profile: PROFILES.iphone, ...withSensors }),
      {
        DEVICE_EMULATOR: 0,
        DEVICE_DESKTOP_CLIENT: 0,
        DEVICE_DEBUG_MODE: 0,
        DEVICE_PROXY: 0,
        DEVICE_FLAT_SENSORS: 0,
        DEVICE_FARM_BATTERY: 0,
        DEVICE_CLOCK_SKEW: 0,
        DEVICE_SCREEN_RECORDING: 0,
        ...WEB_NA,
      },
    ],
    [
      'a farm phone',
      () => sealOnVirtualDevice({ profile: PROFILES.farmPhone, ...withSensors }),
      { DEVICE_EMULATOR: 0, DEVICE_PROXY: 1, DEVICE_FLAT_SENSORS: 1, DEVICE_FARM_BATTERY: 1, DEVICE_DEBUG_MODE: 0 },
    ],
    [
      'WeChat DevTools',
      () => sealOnVirtualDevice({ profile: PROFILES.emulator }),
      { DEVICE_EMULATOR: 2, DEVICE_DESKTOP_CLIENT: 1, DEVICE_DEBUG_MODE: 1 },
    ],
    [
      'an Android emulator passing as a Redmi',
      () => sealOnVirtualDevice({ profile: { ...PROFILES.farmPhone, abi: 'x86_64', benchmarkLevel: -1 } }),
      { DEVICE_EMULATOR: 1.5 },
    ],
    [
      'PC WeChat',
      () => sealOnVirtualDevice({ profile: PROFILES.pcWechat }),
      { DEVICE_EMULATOR: 0, DEVICE_DESKTOP_CLIENT: 1 },
    ],
    [
      'a phone whose clock is 3 hours slow, without sensor consent',
      () =>
        sealOnVirtualDevice({
          profile: { ...PROFILES.huawei, clockOffsetMs: -3 * 3_600_000 },
          levels: ['basic', 'behaviour'],
        }),
      { DEVICE_CLOCK_SKEW: 180, DEVICE_FLAT_SENSORS: 'NOT_CONSENTED' },
    ],
    [
      'a Playwright-driven headless browser',
      () =>
        sealInBrowser({
          userAgent: 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/124.0.0.0 Chrome/124.0.0.0 Safari/537.36',
          webdriver: true,
          plugins: [],
          languages: [],
          bot: true,
          botKind: 'headless_chrome',
          visitorId: 'b'.repeat(32),
        }),
      { WEB_AUTOMATION: 1, WEB_HEADLESS: 4, WEB_BOTD: 1, DEVICE_EMULATOR: NA, DEVICE_PROXY: NA },
    ],
    [
      'a person in mobile Safari',
      () =>
        sealInBrowser({
          userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1',
          webdriver: false,
          plugins: [],
          languages: ['zh-CN'],
          bot: false,
          visitorId: 'p'.repeat(32),
        }),
      { WEB_AUTOMATION: 0, WEB_HEADLESS: 1, WEB_BOTD: 0, DEVICE_FLAT_SENSORS: 'NOT_CONSENTED' },
    ],
  ])('%s', async (_name, seal, expected) => {
    expect(measureAll(await seal())).toMatchObject(expected);
  });
});
