/**
 * Every feature the engine gives to rules, declared once. FEATURES.md is generated from this list
 * (`npx tsx sdk/scripts/gen-features.ts`), the extractor fills exactly these names (a test checks
 * both ways), and rules may read only names declared here.
 *
 * Sources: `token` (the verified, MAC-checked payload: client *measurements*, cross-checked, never
 * client verdicts), `server` (what the bank saw: IP, user, clock, identities), `state` (windows and
 * graph degrees from the engine store, counted across every instance sharing it), `channel` (the
 * surge detector's lockdown conditions).
 */
export type FeatureType = 'string' | 'number' | 'boolean';
export type FeatureSource = 'token' | 'server' | 'state' | 'channel';

export interface FeatureDeclaration {
  name: string;
  type: FeatureType;
  source: FeatureSource;
  /** What it is and why it matters, for FEATURES.md and staff tooltips. */
  doc: string;
}

const f = (name: string, type: FeatureType, source: FeatureSource, doc: string): FeatureDeclaration => ({
  name,
  type,
  source,
  doc,
});

export const FEATURES = [
  // Server context: cannot be forged by the client.
  f('ctx.action', 'string', 'server', 'SDK action of the request (loan.apply, drawdown, repay, …)'),
  f('ctx.hour', 'number', 'server', 'Hour of day 0–23 in the bank timezone (default UTC+8), engine clock'),
  f('ctx.ipKey', 'string', 'server', 'Keyed hash of the source IP'),
  f('ctx.subnetKey', 'string', 'server', 'Keyed hash of the source /24 (IPv4) or /48 (IPv6)'),
  f('ctx.hasToken', 'boolean', 'server', 'A verified action token came with the request'),
  f('ctx.amountFen', 'number', 'server', 'Amount applied for or moved, fen'),
  f('ctx.accountAgeMs', 'number', 'server', 'Age of the receiving account of a money move, ms'),
  f(
    'identity.usccSharedWithOtherCustomer',
    'boolean',
    'server',
    "Another customer already held this enterprise's USCC when the applicant claimed it (with an authorisation)",
  ),
  f('ctx.channel', 'string', 'token', "Launch channel reported by the SDK ('unknown' when absent)"),
  f('ctx.scene', 'number', 'token', 'WeChat launch scene'),

  // Device: from the token's collectors.
  f('device.key', 'string', 'server', 'Server-derived device key: hash of stable attributes + install id'),
  f('device.platform', 'string', 'token', "WeChat platform or 'web' (ios, android, ohos, windows, mac, devtools, web)"),
  f('device.brand', 'string', 'token', 'Device brand'),
  f('device.model', 'string', 'token', 'Device model'),
  f('device.system', 'string', 'token', 'OS name and version'),
  f('device.abi', 'string', 'token', 'CPU ABI (x86/x86_64 on an Android phone means an emulator)'),
  f('device.benchmarkLevel', 'number', 'token', 'WeChat performance tier (-1 = unknown/emulated)'),
  f('device.memorySize', 'number', 'token', 'Memory, MB'),
  f('device.screenWidth', 'number', 'token', 'Screen width, CSS px'),
  f('device.screenHeight', 'number', 'token', 'Screen height, CSS px'),
  f('device.pixelRatio', 'number', 'token', 'Device pixel ratio'),
  f('device.debug', 'boolean', 'token', 'WeChat debug mode (vConsole) on'),
  f('device.proxy', 'boolean', 'token', 'System proxy configured (interception tools such as Charles/whistle)'),
  f('device.networkType', 'string', 'token', 'wifi, 4g, 5g, …'),
  f('device.batteryLevel', 'number', 'token', 'Battery level 0–100'),
  f('device.charging', 'boolean', 'token', 'Charging'),
  f('device.screenRecording', 'boolean', 'token', 'Screen being recorded'),
  f(
    'device.clockSkewMs',
    'number',
    'token',
    'Device clock minus server clock at the token, ms (raw device time travels in the payload)',
  ),
  f(
    'device.installFresh',
    'boolean',
    'token',
    'The install id was created in this launch (new install or storage cleared)',
  ),
  f('device.launchCount', 'number', 'token', 'Launches since consent on this install'),
  f('device.telemetryDropped', 'number', 'token', 'Telemetry events the device dropped (bounded queue)'),

  // H5 only.
  f('web.webdriver', 'boolean', 'token', 'navigator.webdriver'),
  f('web.headlessTraits', 'number', 'token', 'Number of headless-browser traits present'),
  f('web.botdBot', 'boolean', 'token', 'BotD measured a bot (a measurement, weighed with the rest)'),
  f('web.visitorKey', 'string', 'token', 'Hash of the FingerprintJS visitorId'),

  // Behaviour aggregates (on-device statistics; never values).
  f('behaviour.present', 'boolean', 'token', 'Behaviour summary present (behaviour consent granted)'),
  f('behaviour.touchCount', 'number', 'token', 'Touches since launch'),
  f('behaviour.touchIntervalCv', 'number', 'token', 'Coefficient of variation of the intervals between taps'),
  f('behaviour.tapDurationStd', 'number', 'token', 'Standard deviation of tap durations, ms'),
  f('behaviour.fieldsFilled', 'number', 'token', 'Declared fields with at least one input event'),
  f('behaviour.charsTyped', 'number', 'token', 'Characters typed one at a time, all fields'),
  f('behaviour.charsPasted', 'number', 'token', 'Characters added in bursts (paste/autofill), all fields'),
  f(
    'behaviour.identityPasteChars',
    'number',
    'token',
    'Characters pasted into identity fields (ID number, phone, USCC, account)',
  ),
  f('behaviour.deletions', 'number', 'token', 'Deletions (corrections), all fields'),
  f('behaviour.keyIntervalMeanMs', 'number', 'token', 'Mean interval between input events, pooled over fields, ms'),
  f('behaviour.keyIntervalCv', 'number', 'token', 'Coefficient of variation of input intervals, pooled over fields'),
  f('behaviour.keyIntervalSamples', 'number', 'token', 'Input intervals behind the pooled statistics'),
  f('behaviour.fillMs', 'number', 'token', 'Time spent filling the declared fields (sum of first-to-last input), ms'),
  f('behaviour.msPerChar', 'number', 'token', 'fillMs per character entered (typed + pasted)'),
  f('behaviour.sinceLaunchMs', 'number', 'token', 'Time from launch to the action, ms'),
  f('behaviour.pageViews', 'number', 'token', 'Pages viewed since launch'),
  f('sensors.present', 'boolean', 'token', 'Motion sensor summary present (sensors consent granted)'),
  f('sensors.samples', 'number', 'token', 'Accelerometer samples'),
  f('sensors.accelVariance', 'number', 'token', 'Largest per-axis accelerometer variance (g²)'),
  f('sensors.gyroVariance', 'number', 'token', 'Largest per-axis gyroscope variance'),

  // State: sliding windows and the identity–device graph (engine store; includes this request).
  f('velocity.identityApps24h', 'number', 'state', 'Applications with this resident ID, 24 h'),
  f('velocity.phoneApps24h', 'number', 'state', 'Applications with this phone, 24 h'),
  f('velocity.usccApps24h', 'number', 'state', 'Applications for this USCC, 24 h'),
  f('velocity.deviceApps24h', 'number', 'state', 'Applications from this device, 24 h'),
  f('velocity.ipApps1h', 'number', 'state', 'Applications from this IP, 1 h'),
  f('velocity.subnetApps1h', 'number', 'state', 'Applications from this /24, 1 h'),
  f('velocity.accountMoves24h', 'number', 'state', 'Money moves to this receiving account, 24 h'),
  f('graph.deviceIdentities7d', 'number', 'state', 'Distinct resident IDs seen on this device, 7 d'),
  f('graph.deviceUsers7d', 'number', 'state', 'Distinct customers logged in on this device, 7 d'),
  f('graph.identityDevices7d', 'number', 'state', 'Distinct devices used by this resident ID, 7 d'),
  f('graph.accountUsers30d', 'number', 'state', 'Distinct customers naming this receiving account, 30 d'),
  f(
    'graph.deviceApplied30d',
    'number',
    'state',
    'Applications from this device in 30 d (0: a money move from a device that never applied)',
  ),
  f('failures.ip1h', 'number', 'state', 'Refused tokens from this IP, 1 h'),
  f('failures.device1h', 'number', 'state', 'Refused tokens from sessions of this device, 1 h'),

  // Channel: surge detector conditions.
  f('channel.lockdown', 'string', 'channel', "Active condition on the channel: 'none', 'review' or 'reject'"),
] as const satisfies readonly FeatureDeclaration[];

export type FeatureName = (typeof FEATURES)[number]['name'];

export const FEATURE_NAMES: ReadonlySet<string> = new Set(FEATURES.map((d) => d.name));
