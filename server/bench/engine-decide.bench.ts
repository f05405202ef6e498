/**
 * The whole risk engine per decision — feature extraction from a real verified token, store writes
 * and counts, the shipped loan.apply rule set, the decision record, surge bookkeeping — in process,
 * one decision at a time, on each store: memory, PGlite (in memory) and PostgreSQL when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a throwaway schema).
 *   npx tsx server/bench/engine-decide.bench.ts
 * Tokens: 64 real action tokens sealed by the SDK client on virtual phones and verified by the real
 * server (not timed); each decision reuses one with a new applicant identity and IP, so windows and
 * graph degrees grow as in production. Simulated time moves 8.64 s per decision (10,000 a day).
 * One run per store is one simulated day of 10,000 applications (the engine's budget: ≤ 60 s in
 * process); its wall time is reported beside decisions/s and p50/p99 of one decision.
 * Env: BENCH_DECISIONS (default 10000).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRiskEngine, type EngineStore, type VerifiedToken } from '@lingjie/risk-sdk/engine';
import { createMemoryEngineStore } from '../../sdk/src/server/engine/state/memory-engine-store';
import { createVirtualClient, PROFILES } from '@lingjie/risk-sdk/virtual';
import { createTestBank } from '../../sdk/src/client.harness';
import { createDb } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { createSqlEngineStore } from '../src/risk/sql-engine-store';

const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 10_000);
const STEP_MS = 8640;
const T0 = Date.UTC(2026, 11, 1);

async function tokens(n: number): Promise<VerifiedToken[]> {
  const profiles = [PROFILES.iphone, PROFILES.huawei, PROFILES.farmPhone];
  let now = T0;
  const bank = createTestBank({ clock: () => now });
  const body = { amountFen: 10_000_000 };
  const out: VerifiedToken[] = [];
  for (let i = 0; i < n; i++) {
    const { client } = createVirtualClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      fields: ['idNumber', 'phone', 'uscc'],
      device: { post: bank.post, profile: profiles[i % profiles.length], clock: () => now, seed: i + 1 },
    });
    await client.grantConsent(['basic', 'behaviour', 'sensors']);
    client.behaviour.pageShow('pages/apply');
    for (const field of ['idNumber', 'phone', 'uscc']) {
      client.behaviour.focus(field);
      for (let k = 1; k <= 18; k++) {
        now += 120 + ((k * 37 + i * 11) % 200);
        client.behaviour.input(field, k);
      }
      client.behaviour.blur(field);
    }
    const request = { method: 'POST', path: '/api/applications', body };
    const r = await bank.server.verify(await client.seal('loan.apply', request), { request });
    if (!r.ok) throw new Error(r.code);
    out.push({ header: { ...r.header }, payload: r.payload });
    client.destroy();
  }
  return out;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function run(label: string, store: EngineStore, pool: VerifiedToken[], n: number) {
  let now = T0;
  const engine = createRiskEngine({ store, clock: () => now, identityKey: 'bench-identity-key-0123456789' });
  const lat: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    now += STEP_MS;
    const s = process.hrtime.bigint();
    await engine.decide({
      token: pool[i % pool.length],
      context: {
        action: 'loan.apply',
        ip: `10.${(i >> 8) & 255}.${i & 255}.${(i * 7) & 255}`,
        userId: `user-${i}`,
        identities: { residentId: `ID${i}`, phone: `138${String(i).padStart(8, '0')}`, uscc: `USCC${i % 5000}` },
        amountFen: 10_000_000,
      },
    });
    lat.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort((a, b) => a - b);
  const r = {
    store: label,
    decisions: n,
    wallSeconds: +seconds.toFixed(1),
    perSecond: Math.round(n / seconds),
    p50Ms: +pct(lat, 0.5).toFixed(3),
    p99Ms: +pct(lat, 0.99).toFixed(3),
  };
  console.log(
    `${label.padEnd(12)} ${n} decisions (one simulated day) in ${r.wallSeconds} s: ${r.perSecond}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`,
  );
  return r;
}

async function main() {
  const pool = await tokens(64);
  const results = [await run('memory', createMemoryEngineStore(), pool, DECISIONS)];
  const pglite = await createDb({});
  await migrateToLatest(pglite);
  results.push(await run('PGlite', createSqlEngineStore(pglite), pool, DECISIONS));
  await pglite.destroy();
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    const pg = await createDb({ databaseUrl: url, schema: `bench_engine_${process.pid}` });
    await migrateToLatest(pg);
    results.push(await run('PostgreSQL', createSqlEngineStore(pg), pool, DECISIONS));
    await pg.destroy();
  } else console.log('PostgreSQL   skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  const dir = resolve(__dirname, '../../bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'engine-decide.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
