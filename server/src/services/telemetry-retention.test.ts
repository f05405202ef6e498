import { SIGNAL_DOCS } from '@lingjie/risk-sdk';
import { sql } from 'kysely';
import { startTestApp, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';
import { purgeTelemetry, TELEMETRY_RETENTION } from './telemetry-retention';
import { TELEMETRY_KINDS } from './telemetry-kinds';

const DAY = 86_400_000;
const NOW = new Date('2026-12-01T00:00:00Z');
const daysOf = (kind: string | null, section?: string) =>
  TELEMETRY_RETENTION.find((r) => r.kind === kind && r.section === section)!.days;

describe('telemetry retention: what the notice promises', () => {
  test('every kind has a rule, taken from the notice of the signals it carries', () => {
    for (const kind of TELEMETRY_KINDS) expect(daysOf(kind)).toBeGreaterThan(0);
    // A snapshot holds every basic signal: it goes at the shortest of their retentions.
    const basic = Object.entries(SIGNAL_DOCS)
      .filter(([name]) => !name.includes('.'))
      .map(([, d]) => d.retentionDays);
    expect(daysOf('snapshot')).toBe(Math.min(...basic));
    expect(daysOf('tap')).toBe(SIGNAL_DOCS['behaviour.touch'].retentionDays);
    expect(daysOf('page.view')).toBe(SIGNAL_DOCS['behaviour.pages'].retentionDays);
    // Motion sensors are kept for less time than the rest of a behaviour summary.
    expect(daysOf('behaviour', 'sensors')).toBe(SIGNAL_DOCS['sensors.motion'].retentionDays);
    expect(daysOf('behaviour', 'sensors')).toBeLessThan(daysOf('behaviour'));
    expect(daysOf(null)).toBe(Math.min(...Object.values(SIGNAL_DOCS).map((d) => d.retentionDays)));
  });
});

describe('purgeTelemetry', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({ riskKeys, now: NOW.toISOString() });
  });
  afterAll(() => t.close());

  const put = async (id: string, kind: string, ageDays: number, data: unknown = {}) =>
    sql`insert into telemetry_events (event_id, session_id, kind, payload, received_at)
        values (${id}, 'retention', ${kind}, ${JSON.stringify({ id, type: kind, data })}::jsonb,
                ${new Date(NOW.getTime() - ageDays * DAY).toISOString()}::timestamptz)`.execute(t.db);

  test('deletes each kind past its retention and nothing younger', async () => {
    const snapshot = daysOf('snapshot');
    const behaviour = daysOf('behaviour');
    const sensors = daysOf('behaviour', 'sensors');
    const tap = daysOf('tap');
    const other = daysOf(null);
    await put('snap-old', 'snapshot', snapshot + 1);
    await put('snap-young', 'snapshot', snapshot - 1);
    await put('beh-old', 'behaviour', behaviour + 1, { touch: {} });
    await put('beh-mid', 'behaviour', sensors + 1, { touch: {} });
    await put('beh-sensors-mid', 'behaviour', sensors + 1, { sensors: {} });
    await put('beh-sensors-young', 'behaviour', sensors - 1, { sensors: {} });
    await put('tap-old', 'tap', tap + 1);
    await put('tap-young', 'tap', tap - 1);
    await put('retired-kind-old', 'kind.no.longer.listed', other + 1);
    await put('retired-kind-young', 'kind.no.longer.listed', other - 1);

    expect(await purgeTelemetry(t.db, NOW)).toBe(5);
    const left = await sql<{ event_id: string }>`
      select event_id from telemetry_events where session_id = 'retention' order by event_id`.execute(t.db);
    expect(left.rows.map((r) => r.event_id)).toEqual([
      'beh-mid', // older than the sensors' retention, but carries no sensors
      'beh-sensors-young',
      'retired-kind-young',
      'snap-young',
      'tap-young',
    ]);
    expect(await purgeTelemetry(t.db, NOW)).toBe(0);
  });

  test('the app purge also removes expired risk sessions and their nonces', async () => {
    const at = t.clock.now().getTime();
    await sql`insert into risk_sessions (id, key_id, mac_key, enc_key, created_at, expires_at, last_seq)
              values ('gone', 'k', 'm', 'e', ${at - 2 * DAY}, ${at - DAY}, 1),
                     ('live', 'k', 'm', 'e', ${at - DAY}, ${at + DAY}, 1)`.execute(t.db);
    await sql`insert into risk_nonces (session_id, nonce, keep_until)
              values ('gone', 'n1', ${at - DAY}), ('live', 'n2', ${at + DAY})`.execute(t.db);
    await put('app-purge-old', 'tap', daysOf('tap') + 1);

    expect(await t.app.purgeExpired()).toEqual({ telemetryDeleted: 1 });
    const sessions = await sql<{ id: string }>`select id from risk_sessions order by id`.execute(t.db);
    expect(sessions.rows.map((r) => r.id)).toEqual(['live']);
    const nonces = await sql<{ nonce: string }>`select nonce from risk_nonces order by nonce`.execute(t.db);
    expect(nonces.rows.map((r) => r.nonce)).toEqual(['n2']);
  });
});
