/**
 * The Java reference verifier (sdk/verifiers/java: JDK 17 standard library only) against the test
 * vectors, then against the Node verifier on generated inputs — mutated tokens, handshake requests,
 * numbers and strings for RFC 8785 — where both must give the same answer, reason code for reason
 * code. Needs a JDK 17 (`apt-get install openjdk-17-jdk-headless`; .ci/run installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

jest.setTimeout(120_000);

const SRC = path.join(__dirname, 'src');
const VECTORS = path.join(__dirname, '..', '..', 'test-vectors');
let work: string;

beforeAll(() => {
  if (spawnSync('javac', ['-version']).status !== 0)
    throw new Error('javac not found: apt-get install openjdk-17-jdk-headless (.ci/run does)');
  work = mkdtempSync(path.join(tmpdir(), 'lingjie-java-verifier-'));
  const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.java'))
    .map((f) => path.join(SRC, f));
  execFileSync('javac', ['--release', '17', '-Xlint:all', '-Werror', '-d', path.join(work, 'classes'), ...sources]);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs VectorCheck; with an input, writes it to a file and passes `--mode file`. */
function java(args: string[], input?: unknown): unknown {
  if (input !== undefined) {
    const file = path.join(work, `${args[0].slice(2)}.json`);
    writeFileSync(file, JSON.stringify(input));
    args = [args[0], file];
  }
  const out = execFileSync('java', ['-cp', path.join(work, 'classes'), 'lingjie.risk.VectorCheck', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out);
}

/** The Node verifier's answer for each case, with the semantics VectorCheck.runCases documents. */
async function nodeAnswers(cases: TokenCase[]): Promise<Array<{ ok: boolean; code: string | null }>> {
  const out = [];
  for (const c of cases) {
    const store = createMemoryStore();
    await store.putSession(INVALID_VECTORS.session);
    const server = createRiskServer({
      keys: [INVALID_VECTORS.server],
      store,
      clock: () => c.now,
      skewMs: INVALID_VECTORS.server.skewMs,
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

async function nodeHandshakes(cases: HandshakeCase[], notAfter?: number): Promise<unknown[]> {
  const out = [];
  for (const c of cases) {
    const draws = [c.sid, c.ns].map((s) => new Uint8Array(Buffer.from(s, 'base64url')));
    const server = createRiskServer({
      keys: [{ keyId: HANDSHAKE_VECTOR.server.keyId, privateKey: HANDSHAKE_VECTOR.server.privateKey, notAfter }],
      clock: () => HANDSHAKE_VECTOR.serverTime,
      sessionTtlMs: HANDSHAKE_VECTOR.server.sessionTtlMs,
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

it('reproduces the handshake, accepts every token and refuses every invalid vector with its code', () => {
  const report = java([VECTORS]) as {
    failed: number;
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
