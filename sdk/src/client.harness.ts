// Test harness for the client tests (not exported from any entry): a bank backend in-process, with
// the real createRiskServer, that de-duplicates telemetry by event id like a real one must.
import { createRiskServer } from './server';
import { generateServerKeyPair } from './server/keygen';
import { RequestError } from './platform/request-error';
import type { TelemetryEvent } from './transport';

export interface TestBank {
  keyId: string;
  publicKey: string;
  server: ReturnType<typeof createRiskServer>;
  /** Unique events received, by id. */
  events: Map<string, TelemetryEvent>;
  /** Events received again (retries after lost answers, app kills) and dropped by id. */
  duplicates: number;
  /** The `dropped` counters clients reported. */
  droppedReports: number[];
  /** Network entry point: give it to the virtual device as `post`. */
  post(url: string, body: unknown): Promise<unknown>;
  requests: string[];
}

export function createTestBank(opts: { clock?: () => number } = {}): TestBank {
  const key = generateServerKeyPair({ keyId: 'bank-k1' });
  const server = createRiskServer({
    keys: [{ keyId: key.keyId, privateKey: key.privateKey }],
    clock: opts.clock,
    purgeIntervalMs: 0,
  });
  const bank: TestBank = {
    keyId: key.keyId,
    publicKey: key.publicKey,
    server,
    events: new Map(),
    duplicates: 0,
    droppedReports: [],
    requests: [],
    async post(url, body) {
      bank.requests.push(url);
      if (url.endsWith('/risk/handshake')) return server.handshake(body);
      if (url.endsWith('/risk/telemetry')) {
        const token = (body as { token?: unknown }).token;
        const r = await server.verify(String(token), { expectKind: 'telemetry' });
        if (!r.ok) throw new RequestError(401, { code: r.code });
        const p = r.payload as { events: TelemetryEvent[]; dropped: number };
        bank.droppedReports.push(p.dropped);
        for (const e of p.events) {
          if (bank.events.has(e.id)) bank.duplicates++;
          else bank.events.set(e.id, e);
        }
        return { accepted: p.events.map((e) => e.id) };
      }
      throw new RequestError(404);
    },
  };
  return bank;
}
