import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { type Clock, systemClock } from './clock';
import type { Db } from './db/connect';
import type { AppDeps, RateLimits } from './deps';
import { errorSchema, registerErrorHandling } from './errors';
import { registerJsonGuards } from './json-guards';
import type { RiskGate } from './risk/gate';
import { createRiskEngine, type RiskEngine, type RuleSetFile } from '@lingjie/risk-sdk/engine';
import { createRiskUnderwriter } from './services/underwriting/risk-underwriter';
import type { Underwriter } from './services/underwriting/underwriter';
import { processIdentityKey } from './risk/identity-key';
import { processPiiVault } from './pii/config';
import type { PiiVault } from './pii/vault';
import { createSqlEngineStore } from './risk/sql-engine-store';
import { connectRedis } from './risk/redis-connection';
import { createRedisEngineStore, DEFAULT_REDIS_PREFIX } from './risk/redis-engine-store';
import { withRedisNonceCache } from './risk/redis-nonce-cache';
import { parseStaffKeys } from './staff/staff-auth';
import { staffAuthenticator } from './staff/principal';
import { registerStaffAudit } from './staff/audit';
import { DecisionFeed, observeDecisions } from './staff/decision-feed';
import { relayDecisions } from './staff/decision-relay';
import { applyActiveRuleSets, engineRuleSets, registerRuleSets } from './services/rule-sets';
import { createSimulationRunner } from './services/simulations';
import { routeModules } from './routes';
import { authenticator, DEFAULT_SESSION_TTL_MS } from './services/auth';
import { createSdkRiskGate, type RiskKey } from './risk/sdk-gate';
import { createSqlRiskStore } from './risk/sql-risk-store';
import { atRestKeys } from './risk/at-rest';
import { purgeTelemetry } from './services/telemetry-retention';
import { nativeRequire } from './native-require';
import { H5_HASHED_DIRS, serveBuilt, serveConsole } from './static-assets';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's risk engine (the default one or `BuildAppOptions.engine`), for tools beside the HTTP API. */
    riskEngine: RiskEngine;
    /**
     * Deletes what is kept only for a while: the engine's expired windows and decisions, expired
     * risk sessions and their nonces, telemetry past the retention its notice states. Every part
     * runs even when another fails (then it rejects with their errors). Run it periodically.
     */
    purgeExpired(): Promise<{ telemetryDeleted: number }>;
  }
}

export interface BuildAppOptions {
  db: Db;
  clock?: Clock;
  /** Server X25519 keys for the SDK handshake (see sdk keygen). Ignored when `risk` is given. */
  riskKeys?: RiskKey[];
  /** A ready risk gate (tests may inject one); default: the SDK server module on the SQL store. */
  risk?: RiskGate;
  /** The risk engine; default: the SDK's engine on the SQL engine store with `identityKey`. */
  engine?: RiskEngine;
  /**
   * Secret for the engine's keyed hashes of identities, IPs and devices. Default `RISK_IDENTITY_KEY`,
   * else a key for this process only (the sandbox passes the one it keeps in .data/).
   */
  identityKey?: string;
  /**
   * Keys for personal data at rest (phone, resident ID, account numbers). Default: `PII_KEYS` /
   * `PII_INDEX_KEY`, else keys for this process only (the sandbox passes the ones it keeps in .data/).
   */
  pii?: PiiVault;
  /**
   * Redis for the default engine's hot state (velocity windows, channel buckets; redis-engine-store.ts)
   * and the verifier's nonce cache (redis-nonce-cache.ts), default `REDIS_URL`; unset → everything in
   * SQL. Ignored when `engine` is given.
   */
  redisUrl?: string;
  /** Namespace of its keys (default 'lingjie:engine:'): instances of one bank share it, tests use a random one. */
  redisPrefix?: string;
  /** Rule sets for the default engine (default: the SDK's shipped sets). Ignored when `engine` is given. */
  ruleSets?: readonly RuleSetFile[];
  /** Default: the credit policy + the risk engine (risk-underwriter.ts). */
  underwriter?: Underwriter;
  /** Keys accepted in `X-Staff-Key` by the staff API. Default: `STAFF_API_KEY` (comma-separated); none → staff API closed. */
  staffKeys?: string[];
  /** A pino logger, `false` for silence, or undefined for pino defaults. */
  logger?: FastifyBaseLogger | false;
  rateLimits?: Partial<RateLimits>;
  devRoutes?: boolean;
  /** Bearer session lifetime (ms); default 7 days. */
  sessionTtlMs?: number;
  /** Built H5 app to serve at `/` (e.g. dist/h5), with SPA fallback for non-API paths. */
  staticRoot?: string;
  /** Allowed CORS origins (the H5 dev server); default: any localhost origin. */
  corsOrigins?: Array<string | RegExp>;
  /** Built staff console to serve at `/console/` (e.g. dist/console), with SPA fallback under /console/. */
  consoleRoot?: string;
  /** Where decisions are published for the console's live stream; default a new one (the simulation gateway shares its parent's). */
  decisionFeed?: DecisionFeed;
  /** Fastify `trustProxy`: honour X-Forwarded-For from these peers. Default false (only the simulation gateway sets it). */
  trustProxy?: boolean | string;
  /** How often the active rule sets are re-read from the database (another instance may activate one); 0 = never. Default 30 s. */
  ruleSetSyncMs?: number;
}

