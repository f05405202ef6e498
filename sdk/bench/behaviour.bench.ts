/**
 * Behaviour capture cost per event and memory after 100k events. Not a test: numbers go to the
 * README. For the heap figure run with GC exposed:
 *   node --expose-gc --import tsx sdk/bench/behaviour.bench.ts   (or: npx tsx sdk/bench/behaviour.bench.ts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBehaviourCapture, type BehaviourCapture } from '../src/behaviour';
import { createSeededPrng } from '../src/platform/seeded-random';
import { createVirtualClient } from '../src/virtual';
import { createTestBank } from '../src/client.harness';
import { postTo } from '../src/server/test-kit';

const BATCH = 10_000;
const BATCHES = 101;
const FIELDS = ['idNumber', 'phone', 'name', 'uscc', 'amount', 'bankCard'];

type Driver = (c: BehaviourCapture, i: number, r: number) => void;

// Each driver is what an app handler does for one event; `at` is passed like a Taro event's timeStamp.
const DRIVERS: Record<string, Driver> = {
  input: (c, i, r) => c.input(FIELDS[r % 6], (i % 18) + 1, i * 7),
  touchStart: (c, i, r) => c.touchStart(r % 400, (r >>> 9) % 800, 0.3, i * 7),
  touchEnd: (c, i) => c.touchEnd(i * 7 + 90),
  focusBlur: (c, i, r) => (i & 1 ? c.blur(FIELDS[r % 6], i * 7) : c.focus(FIELDS[r % 6], i * 7)),
  pageShow: (c, i, r) => c.pageShow(`pages/p${r % 50}/index`, i * 7),
  sensor: (c, i, r) => c.sensor(r & 1 ? 'gyroscope' : 'accelerometer', (r % 100) / 1000, 0.01, -1, i * 7),
  mixed: (c, i, r) => {
    const d = MIXED[r % MIXED.length];
    d(c, i, r);
  },
};
const MIXED: Driver[] = [
  DRIVERS.input,
  DRIVERS.touchStart,
  DRIVERS.touchEnd,
  DRIVERS.focusBlur,
  DRIVERS.sensor,
  DRIVERS.pageShow,
];

function fresh(): BehaviourCapture {
  return createBehaviourCapture({
    fields: FIELDS,
    now: () => 0,
    gate: { behaviour: true, sensors: true },
    launchAt: 0,
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(driver: Driver): { medianNs: number; p90Ns: number } {
  const c = fresh();
  const next = createSeededPrng(1);
  const rs = new Uint32Array(BATCH).map(() => next()); // random inputs made outside the timed loop
  const perEvent: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) driver(c, b * BATCH + i, rs[i]);
    const dt = Number(process.hrtime.bigint() - t0);
    if (b > 0) perEvent.push(dt / BATCH); // batch 0 is JIT warm-up
  }
  const sorted = [...perEvent].sort((a, b) => a - b);
  return { medianNs: median(perEvent), p90Ns: sorted[Math.floor(sorted.length * 0.9)] };
}

function memory(): {
  structures: ReturnType<BehaviourCapture['sizes']>;
  summaryBytes1k: number;
  summaryBytes100k: number;
  heapDeltaBytes: number | null;
} {
  const gc = (globalThis as { gc?: () => void }).gc;
  const c = fresh();
  const next = createSeededPrng(2);
  const run = (from: number, n: number) => {
    for (let i = from; i < from + n; i++) DRIVERS.mixed(c, i, next());
  };
  run(0, 1_000);
  const summaryBytes1k = JSON.stringify(c.summary(1_000)).length;
  gc?.();
  const h0 = process.memoryUsage().heapUsed;
  run(1_000, 99_000);
  gc?.();
  const h1 = process.memoryUsage().heapUsed;
  return {
    structures: c.sizes(),
    summaryBytes1k,
    summaryBytes100k: JSON.stringify(c.summary(100_000)).length,
    heapDeltaBytes: gc ? h1 - h0 : null,
  };
}

/**
 * What the app actually waits for: `client.seal(action, postTo(body))` on a virtual device — snapshot (cached
 * or freshly collected), behaviour aggregate after 1 000 events, JSON, AES-256-CBC, HMAC. The
 * handshake is done once before timing.
 */
async function sealCost(): Promise<Array<{ mode: string; medianMs: number; p95Ms: number; payloadBytes: number }>> {
  const out = [];
  for (const [mode, snapshotMaxAgeMs] of [
    ['cached snapshot', 60_000],
    ['fresh collection', 0],
  ] as const) {
    const bank = createTestBank();
    const { client } = createVirtualClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      fields: FIELDS,
      snapshotMaxAgeMs,
      telemetryOnGrant: false,
      device: { post: bank.post },
    });
    await client.grantConsent(['basic', 'behaviour', 'sensors']);
    const next = createSeededPrng(3);
    for (let i = 0; i < 1000; i++) DRIVERS.mixed(client.behaviour as unknown as BehaviourCapture, i, next());
    const body = { amount: '50000.00', termMonths: 12, purpose: '进货', uscc: '91350100M000100Y43' };
    await client.seal('loan.apply', postTo(body)); // handshake + warm-up
    const times: number[] = [];
    let token = '';
    for (let i = 0; i < 2000; i++) {
      const t0 = process.hrtime.bigint();
      token = await client.seal('loan.apply', postTo(body));
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const r = await bank.server.verify(token, { request: postTo(body) });
    const sorted = [...times].sort((a, b) => a - b);
    out.push({
      mode,
      medianMs: median(times),
      p95Ms: sorted[Math.floor(sorted.length * 0.95)],
      payloadBytes: r.ok ? JSON.stringify(r.payload).length : -1,
    });
    client.destroy();
  }
  return out;
}

async function main() {
  const rows = Object.entries(DRIVERS).map(([name, d]) => ({ event: name, ...measure(d) }));
  const mem = memory();
  const seal = await sealCost();
  console.log(
    `\nBehaviour capture cost per event (median of ${BATCHES - 1} batches × ${BATCH} events, ns; budget 5000 ns)\n`,
  );
  console.log('| event | median ns | p90 ns |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| ${r.event} | ${r.medianNs.toFixed(0)} | ${r.p90Ns.toFixed(0)} |`);
  console.log('\nMemory after 100k mixed events');
  console.log(`  structure sizes: ${JSON.stringify(mem.structures)} (fixed)`);
  console.log(`  summary JSON: ${mem.summaryBytes1k} B after 1k events, ${mem.summaryBytes100k} B after 100k`);
  console.log(
    `  heap growth 1k→100k events: ${mem.heapDeltaBytes === null ? 'n/a (run with --expose-gc)' : `${mem.heapDeltaBytes} B`}`,
  );
  console.log('\nclient.seal on a virtual device (2 000 seals after warm-up; budget ≤ 2 ms median)\n');
  console.log('| mode | median ms | p95 ms | payload bytes |');
  console.log('|---|---|---|---|');
  for (const r of seal)
    console.log(`| ${r.mode} | ${r.medianMs.toFixed(3)} | ${r.p95Ms.toFixed(3)} | ${r.payloadBytes} |`);
  const result = {
    bench: 'behaviour',
    seal,
    date: new Date().toISOString(),
    node: process.version,
    batch: BATCH,
    batches: BATCHES - 1,
    perEvent: rows,
    memory: mem,
  };
  const dir = join(__dirname, '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'behaviour.json'), JSON.stringify(result, null, 2));
  console.log(`\nwrote ${join(dir, 'behaviour.json')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
