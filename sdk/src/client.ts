import { createBehaviourCapture, gateSummary, type BehaviourApi, type BehaviourSummary } from './behaviour';
import { COLLECTORS, bumpLaunchCount, runCollectors, type Collector, type Snapshot } from './collectors';
import { ConsentError, createConsent, type ConsentState } from './consent/consent';
import { createRandomPool } from './crypto/random-pool';
import { bytesToHex } from './crypto/bytes';
import { isSignalAllowed, type ConsentLevel } from './manifest';
import { createSdkStorage } from './platform/sdk-storage';
import { RequestError } from './platform/request-error';
import type { Platform } from './platform/types';
import { createSessionClient } from './protocol/session-client';
import { createSuiteRegistry, type CipherSuite } from './protocol/suite';
import { ljr1SealSuite } from './protocol/suites/ljr1-seal';
import type { BoundRequest } from './crypto/biz-hash';

export type { BoundRequest };
import { createTransport, type FlushResult, type Transport, type TransportOptions } from './transport';

export { HANDSHAKE_PATH } from './protocol/constants';
export const TELEMETRY_PATH = '/risk/telemetry';

export interface RiskClientOptions {
  /** The runtime adapter: `createTaroPlatform`, `createWebPlatform` or `createVirtualPlatform`. */
  platform: Platform;
  /** The bank server's static X25519 public key, base64url (from `generateServerKeys`). Public: safe to ship. */
  serverPublicKey: string;
  /** Id of that key, so the server can rotate keys and still accept the previous one for a while. */
  keyId: string;
  /**
   * Suite of that key: the `suite` field the bank's key comes with (`keygen`, `GET /risk/keys`).
   * Default `LJR1-X25519-HMAC-SHA256-AES256CBC`. For an LJG1 (国密) key, also pass `suites: [ljg1JsSuite]`.
   */
  suite?: string;
  /** Client suite implementations besides the built-in LJR1, e.g. `[ljg1JsSuite]`: opt-in, so LJR1 apps do not ship SM code. */
  suites?: readonly CipherSuite[];
  /**
   * Prefix for the SDK's two routes (`/risk/handshake`, `/risk/telemetry`), e.g.
   * `https://bank.example.com/api`. Default '' (the platform resolves relative paths).
   */
  endpoint?: string;
  /**
   * Ids of the form fields whose typing rhythm may be measured (`'idNumber'`, `'phone'` …). Events
   * for any other id are counted and ignored. At most 32.
   */
  fields?: readonly string[];
  /** Telemetry batching, bounds and retry; see `TransportOptions`. */
  transport?: TransportOptions;
  /** Per-collector budget (ms). Default 300. */
  collectorBudgetMs?: number;
  /** Deadline for a whole collection (ms). Default 1000. */
  collectionDeadlineMs?: number;
  /** A collection snapshot is reused by `seal` for this long (ms). Default 60 000. */
  snapshotMaxAgeMs?: number;
  /** Send a telemetry snapshot when consent is granted. Default true. */
  telemetryOnGrant?: boolean;
  /** Background failures (telemetry, sensors) land here; they never throw into the app. */
  onError?: (error: unknown) => void;
}

/** What `seal('action', …)` puts inside the encrypted payload. */
export interface ActionPayload {
  v: 1;
  platform: Platform['kind'];
  deviceTime: number;
  device: Snapshot;
  /** Only the sections whose manifest signal is granted; null without the 'behaviour' level. */
  behaviour: Partial<BehaviourSummary> | null;
  telemetry: { queued: number; dropped: number };
}

export interface RiskClient {
  /** Record the user's consent (call after your own consent UI). Levels must include 'basic'. */
  grantConsent(levels: readonly ConsentLevel[]): Promise<ConsentState>;
  /** Stop every listener, drop queues, clear SDK storage. Nothing is stored or sent afterwards. */
  withdrawConsent(): ConsentState;
  consentState(): ConsentState;
  /** Event capture for your handlers; a no-op until the 'behaviour' level is granted. */
  behaviour: BehaviourApi;
  /**
   * Seal an action token for one business request: put the result in the `X-Risk-Token` header of
   * exactly that request. The token is bound (`bizHash`) to `request.method`, `request.path` (the
   * path as sent, with its resource ids, no query) and `request.body` (the JSON sent; omit for none):
   * the server recomputes it from what it received, so a token for loan A cannot pay on loan B.
   */
  seal(action: string, request: BoundRequest): Promise<string>;
  /**
   * Forget the protocol session so the next `seal` makes a new handshake. Call it when your
   * backend refused an action token with SESSION_UNKNOWN, SESSION_EXPIRED or
   * SESSION_CUSTOMER_MISMATCH, and when the user logs out or switches accounts (a risk session is
   * bound to the first customer it acts for), then seal again.
   */
  resetSession(): void;
  /** Send queued telemetry now. */
  flush(): Promise<FlushResult>;
  /** Run the collectors now and return the snapshot (also refreshes the one `seal` uses). */
  collect(): Promise<Snapshot>;
  /** Queue an app-defined telemetry event (no personal data: names and numbers). Returns its id. */
  track(type: string, data?: Record<string, string | number | boolean>): string | null;
  /** Stop timers and listeners (page/app teardown). Keeps the persisted queue for the next launch. */
  destroy(): void;
}

