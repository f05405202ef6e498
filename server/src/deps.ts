import type { FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import type { RiskEngine } from '@lingjie/risk-sdk/engine';
import type { Clock } from './clock';
import type { Db } from './db/connect';
import type { PiiVault } from './pii/vault';
import type { RiskGate } from './risk/gate';
import type { Underwriter } from './services/underwriting/underwriter';
import type { DecisionFeed } from './staff/decision-feed';
import type { SimulationRunner } from './services/simulations';

export interface RateLimits {
  /** Requests per minute per client for each protected family of routes. */
  login: number;
  sms: number;
  applications: number;
  /** Telemetry tokens a minute per IP and per risk session (routes/telemetry.ts; default 600 and 60). */
  telemetryPerIp?: number;
  telemetryPerSession?: number;
}

/** What every route module needs, built once in buildApp and handed to each module. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  risk: RiskGate;
  /** The SDK's risk engine: applications (through the underwriter), money moves, token failures, staff API. */
  engine: RiskEngine;
  underwriter: Underwriter;
  /** Personal data at rest: seals phone, resident ID and account numbers, and their blind indexes (pii/vault.ts). */
  pii: PiiVault;
  rateLimits: RateLimits;
  /** Dev-only routes (SMS inbox) are mounted only when true; never in production. */
  devRoutes: boolean;
  /** Bearer session lifetime. */
  sessionTtlMs: number;
  /** preHandler that sets request.userId from the bearer session or answers 401. */
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** onRequest hook for the staff API: a staff session or a valid X-Staff-Key, else 401 (staff/principal.ts). */
  authenticateStaff: (request: FastifyRequest) => Promise<void>;
  /** Every engine decision as it is made, for the console's live stream. */
  decisionFeed: DecisionFeed;
  /** Simulator runs started from the console (against this very bank). */
  simulations: SimulationRunner;
  /** Set when the engine's hot state is in Redis (REDIS_URL), so /api/health can report it. */
  redis?: Redis;
}
