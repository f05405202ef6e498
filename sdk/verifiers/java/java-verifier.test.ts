/**
 * The Java reference verifier (sdk/verifiers/java: LJR1 on the JDK 17 standard library, LJG1 on
 * BouncyCastle) against the test vectors of both suites, then against the Node verifier on generated
 * inputs — mutated tokens, handshake requests, numbers and strings for RFC 8785 — where both must
 * give the same answer, reason code for reason code. Needs a JDK 17 and Debian's BouncyCastle
 * (`apt-get install openjdk-17-jdk-headless libbcprov-java`; .ci/run installs both).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRiskServer, HandshakeRejectedError } from '../../src/server/risk-server';
import { createMemoryStore } from '../../src/server/memory-store';
import type { VerifyContext } from '../../src/server/verify-token';
import { REASON_CODES_IN_ORDER } from '../../src/protocol/reason-codes';
import { canonicalJson } from '../../src/crypto/canonical-json';
import { createSeededPrng } from '../../src/platform/seeded-random';
import { INVALID_VECTORS, tokenCorpus, type TokenCase } from './corpus/token-corpus';
import { HANDSHAKE_VECTOR, handshakeCorpus, type HandshakeCase } from './corpus/handshake-corpus';
import {
  LJG1_HANDSHAKE_VECTOR,
  LJG1_INVALID_VECTORS,
  ljg1HandshakeCorpus,
  ljg1TokenCorpus,
} from './corpus/ljg1-corpus';

jest.setTimeout(120_000);

const SRC = path.join(__dirname, 'src');
/** Sources that need BouncyCastle (LJG1); the verifier compiles and runs LJR1 without them. */
const SRC_GM = path.join(__dirname, 'src-gm');
/** Debian's libbcprov-java (1.72). */
const BCPROV = '/usr/share/java/bcprov.jar';
const VECTORS = path.join(__dirname, '..', '..', 'test-vectors');
let work: string;
let classes: string;

const javaSources = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.java'))
    .map((f) => path.join(dir, f));

