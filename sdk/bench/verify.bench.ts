/**
 * Server verify throughput on one core: `createRiskServer().verify` (full pipeline with the
 * in-memory store: parse, allow-list, session lookup, MAC, window, nonce + seq, decrypt, schema,
 * bizHash) beside bare node:crypto HMAC check + AES decrypt + JSON.parse of the same tokens.
 * Benchmark, not a test:  npx tsx sdk/bench/verify.bench.ts     Writes sdk/bench-results/verify.json.
 */
import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHarness, postTo } from '../src/server/test-kit';
import { canonicalJson } from '../src/crypto/canonical-json';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 20000);
const ROUNDS = 3;

function makePayload(targetBytes: number): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    device: { brand: 'HUAWEI', model: 'ALN-AL00', platform: 'android' },
    events: [] as unknown[],
  };
  for (let i = 0; canonicalJson(payload).length < targetBytes; i++) {
    (payload.events as unknown[]).push({
      id: `e-${String(i).padStart(6, '0')}`,
      type: i % 2 ? 'touch.end' : 'input',
      at: 1800000000000 + i * 137,
    });
  }
  return payload;
}

async function main(): Promise<void> {
  const payload = makePayload(2048);
  const body = { amount: '50000.00', termMonths: 12, uscc: '91310000MA1FL4XX5K' };
  const rounds: Array<{ sdk: number; bare: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Fresh server per round so every token is new (no replays), many sessions as in production.
    const h = createHarness({ sessionTtlMs: 24 * 3600_000 });
    const clients = Array.from({ length: 50 }, () => h.newClient());
    const tokens: string[] = [];
    for (let i = 0; i < TOKENS; i++)
      tokens.push(await clients[i % clients.length].seal('action', 'loan.apply', payload, postTo(body)));
    const sessions = new Map<string, { macKey: Buffer; encKey: Buffer }>();
    for (const c of clients) {
      const s = (await h.store.getSession((await c.ensureSession()).sessionId))!;
      sessions.set(s.id, { macKey: Buffer.from(s.macKey, 'base64url'), encKey: Buffer.from(s.encKey, 'base64url') });
    }

    // Baseline: the irreducible crypto + parse work, keys already in memory, no checks beyond the MAC.
    let t = process.hrtime.bigint();
    let okBare = 0;
    for (const token of tokens) {
      const [hd, iv, ct, mac] = token.split('.');
      const header = JSON.parse(Buffer.from(hd, 'base64url').toString('utf8'));
      const keys = sessions.get(header.sid)!;
      const expected = createHmac('sha256', keys.macKey).update(`${hd}.${iv}.${ct}`).digest();
      if (!timingSafeEqual(expected, Buffer.from(mac, 'base64url'))) continue;
      const d = createDecipheriv('aes-256-cbc', keys.encKey, Buffer.from(iv, 'base64url'));
      JSON.parse(Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8'));
      okBare++;
    }
    const bareMs = Number(process.hrtime.bigint() - t) / 1e6;

    t = process.hrtime.bigint();
    let okSdk = 0;
    for (const token of tokens)
      if ((await h.server.verify(token, { request: postTo(body), expectAction: 'loan.apply' })).ok) okSdk++;
    const sdkMs = Number(process.hrtime.bigint() - t) / 1e6;
    if (okSdk !== TOKENS || okBare !== TOKENS)
      throw new Error(`verification failed: sdk ${okSdk}, bare ${okBare} of ${TOKENS}`);
    rounds.push({ sdk: (TOKENS / sdkMs) * 1000, bare: (TOKENS / bareMs) * 1000 });
  }
  const best = (k: 'sdk' | 'bare') => Math.max(...rounds.map((r) => r[k]));
  const result = {
    benchmark: 'verify',
    date: new Date().toISOString(),
    node: process.version,
    tokensPerRound: TOKENS,
    rounds: ROUNDS,
    tokenBytes: undefined as number | undefined,
    tokensPerSecond: { sdkVerify: best('sdk'), bareNodeCryptoHmacAes: best('bare') },
    allRounds: rounds,
    ratio: { sdkVsBare: best('sdk') / best('bare') },
    budgetTokensPerSecond: 5000,
  };
  const h = createHarness();
  result.tokenBytes = (await h.newClient().seal('action', 'loan.apply', payload, postTo(body))).length;

  const f = (x: number) => Math.round(x).toLocaleString('en-US').padStart(10);
  console.log(
    `verify, ${result.tokenBytes}-char action tokens (2 KB payload + bizHash), ${TOKENS} tokens × ${ROUNDS} rounds, one core, node ${process.version}`,
  );
  console.log('                                          tokens/s (best round)');
  console.log(`createRiskServer().verify (full pipeline) ${f(result.tokensPerSecond.sdkVerify)}`);
  console.log(`bare node:crypto HMAC + AES + JSON.parse  ${f(result.tokensPerSecond.bareNodeCryptoHmacAes)}`);
  console.log(`ratio SDK / bare: ${result.ratio.sdkVsBare.toFixed(2)}   budget: ≥ 5,000 tokens/s (verify + decide)`);

  const dir = join(__dirname, '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'verify.json'), JSON.stringify(result, null, 2) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