const DEFAULT_LIMITS: RateLimits = { login: 20, sms: 5, applications: 10 };

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: opts.logger === undefined }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    trustProxy: opts.trustProxy ?? false,
    // Bodies are validated as sent: no coercion, no defaults, no stripping. A risk token's bizHash
    // covers method, path and the body the client sent, so validation must never rewrite it; wrong
    // types are a 400.
    ajv: { customOptions: { coerceTypes: false, useDefaults: false, removeAdditional: false } },
  });
  // Declared up front so every request object has the same shape (set by authenticate / the risk gate).
  app.decorateRequest('userId', '');
  app.decorateRequest('riskToken', undefined);
  app.decorateRequest('staffActor', undefined);
  app.decorateRequest('staff', undefined);
  app.decorateRequest('auditDetail', undefined);
  app.decorateRequest('audited', undefined);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const redisUrl = opts.engine ? undefined : opts.redisUrl || process.env.REDIS_URL || undefined;
  const redis = redisUrl ? connectRedis(redisUrl) : undefined;
  if (redis)
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  const redisPrefix = opts.redisPrefix ?? DEFAULT_REDIS_PREFIX;
  const riskStore = createSqlRiskStore(opts.db, { atRestKey: atRestKeys(opts.riskKeys ?? []) });
  const risk =
    opts.risk ??
    createSdkRiskGate({
      keys: opts.riskKeys ?? [],
      // With Redis, replays are refused from its nonce cache before SQL (which stays the authority).
      store: redis
        ? withRedisNonceCache(riskStore, { redis, prefix: redisPrefix, clock: () => clock.now().getTime() })
        : riskStore,
      clock: () => clock.now().getTime(),
    });
  const sqlEngineStore = createSqlEngineStore(opts.db);
  const rawEngine =
    opts.engine ??
    createRiskEngine({
      store: redis ? createRedisEngineStore({ redis, durable: sqlEngineStore, prefix: redisPrefix }) : sqlEngineStore,
      clock: () => clock.now().getTime(),
      identityKey: opts.identityKey ?? processIdentityKey(),
      ruleSets: opts.ruleSets,
    });
  // Every decision is linked to its customer and published to the console's live stream.
  const decisionFeed = opts.decisionFeed ?? new DecisionFeed();
  const engine = observeDecisions(rawEngine, { db: opts.db, feed: decisionFeed, log: () => app.log });
  // Several instances on one PostgreSQL: each console stream also carries the others' decisions.
  // (A simulation gateway shares its parent's feed, and so its relay.)
  const relay = opts.decisionFeed
    ? null
    : relayDecisions({ db: opts.db, engine, feed: decisionFeed, log: () => app.log });
  if (relay) app.addHook('onClose', () => relay.close());
  app.decorate('riskEngine', engine);
  app.decorate('purgeExpired', async () => {
    const now = clock.now();
    const parts = await Promise.allSettled([
      engine.purge(),
      // The SDK verifier also purges the risk store in the background, but only when tokens or
      // handshakes arrive; this covers a bank that has gone quiet.
      riskStore.purgeExpired(now.getTime()),
      purgeTelemetry(opts.db, now),
    ]);
    const failed = parts.flatMap((p) => (p.status === 'rejected' ? [p.reason as unknown] : []));
    if (failed.length)
      throw Object.assign(new Error(`purge: ${failed.length} of ${parts.length} parts failed`), { errors: failed });
    const telemetry = parts[2];
    return { telemetryDeleted: telemetry.status === 'fulfilled' ? telemetry.value : 0 };
  });
  const staffKeys = opts.staffKeys ?? parseStaffKeys(process.env.STAFF_API_KEY ?? '');
  const devRoutes = opts.devRoutes ?? process.env.NODE_ENV !== 'production';

  // Rule sets: what the engine starts with is recorded; the stored active version wins on restart.
  const ruleSetDeps = { db: opts.db, clock, engine: rawEngine, log: app.log };
  await registerRuleSets(ruleSetDeps, engineRuleSets(rawEngine, opts.ruleSets));
  const syncMs = opts.ruleSetSyncMs ?? 30_000;
  if (syncMs > 0) {
    const sync = setInterval(() => {
      applyActiveRuleSets(ruleSetDeps).catch((err: unknown) => app.log.warn({ err }, 'rule sets: sync failed'));
    }, syncMs);
    sync.unref();
    app.addHook('onClose', async () => clearInterval(sync));
  }

  // Console-started simulator runs go through a gateway: this bank's API on a loopback port, on the
  // same database, engine and live feed, with no rate limits and the simulator's X-Forwarded-For
  // trusted (each virtual applicant keeps its own address). It lives only while a run goes.
  const simulations = createSimulationRunner({
    db: opts.db,
    clock,
    log: () => app.log,
    enabled: devRoutes,
    gateway: async () => {
      const staffKey = randomBytes(24).toString('base64url');
      const gateway = await buildApp({
        ...opts,
        engine: rawEngine,
        decisionFeed,
        staffKeys: [staffKey],
        logger: false,
        rateLimits: { login: 1e9, sms: 1e9, applications: 1e9 },
        devRoutes: true,
        trustProxy: '127.0.0.1',
        ruleSetSyncMs: 0,
        staticRoot: undefined,
        consoleRoot: undefined,
      });
      await gateway.listen({ port: 0, host: '127.0.0.1' });
      const address = gateway.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      return { url: `http://127.0.0.1:${port}`, staffKey, close: () => gateway.close() };
    },
  });
  // A realtime run can take minutes: closing the bank stops it (its report keeps what finished).
  app.addHook('preClose', async () => simulations.close());
  const deps: AppDeps = {
    db: opts.db,
    clock,
    risk,
    engine,
    underwriter: opts.underwriter ?? createRiskUnderwriter({ engine }),
    pii: opts.pii ?? processPiiVault(),
    rateLimits: { ...DEFAULT_LIMITS, ...opts.rateLimits },
    devRoutes,
    authenticate: authenticator(opts.db, clock),
    authenticateStaff: staffAuthenticator({ db: opts.db, clock, keys: staffKeys }),
    sessionTtlMs: opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    decisionFeed,
    simulations,
    redis,
  };

  const isAppPath = (url: string) => !url.startsWith('/api/') && !url.startsWith('/docs') && url !== '/openapi.json';
  registerErrorHandling(app, opts.staticRoot ? isAppPath : undefined);
  // JSON depth, forbidden keys and declared size on every body, before any route sees it (json-guards.ts).
  registerJsonGuards(app);
  app.addSchema(errorSchema);
  registerStaffAudit(app, opts.db, clock);
  await app.register(cors, {
    origin: opts.corsOrigins ?? [/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/],
    exposedHeaders: ['x-request-id', 'idempotent-replayed'],
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '零接 Lingjie sandbox bank API',
        version: '0.1.0',
        description:
          'Amounts are integer fen; times ISO-8601 with offset; errors are `{code, message, field?}`. ' +
          'Money-moving POSTs need `Idempotency-Key`; apply/sign/drawdown/repay/deferral/renewal/account ' +
          'changes need an `X-Risk-Token` from the risk SDK bound to the exact request (method, path with its ' +
          'resource ids, body: `bizHash`, sdk/PROTOCOL.md §4.1). Money moves are ' +
          'screened by the risk engine: 428 `RISK_STEP_UP` (resend with `X-Step-Up-Code`), 409 ' +
          '`RISK_HELD` (staff review), 403 `RISK_BLOCKED`. Staff routes (`/api/staff/…`) need a staff session ' +
          '(`Authorization: Bearer` from `POST /api/staff-login`: password + TOTP) or the machine key `X-Staff-Key`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          staffKey: { type: 'apiKey', in: 'header', name: 'X-Staff-Key' },
          staffSession: {
            type: 'http',
            scheme: 'bearer',
            description: 'staff session token from POST /api/staff-login',
          },
        },
      },
    },
  });
  const swaggerUi = nativeRequire<{ default: typeof import('@fastify/swagger-ui').default }>(
    '@fastify/swagger-ui',
  ).default;
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (opts.staticRoot) await serveBuilt(app, { root: opts.staticRoot, hashedDirs: H5_HASHED_DIRS });
  if (opts.consoleRoot) await serveConsole(app, opts.consoleRoot, !opts.staticRoot);

  await app.register(
    async (api) => {
      for (const mod of routeModules) await mod(api, deps);
    },
    { prefix: '/api' },
  );
  return app;
}
