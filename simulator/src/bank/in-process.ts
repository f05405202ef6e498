/**
 * The sandbox bank in this process: PGlite in memory (or a database the caller passes, so tests
 * can share one), a manual clock the runner moves, the risk engine on that clock, high rate limits
 * and a long session life, as the seed does. The engine's state is in memory by default (fast);
 * `engineStore: 'sql'` puts it in the bank's database, as the server does.
 */
import { generateServerKeyPair } from '@lingjie/risk-sdk/server';
import { createMemoryEngineStore, createRiskEngine, type SurgeConfig } from '@lingjie/risk-sdk/engine';
import { buildApp } from '../../../server/src/app';
import { ManualClock } from '../../../server/src/clock';
import { createDb, type Db } from '../../../server/src/db/connect';
import { migrateToLatest } from '../../../server/src/db/migrate';
import { createSqlEngineStore } from '../../../server/src/risk/sql-engine-store';
import { engineView, type EngineView } from './engine-view';
import { injectBank, type Bank } from './transport';

const DAY = 86_400_000;
/** Fixed, so a run's keyed hashes are the same every time (never used outside the simulator). */
const SIM_IDENTITY_KEY = 'lingjie-simulator-identity-key-not-a-secret';

export interface InProcessOptions {
  /** Unix ms the clock starts at. */
  start: number;
  /** Reuse a migrated database (tests); default a new PGlite in memory, closed with the bank. */
  db?: Db;
  engineStore?: 'memory' | 'sql';
  surge?: Partial<SurgeConfig>;
}

export interface InProcessBank {
  bank: Bank;
  clock: ManualClock;
  engine: EngineView;
  riskKey: { keyId: string; publicKey: string };
  close(): Promise<void>;
}

export async function newSimulatorDb(): Promise<Db> {
  const db = await createDb({});
  await migrateToLatest(db);
  return db;
}

export async function startInProcessBank(opts: InProcessOptions): Promise<InProcessBank> {
  const db = opts.db ?? (await newSimulatorDb());
  const clock = new ManualClock(opts.start);
  const key = generateServerKeyPair({ keyId: 'ljr1-sim-0001' });
  const engine = createRiskEngine({
    store: opts.engineStore === 'sql' ? createSqlEngineStore(db) : createMemoryEngineStore(),
    clock: () => clock.now().getTime(),
    identityKey: SIM_IDENTITY_KEY,
    ...(opts.surge ? { surge: opts.surge } : {}),
  });
  const app = await buildApp({
    db,
    clock,
    riskKeys: [{ keyId: key.keyId, privateKey: key.privateKey }],
    engine,
    logger: false,
    devRoutes: true,
    sessionTtlMs: 365 * DAY,
    rateLimits: { login: 1e9, sms: 1e9, applications: 1e9 },
  });
  await app.ready();
  return {
    bank: injectBank(app),
    clock,
    engine: engineView(engine),
    riskKey: { keyId: key.keyId, publicKey: key.publicKey },
    async close() {
      await app.close();
      if (!opts.db) await db.destroy();
    },
  };
}
