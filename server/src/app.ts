import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from './clock';
import type { Db } from './db/connect';
import type { AppDeps, RateLimits } from './deps';
import { errorSchema, registerErrorHandling } from './errors';
import type { RiskGate } from './risk/gate';
import { createRiskEngine, type RiskEngine, type RuleSetFile } from '@lingjie/risk-sdk/engine';
import { createRiskUnderwriter } from './services/underwriting/risk-underwriter';
import type { Underwriter } from './services/underwriting/underwriter';
import { processIdentityKey } from './risk/identity-key';
import { createSqlEngineStore } from './risk/sql-engine-store';
import { parseStaffKeys, staffAuthenticator } from './staff/staff-auth';
import { routeModules } from './routes';
import { authenticator, DEFAULT_SESSION_TTL_MS } from './services/auth';
import { createSdkRiskGate, type RiskKey } from './risk/sdk-gate';
import { createSqlRiskStore } from './risk/sql-risk-store';
import { atRestKeys } from './risk/at-rest';
import { nativeRequire } from './native-require';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's risk engine (the default one or `BuildAppOptions.engine`), for tools beside the HTTP API. */
    riskEngine: RiskEngine;
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
    // Bodies are validated as sent: no coercion, no defaults, no stripping. A risk token's bizHash
    // covers the body the client sent, so validation must never rewrite it; wrong types are a 400.
    ajv: { customOptions: { coerceTypes: false, useDefaults: false, removeAdditional: false } },
  });
  // Declared up front so every request object has the same shape (set by authenticate / the risk gate).
  app.decorateRequest('userId', '');
  app.decorateRequest('riskToken', undefined);
  app.decorateRequest('staffActor', undefined);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const risk =
    opts.risk ??
    createSdkRiskGate({
      keys: opts.riskKeys ?? [],
      store: createSqlRiskStore(opts.db, { atRestKey: atRestKeys(opts.riskKeys ?? []) }),
      clock: () => clock.now().getTime(),
    });
  const engine =
    opts.engine ??
    createRiskEngine({
      store: createSqlEngineStore(opts.db),
      clock: () => clock.now().getTime(),
      identityKey: opts.identityKey ?? processIdentityKey(),
      ruleSets: opts.ruleSets,
    });
  app.decorate('riskEngine', engine);
  const deps: AppDeps = {
    db: opts.db,
    clock,
    risk,
    engine,
    underwriter: opts.underwriter ?? createRiskUnderwriter({ engine }),
    rateLimits: { ...DEFAULT_LIMITS, ...opts.rateLimits },
    devRoutes: opts.devRoutes ?? process.env.NODE_ENV !== 'production',
    authenticate: authenticator(opts.db, clock),
    authenticateStaff: staffAuthenticator(opts.staffKeys ?? parseStaffKeys(process.env.STAFF_API_KEY ?? '')),
    sessionTtlMs: opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
  };

  const isAppPath = (url: string) => !url.startsWith('/api/') && !url.startsWith('/docs') && url !== '/openapi.json';
  registerErrorHandling(app, opts.staticRoot ? isAppPath : undefined);
  app.addSchema(errorSchema);
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
          'changes need an `X-Risk-Token` from the risk SDK bound to the exact body. Money moves are ' +
          'screened by the risk engine: 428 `RISK_STEP_UP` (resend with `X-Step-Up-Code`), 409 ' +
          '`RISK_HELD` (staff review), 403 `RISK_BLOCKED`. Staff routes (`/api/staff/…`) need `X-Staff-Key`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          staffKey: { type: 'apiKey', in: 'header', name: 'X-Staff-Key' },
        },
      },
    },
  });
  const swaggerUi = nativeRequire<{ default: typeof import('@fastify/swagger-ui').default }>(
    '@fastify/swagger-ui',
  ).default;
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (opts.staticRoot) {
    const staticPlugin = nativeRequire<{ default: typeof import('@fastify/static').default }>(
      '@fastify/static',
    ).default;
    await app.register(staticPlugin, { root: opts.staticRoot, wildcard: false, index: ['index.html'] });
  }

  await app.register(
    async (api) => {
      for (const mod of routeModules) await mod(api, deps);
    },
    { prefix: '/api' },
  );
  return app;
}