type SessionClient = ReturnType<typeof createSessionClient>;

export function createRiskClient(options: RiskClientOptions): RiskClient {
  return createClientWith(options, COLLECTORS);
}

/**
 * `createRiskClient` with the collectors to run. Internal: the mini-program entry passes only the
 * collectors a Taro platform can answer, so the web ones stay out of its bundle.
 */
export function createClientWith(options: RiskClientOptions, collectors: readonly Collector[]): RiskClient {
  const { platform } = options;
  const endpoint = options.endpoint || '';
  const onError = options.onError || (() => undefined);
  const consent = createConsent();
  const suites = createSuiteRegistry([ljr1SealSuite, ...(options.suites || [])]);
  if (options.suite !== undefined && !suites.get(options.suite))
    throw new TypeError(
      `createRiskClient: suite ${options.suite} is not registered; pass its implementation in suites`,
    );
  const storage = createSdkStorage(platform.storage);
  const gate = { behaviour: false, sensors: false };
  const capture = createBehaviourCapture({ fields: options.fields || [], now: () => platform.now(), gate });

  // Everything below is created lazily after consent: before it, the SDK must not even read storage.
  let randomBytes: ((n: number) => Uint8Array) | null = null;
  let session: SessionClient | null = null;
  let transport: Transport | null = null;
  let launchCounted = false;
  let clockOffset: number | null = null;
  // This launch created the install id (new install, or storage cleared): every snapshot of the
  // launch says so, not only the first one (which a handshake's clock offset may replace).
  let installCreated = false;
  let cached: { at: number; snapshot: Snapshot } | null = null;
  let unsubscribe: Array<() => void> = [];
  let stopSensors: (() => void) | null = null;
  // Bumped on every grant/withdraw: async work started under an older epoch must not write or send.
  let epoch = 0;
  let destroyed = false;

  const granted = () => consent.state().status === 'granted' && !destroyed;
  const requireGranted = () => {
    if (destroyed) throw new ConsentError('risk client destroyed');
    if (!granted()) throw new ConsentError(`consent is ${consent.state().status}: nothing may be collected or sent`);
  };

  const random = (n: number): Uint8Array => {
    if (!randomBytes) {
      const pool = createRandomPool((buf) => platform.fillRandom(buf));
      randomBytes = (k) => pool.bytes(k);
    }
    return randomBytes(n);
  };

  /** The platform's async CSPRNG top-up, where it has one (WeChat). */
  const prepareRandom = async (bytes: number) => {
    if (platform.prepareRandom) await platform.prepareRandom(bytes);
  };

  /** The only way out to the network; refuses when consent is not (or no longer) granted. */
  const post = async (path: string, body: unknown): Promise<unknown> => {
    requireGranted();
    return platform.request(endpoint + path, body);
  };

  /** Live session; records the clock offset the handshake measured (a signal in the snapshot). */
  const liveSession = async (): Promise<SessionClient> => {
    const s = getSession();
    const info = await s.ensureSession();
    if (info.clockOffsetMs !== clockOffset) {
      clockOffset = info.clockOffsetMs;
      cached = null;
    }
    return s;
  };

  const getSession = (): SessionClient => {
    if (!session) {
      session = createSessionClient({
        serverPublicKey: options.serverPublicKey,
        keyId: options.keyId,
        suite: options.suite,
        suites,
        random,
        now: () => platform.now(),
        post,
      });
    }
    return session;
  };

  const collect = async (): Promise<Snapshot> => {
    requireGranted();
    const myEpoch = epoch;
    await prepareRandom(256); // the install id needs CSPRNG bytes (async on WeChat)
    const snapshot = await runCollectors(
      collectors,
      { platform, storage, randomId: () => bytesToHex(random(16)), clockOffset: () => clockOffset },
      { granted: consent.granted(), budgetMs: options.collectorBudgetMs, deadlineMs: options.collectionDeadlineMs },
    );
    const install = snapshot.installId;
    if (install && 'value' in install) {
      const v = install.value as { id: string; fresh: boolean };
      if (v.fresh) installCreated = true;
      else if (installCreated)
        snapshot.installId = Object.assign({}, install, { value: Object.assign({}, v, { fresh: true }) });
    }
    if (myEpoch === epoch) cached = { at: platform.now(), snapshot };
    return snapshot;
  };

  const getTransport = (): Transport => {
    if (!transport) {
      transport = createTransport(
        {
          storage,
          now: () => platform.now(),
          randomBytes: random,
          onError,
          send: async (events, meta) => {
            await prepareRandom(512);
            const s = getSession();
            try {
              await liveSession();
              const token = await s.seal('telemetry', null, { v: 1, events, dropped: meta.dropped });
              const res = await post(TELEMETRY_PATH, { token });
              const accepted = res && typeof res === 'object' ? (res as { accepted?: unknown }).accepted : undefined;
              if (!Array.isArray(accepted)) throw new Error('telemetry answer without "accepted"');
              return accepted.filter((x): x is string => typeof x === 'string');
            } catch (e) {
              // A 4xx means the server rejected the token (e.g. it lost the session): only a new
              // handshake can fix that. Network failures keep the session.
              if (e instanceof RequestError && e.status >= 400 && e.status < 500) s.reset();
              throw e;
            }
          },
        },
        options.transport,
      );
    }
    return transport;
  };

  /** The aggregate as it may leave the device: declared and granted sections only. */
  const behaviourSummary = (at?: number): Partial<BehaviourSummary> | null =>
    gate.behaviour ? gateSummary(capture.summary(at), (signal) => isSignalAllowed(signal, consent.granted())) : null;

  const onAppHide = () => {
    capture.appHide();
    if (!granted()) return;
    try {
      const summary = behaviourSummary();
      if (summary) getTransport().enqueue('behaviour', summary);
    } catch (e) {
      onError(e); // e.g. the CSPRNG reserve is empty: fail closed, never a weaker id
    }
    // The app may be killed in the background: the queue is persisted already, flushing is a bonus.
    getTransport().flush().catch(onError);
  };

  const startSensors = async (myEpoch: number) => {
    try {
      if (platform.requirePrivacyAuthorize) await platform.requirePrivacyAuthorize();
      if (myEpoch !== epoch || !consent.has('sensors') || !platform.startSensors) return;
      stopSensors = platform.startSensors((kind, x, y, z, at) => capture.sensor(kind, x, y, z, at));
      gate.sensors = true;
    } catch (e) {
      onError(e); // the user declined the privacy prompt: sensors stay off, everything else works
    }
  };

  const stopListeners = () => {
    unsubscribe.forEach((u) => u());
    unsubscribe = [];
    stopSensors?.();
    stopSensors = null;
    gate.behaviour = false;
    gate.sensors = false;
  };

  return {
    behaviour: capture,
    consentState: () => consent.state(),

    async grantConsent(levels) {
      if (destroyed) throw new ConsentError('risk client destroyed');
      const wasGranted = granted();
      const had = { behaviour: consent.has('behaviour'), sensors: consent.has('sensors') };
      const state = consent.grant(levels);
      const myEpoch = ++epoch;
      gate.behaviour = consent.has('behaviour');
      // A level taken back takes its data with it, not only its future collection.
      if (had.behaviour && !gate.behaviour) capture.reset();
      if (had.sensors && !consent.has('sensors')) {
        stopSensors?.();
        stopSensors = null;
        gate.sensors = false;
        capture.resetSensors();
      }
      if (!launchCounted) {
        launchCounted = true;
        bumpLaunchCount(storage);
      }
      if (!wasGranted) {
        unsubscribe.push(
          platform.onAppHide(onAppHide),
          platform.onAppShow(() => capture.appShow()),
        );
        getTransport();
      }
      cached = null;
      try {
        await prepareRandom(1024);
      } catch (e) {
        onError(e); // no CSPRNG: ids and tokens will fail closed; consent itself still stands
      }
      // A newer grant or a withdrawal happened meanwhile: it owns what follows.
      if (myEpoch !== epoch) return consent.state();
      if (consent.has('sensors') && !stopSensors) await startSensors(myEpoch);
      if (!wasGranted && options.telemetryOnGrant !== false) {
        try {
          const snapshot = await collect();
          if (myEpoch === epoch && granted()) getTransport().enqueue('snapshot', snapshot);
        } catch (e) {
          onError(e);
        }
      }
      return state;
    },

    withdrawConsent() {
      const state = consent.withdraw();
      epoch++;
      stopListeners();
      transport?.drop();
      transport = null;
      session?.reset();
      session = null;
      capture.reset();
      cached = null;
      clockOffset = null;
      installCreated = false;
      launchCounted = false;
      storage.clearAll();
      return state;
    },

    resetSession() {
      session?.reset();
      cached = null;
    },

    async seal(action, request) {
      requireGranted();
      await prepareRandom(1024);
      const s = await liveSession(); // first, so the snapshot carries the measured clock offset
      const t = platform.now();
      const maxAge = options.snapshotMaxAgeMs ?? 60_000;
      const snapshot = cached && t - cached.at <= maxAge ? cached.snapshot : await collect();
      const payload: ActionPayload = {
        v: 1,
        platform: platform.kind,
        deviceTime: t,
        device: snapshot,
        behaviour: behaviourSummary(t),
        telemetry: { queued: transport?.size() ?? 0, dropped: transport?.dropped() ?? 0 },
      };
      return s.seal('action', action, payload, request);
    },

    async flush() {
      requireGranted();
      return getTransport().flush();
    },

    collect,

    track(type, data) {
      if (!granted()) return null;
      try {
        return getTransport().enqueue(type, data);
      } catch (e) {
        onError(e);
        return null;
      }
    },

    destroy() {
      destroyed = true;
      epoch++;
      stopListeners();
      transport?.stop();
    },
  };
}