beforeAll(() => {
  if (spawnSync('javac', ['-version']).status !== 0)
    throw new Error('javac not found: apt-get install openjdk-17-jdk-headless (.ci/run does)');
  if (!existsSync(BCPROV))
    throw new Error(`${BCPROV} not found: apt-get install libbcprov-java (.ci/run does); the LJG1 verifier needs it`);
  work = mkdtempSync(path.join(tmpdir(), 'lingjie-java-verifier-'));
  classes = path.join(work, 'classes');
  // First the JDK-only build, with nothing else on the classpath: it must compile on its own.
  execFileSync('javac', ['--release', '17', '-Xlint:all', '-Werror', '-d', classes, ...javaSources(SRC)]);
  // Then LJG1 against it and bcprov.jar. -path: Debian's jar manifest lists optional jars
  // (javax.mail, jakarta-activation) that are not installed, which is no fault of this code.
  execFileSync('javac', [
    '--release',
    '17',
    '-Xlint:all,-path',
    '-Werror',
    '-cp',
    `${classes}${path.delimiter}${BCPROV}`,
    '-d',
    classes,
    ...javaSources(SRC_GM),
  ]);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs VectorCheck (with bcprov.jar unless `jdkOnly`); with an input, writes it to a file and passes `--mode file`. */
function java(args: string[], input?: unknown, jdkOnly = false): unknown {
  if (input !== undefined) {
    const file = path.join(work, `${args[0].slice(2)}.json`);
    writeFileSync(file, JSON.stringify(input));
    args = [args[0], file];
  }
  const classpath = jdkOnly ? classes : `${classes}${path.delimiter}${BCPROV}`;
  const out = execFileSync('java', ['-cp', classpath, 'lingjie.risk.VectorCheck', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out);
}

/**
 * The Node verifier's answer for each case, with the semantics VectorCheck.runCases documents;
 * `vectors` gives the server key (and its suite) and the session.
 */
async function nodeAnswers(
  cases: TokenCase[],
  vectors = INVALID_VECTORS,
  alsoKeys: Array<typeof vectors.server> = [],
): Promise<Array<{ ok: boolean; code: string | null }>> {
  const out = [];
  for (const c of cases) {
    const store = createMemoryStore();
    await store.putSession(vectors.session);
    const server = createRiskServer({
      keys: [vectors.server, ...alsoKeys],
      store,
      clock: () => c.now,
      skewMs: vectors.server.skewMs,
    });
    let beforeOk = true;
    for (const b of c.before) beforeOk = (await server.verify(b.token, b.context as VerifyContext)).ok && beforeOk;
    const r = await server.verify(c.token, c.context as VerifyContext);
    out.push({ ok: r.ok, code: !beforeOk ? 'BEFORE_FAILED' : r.ok ? null : r.code });
  }
  return out;
}

/** One line per case, so a mismatch names the case: "description: answer". */
function table(cases: Array<{ description: string }>, answers: unknown): string[] {
  return cases.map((c, i) => `${c.description}: ${canonicalJson((answers as unknown[])[i])}`);
}

async function nodeHandshakes(
  cases: HandshakeCase[],
  notAfter?: number,
  vector = HANDSHAKE_VECTOR,
): Promise<unknown[]> {
  const out = [];
  const { keyId, privateKey, suite } = vector.server;
  for (const c of cases) {
    const draws = [c.sid, c.ns].map((s) => new Uint8Array(Buffer.from(s, 'base64url')));
    const server = createRiskServer({
      keys: [{ keyId, privateKey, suite, notAfter }],
      clock: () => vector.serverTime,
      sessionTtlMs: vector.server.sessionTtlMs,
      random: () => draws.shift()!,
    });
    try {
      out.push({ ok: true, response: await server.handshake(c.request) });
    } catch (e) {
      if (!(e instanceof HandshakeRejectedError)) throw e;
      out.push({ ok: false, code: e.code });
    }
  }
  return out;
}

interface SuiteReport {
  handshake: Record<string, boolean>;
  tokens: Array<{ ok: boolean }>;
  invalid: Array<{ expected: string; got: string }>;
}

it('reproduces the handshake, accepts every token and refuses every invalid vector with its code', () => {
  const report = java([VECTORS]) as {
    failed: number;
    ljg1: SuiteReport & {
      invalidRequests: Array<{ expected: string; got: string }>;
      primitives: Record<string, boolean | boolean[]>;
    };
    handshake: Record<string, boolean>;
    tokens: Array<{ ok: boolean }>;
    invalid: Array<{ expected: string; got: string }>;
    canonical: Array<Record<string, boolean>>;
  };
  const invalid = report.invalid.map((c) => c.got);
  expect(report.failed).toBe(0);
  expect(Object.keys(report.handshake)).toHaveLength(8);
  expect(Object.values(report.handshake).every(Boolean)).toBe(true);
  expect(report.tokens.map((t) => t.ok)).toEqual([true, true, true]);
  expect(invalid.slice(0, REASON_CODES_IN_ORDER.length)).toEqual(REASON_CODES_IN_ORDER);
  expect(invalid).toEqual(INVALID_VECTORS.cases.map((c: { code: string }) => c.code));
  expect(invalid.filter((c) => c === 'MALFORMED').length).toBeGreaterThanOrEqual(10); // strict parsing
  expect(report.canonical).toHaveLength(4 + 6);
  for (const c of report.canonical.slice(0, 4)) expect(c).toEqual({ canonical: true });
  for (const c of report.canonical.slice(4)) expect(c).toEqual({ canonicalRequest: true, bizHash: true });
  // LJG1 (国密) on BouncyCastle: the same files for the SM2/SM3/SM4 suite, plus its primitives.
  const gm = report.ljg1;
  expect(Object.values(gm.handshake)).toEqual(Array(8).fill(true));
  expect(gm.invalidRequests.map((r) => r.got)).toEqual(
    LJG1_HANDSHAKE_VECTOR.invalidRequests.map((r: { code: string }) => r.code),
  );
  expect(gm.tokens.map((t) => t.ok)).toEqual([true, true]);
  expect(gm.invalid.map((c) => c.got)).toEqual(LJG1_INVALID_VECTORS.cases.map((c: { code: string }) => c.code));
  expect(gm.primitives).toEqual({
    sm3: [true, true],
    sm4Block: true,
    hmacSm3: true,
    hkdfSm3: true,
    sm4Cbc: true,
    sm2PublicKeys: true,
    sm2SharedSecret: true,
  });
});

it('still verifies LJR1 without BouncyCastle on the classpath, and says that LJG1 was skipped', () => {
  const report = java([VECTORS], undefined, true) as { failed: number; passed: number; ljg1: string };
  expect(report.failed).toBe(0);
  expect(report.passed).toBeGreaterThan(60);
  expect(report.ljg1).toMatch(/^skipped: .*needs BouncyCastle.*libbcprov-java/);
});

it('answers every generated token exactly as the Node verifier does, across every reason code', async () => {
  const cases = tokenCorpus();
  const fromJava = java(['--cases'], { server: INVALID_VECTORS.server, session: INVALID_VECTORS.session, cases });
  const fromNode = await nodeAnswers(cases);
  expect(table(cases, fromJava)).toEqual(table(cases, fromNode));
  expect(cases.length).toBeGreaterThan(60);
  const codes = new Set(fromNode.map((a) => a.code));
  for (const code of [null, ...REASON_CODES_IN_ORDER]) expect(codes).toContain(code);
});

it('answers every generated handshake request exactly as the Node server does', async () => {
  const cases = handshakeCorpus();
  const server = { ...HANDSHAKE_VECTOR.server };
  const input = { server, now: HANDSHAKE_VECTOR.serverTime, cases };
  expect(table(cases, java(['--handshakes'], input))).toEqual(table(cases, await nodeHandshakes(cases)));
  expect((await nodeHandshakes(cases.slice(0, 1)))[0]).toEqual({ ok: true, response: HANDSHAKE_VECTOR.response });
  // A retired key: KEY_RETIRED from both.
  const retired = { ...input, server: { ...server, notAfter: HANDSHAKE_VECTOR.serverTime } };
  const retiredAnswers = await nodeHandshakes(cases, HANDSHAKE_VECTOR.serverTime);
  expect(table(cases, java(['--handshakes'], retired))).toEqual(table(cases, retiredAnswers));
  expect(retiredAnswers[0]).toEqual({ ok: false, code: 'KEY_RETIRED' });
});

it('answers generated LJG1 tokens and handshake requests exactly as the Node verifier does', async () => {
  const cases = ljg1TokenCorpus();
  const fromJava = java(['--cases'], {
    server: LJG1_INVALID_VECTORS.server,
    session: LJG1_INVALID_VECTORS.session,
    cases,
  });
  const fromNode = await nodeAnswers(cases, LJG1_INVALID_VECTORS);
  expect(table(cases, fromJava)).toEqual(table(cases, fromNode));
  const codes = new Set(fromNode.map((a) => a.code));
  for (const code of [null, ...REASON_CODES_IN_ORDER]) expect(codes).toContain(code);

  const handshakes = ljg1HandshakeCorpus();
  const input = { server: LJG1_HANDSHAKE_VECTOR.server, now: LJG1_HANDSHAKE_VECTOR.serverTime, cases: handshakes };
  const nodeHs = await nodeHandshakes(handshakes, undefined, LJG1_HANDSHAKE_VECTOR);
  expect(table(handshakes, java(['--handshakes'], input))).toEqual(table(handshakes, nodeHs));
  expect(nodeHs[0]).toEqual({ ok: true, response: LJG1_HANDSHAKE_VECTOR.response });
  expect(nodeHs.filter((a) => (a as { ok: boolean }).ok)).toHaveLength(4); // the vector and three other keys
});

it('holding an LJR1 and an LJG1 key at once, answers each suite’s tokens as the Node verifier with both keys', async () => {
  // A bank moving to 国密 runs both suites; the allow-list and the session's suite must still refuse
  // a token that names the other suite, whichever key the ring holds first.
  for (const [vectors, cases, other] of [
    [LJG1_INVALID_VECTORS, ljg1TokenCorpus(), INVALID_VECTORS.server],
    [INVALID_VECTORS, tokenCorpus(), LJG1_INVALID_VECTORS.server],
  ] as const) {
    const fromJava = java(['--cases'], { server: vectors.server, session: vectors.session, alsoKeys: [other], cases });
    const fromNode = await nodeAnswers(cases, vectors, [other]);
    expect(table(cases, fromJava)).toEqual(table(cases, fromNode));
    // The ring changes nothing for these tokens: the same answers as with the session's key alone.
    expect(table(cases, fromNode)).toEqual(table(cases, await nodeAnswers(cases, vectors)));
  }
});

it('writes numbers and strings in RFC 8785 form exactly as the JavaScript canonicaliser does', () => {
  const next = createSeededPrng(8785);
  const view = new DataView(new ArrayBuffer(8));
  const values: unknown[] = [0, -0, 1, -1, 0.1, 0.2 + 0.1, 1e21, 1e-7, 1e-6, 123456789012345680000, 2 ** 53, 5e-324];
  values.push(Number.MAX_VALUE, Number.MIN_VALUE, 4.35, 0.000001234, 1.5e300, 9007199254740993, 100, 1e20, 12.5e-5);
  while (values.length < 2_000) {
    view.setUint32(0, next());
    view.setUint32(4, next());
    const x = view.getFloat64(0);
    if (Number.isFinite(x)) values.push(x);
    values.push((next() % 2_000_000) / 10 ** (next() % 9)); // short decimals, the common case
  }
  values.push('\u0000\u001f"\\/\b\f\n\r\t\u007f\u2028', '😀', '\ud800', 'a\udc00', {
    b: 1,
    a: [true, null],
    é: {},
    '😀': 'x',
    '\r': 0,
  });
  const expected = values.map((v) => {
    try {
      return canonicalJson(v);
    } catch {
      return null;
    }
  });
  expect(java(['--canonical'], values)).toEqual(expected);
});
