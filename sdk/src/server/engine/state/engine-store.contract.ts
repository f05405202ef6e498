/**
 * The conformance suite every `EngineStore` implementation runs (memory here, SQL in the sandbox
 * bank, Redis if one is written): `describeEngineStoreContract('name', make)` inside a test file.
 * `make` gives a fresh, empty store for each test. Besides the interface's comments, it pins down:
 * windows are `at >= since`; decision filters are `since <= at < until`; newest first means by
 * decision id for decisions and by time then id for alerts and conditions; a repeated putDecision
 * keeps the first record; purge removes what is strictly older than each cutoff, and alerts and
 * ended conditions go with decisions (see store-semantics.ts).
 * Records are compared with toEqual plus their JSON text (exact values and key order): toStrictEqual
 * would trip over objects made in another realm (PGlite and structuredClone run outside Jest's).
 */
import type { DecisionRecord, Outcome } from '../types';
import type { ChannelCondition, EngineStore, SurgeAlert } from './engine-store';

export interface EngineStoreHandle {
  store: EngineStore;
  close(): Promise<void>;
}

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const MIN = 60_000;

/** A uuidv7-shaped id for `ms` (sequence `seq` within the millisecond): sorts like a real one. */
export function uuidv7At(ms: number, seq = 0): string {
  const t = ms.toString(16).padStart(12, '0');
  const s = seq.toString(16).padStart(3, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-7${s}-8000-${(ms % 1e12).toString(16).padStart(12, '0')}`;
}

/** A decision shaped like the engine's, with the awkward values a store must not change. */
export function sampleDecision(
  i: number,
  over: Partial<Pick<DecisionRecord, 'at' | 'action' | 'channel' | 'outcome'>> = {},
): DecisionRecord {
  const at = over.at ?? T0 + i * 1000;
  const outcome: Outcome = over.outcome ?? (['approve', 'review', 'reject'] as const)[i % 3];
  const record: DecisionRecord = {
    decisionId: uuidv7At(T0 + i * 1000, i % 7),
    at,
    action: over.action ?? 'loan.apply',
    channel: over.channel ?? 'wx-ad',
    subjects: { user: `u:${i.toString(16)}`, device: 'd:9f2c', residentId: 'h:77aa' },
    ruleSet: { id: 'loan.apply', version: 7, hash: 'a'.repeat(64) },
    engineVersion: '0.1.0',
    // Key order is deliberately not sorted: the record must come back as given, not just deep-equal.
    features: {
      'device.model': 'ALN-AL00',
      'behaviour.meanIntervalMs': 0.1 + 0.2,
      'app.debug': false,
      'ctx.hour': 23,
      'net.ip24': null,
      'device.brand': '华为 "Mate" \\ ✓',
      'battery.level': 1,
      'clock.offsetMs': -1234.5,
      'behaviour.touches': 0,
      'big.value': 1e21,
    },
    rules: [
      {
        code: 'VELOCITY_IDENTITY',
        ruleVersion: 2,
        status: 'hit',
        value: 5,
        band: 'b2',
        weight: 40,
        evidence: { count: 5, windowHours: 24 },
        text: '24 小时内同一身份申请 5 次',
      },
      {
        code: 'EMULATOR',
        ruleVersion: 1,
        status: 'exit',
        value: null,
        band: null,
        weight: 0,
        evidence: {},
        text: '',
        exit: 'missing:device.abi',
      },
    ],
    score: 40.5,
    outcome,
    reasons: outcome === 'approve' ? [] : ['VELOCITY_IDENTITY'],
    category: outcome === 'approve' ? null : 'velocity',
  };
  if (outcome === 'reject') record.forcedBy = 'CHANNEL_LOCKDOWN';
  return record;
}

export function describeEngineStoreContract(name: string, make: () => Promise<EngineStoreHandle>): void {
  describe(`EngineStore contract: ${name}`, () => {
    let h: EngineStoreHandle;
    let store: EngineStore;
    beforeEach(async () => {
      h = await make();
      store = h.store;
    });
    afterEach(async () => {
      await h.close();
    });

    test('countDistinct: sliding windows, duplicates, out-of-order sightings, separate keys', async () => {
      await store.observe(T0, [
        ['k1', 'a'],
        ['k1', 'b'],
        ['k2', 'a'],
      ]);
      await store.observe(T0 + 2 * MIN, [
        ['k1', 'a'],
        ['k1', 'c'],
      ]);
      await store.observe(T0 + 3 * MIN, [
        ['k1', 'a'],
        ['k1', 'a'],
      ]);
      // Late arrivals: an older sighting of a known member changes nothing, a new member counts.
      await store.observe(T0 + MIN, [
        ['k1', 'c'],
        ['k1', 'd'],
      ]);
      const at = (since: number) => ({ key: 'k1', since });
      expect(
        await store.countDistinct([
          at(0),
          at(T0),
          at(T0 + 1),
          at(T0 + MIN),
          at(T0 + MIN + 1),
          at(T0 + 2 * MIN + 1),
          at(T0 + 3 * MIN),
          at(T0 + 3 * MIN + 1),
          { key: 'k2', since: 0 },
          { key: 'nope', since: 0 },
        ]),
      ).toEqual([4, 4, 3, 3, 2, 1, 1, 0, 1, 0]);
      expect(await store.countDistinct([])).toEqual([]);
    });

    test('countDistinct: many keys and repeated queries answered in one call, in query order', async () => {
      const keys = Array.from({ length: 150 }, (_, i) => `ip:${i}`);
      keys.push('odd:, "{quoted}" \\ 键');
      for (let round = 0; round < 3; round++) {
        await store.observe(
          T0 + round * MIN,
          keys.flatMap((k, i) => Array.from({ length: (i % 5) + 1 }, (_, m) => [k, `m${m}`] as const)),
        );
      }
      await store.observe(T0 + 10 * MIN, [['ip:3', 'late']]);
      const queries = [...keys].reverse().flatMap((key) => [
        { key, since: T0 },
        { key, since: T0 + 5 * MIN },
      ]);
      const counts = await store.countDistinct(queries);
      const expected = queries.map(({ key, since }) => {
        const i = keys.indexOf(key);
        if (since > T0) return key === 'ip:3' ? 1 : 0;
        return (i % 5) + 1 + (key === 'ip:3' ? 1 : 0);
      });
      expect(counts).toEqual(expected);
    });

    test('observe and count from many parallel callers: exact counts, each caller sees its own sighting', async () => {
      const callers = 40;
      const seen = await Promise.all(
        Array.from({ length: callers }, async (_, i) => {
          await store.observe(T0 + i, [
            ['dev:shared', `id:${i}`],
            ['dev:shared', `id:${i % 10}`],
            [`id:${i}`, 'dev:shared'],
          ]);
          const [n, own] = await store.countDistinct([
            { key: 'dev:shared', since: T0 },
            { key: `id:${i}`, since: T0 },
          ]);
          return { n, own };
        }),
      );
      for (const { n, own } of seen) {
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(callers);
        expect(own).toBe(1);
      }
      // The caller whose write landed last counted after every write had landed.
      expect(Math.max(...seen.map((s) => s.n))).toBe(callers);
      expect(await store.countDistinct([{ key: 'dev:shared', since: 0 }])).toEqual([callers]);
    });

    test('buckets: bumps add up, 50 parallel bumps are exact, ranges are half-open and oldest first', async () => {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.bumpBucket('wx-ad', T0, { applications: 1, approved: i % 2, risky: i % 5 === 0 ? 1 : 0 }),
        ),
      );
      await store.bumpBucket('wx-ad', T0 + 2 * MIN, { applications: 3, approved: 1, risky: 2 });
      await store.bumpBucket('wx-ad', T0 + MIN, { applications: 1, approved: 1, risky: 0 });
      await store.bumpBucket('wx-ad', T0 + MIN, { applications: 2, approved: 0, risky: 1 });
      await store.bumpBucket('qr-shop', T0 - 10 * MIN, { applications: 1, approved: 1, risky: 0 });

      expect(await store.buckets('wx-ad', T0, T0 + 3 * MIN)).toEqual([
        { channel: 'wx-ad', start: T0, applications: 50, approved: 25, risky: 10 },
        { channel: 'wx-ad', start: T0 + MIN, applications: 3, approved: 1, risky: 1 },
        { channel: 'wx-ad', start: T0 + 2 * MIN, applications: 3, approved: 1, risky: 2 },
      ]);
      expect((await store.buckets('wx-ad', T0 + MIN, T0 + 2 * MIN)).map((b) => b.start)).toEqual([T0 + MIN]);
      expect(await store.buckets('wx-ad', T0 + 3 * MIN, T0 + 9 * MIN)).toEqual([]);
      expect(await store.buckets('nope', 0, T0 * 2)).toEqual([]);
      expect(await store.channels(T0 - 10 * MIN)).toEqual(['qr-shop', 'wx-ad']);
      expect(await store.channels(T0 - 10 * MIN + 1)).toEqual(['wx-ad']);
      expect(await store.channels(T0 + 2 * MIN + 1)).toEqual([]);
    });

    test('conditions: upsert by id, per channel or all, newest first, optional fields kept exactly', async () => {
      const auto: ChannelCondition = {
        id: 'c1',
        channel: 'wx-ad',
        mode: 'reject',
        from: T0,
        until: T0 + 60 * MIN,
        reason: '渠道申请量激增',
        setBy: 'auto',
        actor: 'engine',
        alertId: 'a1',
      };
      const staff: ChannelCondition = {
        id: 'c2',
        channel: 'qr-shop',
        mode: 'review',
        from: T0 + MIN,
        until: null,
        reason: 'manual',
        setBy: 'staff',
        actor: 'staff-7',
      };
      const coolDown: ChannelCondition = { ...auto, id: 'c0', mode: 'review', from: T0 + 60 * MIN, until: null };
      await store.putCondition(auto);
      await store.putCondition(staff);
      await store.putCondition(coolDown);
      expect(await store.conditions('wx-ad')).toEqual([coolDown, auto]);
      expect(JSON.stringify(await store.conditions('qr-shop'))).toBe(JSON.stringify([staff]));
      expect((await store.conditions(null)).map((c) => c.id)).toEqual(['c0', 'c2', 'c1']);
      expect(await store.conditions('nope')).toEqual([]);

      const lifted: ChannelCondition = {
        ...auto,
        liftedAt: T0 + 30 * MIN,
        liftedBy: 'staff-7',
        liftReason: '误报',
      };
      await store.putCondition(lifted);
      expect(await store.conditions('wx-ad')).toEqual([coolDown, lifted]);
      // What a caller holds is a copy.
      (await store.conditions('qr-shop'))[0].reason = 'changed';
      expect((await store.conditions('qr-shop'))[0].reason).toBe('manual');
    });

    test('alerts: newest first, by channel, since and limit', async () => {
      const alert = (id: string, channel: string, at: number, kind: SurgeAlert['kind'] = 'surge'): SurgeAlert => ({
        id,
        channel,
        at,
        kind,
        evidence: {
          count: 42,
          expected: 3.5,
          pValue: 1.2e-9,
          approvalRate: 0.05,
          baselineApprovalRate: null,
          riskShare: 0.9,
          windowMinutes: 3,
        },
      });
      const a1 = alert('a1', 'wx-ad', T0);
      const a2 = { ...alert('a2', 'wx-ad', T0 + MIN, 'lockdown'), conditionId: 'c1' };
      const a3 = alert('a3', 'qr-shop', T0 + 2 * MIN);
      const a4: SurgeAlert = {
        id: 'a4',
        channel: 'wx-ad',
        at: T0 + 3 * MIN,
        kind: 'lockdown_lifted',
        evidence: { by: 'staff-7' },
      };
      for (const a of [a3, a1, a4, a2]) await store.putAlert(a);
      expect(JSON.stringify(await store.alerts({}))).toBe(JSON.stringify([a4, a3, a2, a1]));
      expect((await store.alerts({ channel: 'wx-ad' })).map((a) => a.id)).toEqual(['a4', 'a2', 'a1']);
      expect((await store.alerts({ since: T0 + MIN })).map((a) => a.id)).toEqual(['a4', 'a3', 'a2']);
      expect((await store.alerts({ channel: 'wx-ad', since: T0 + MIN, limit: 1 })).map((a) => a.id)).toEqual(['a4']);
      expect(await store.alerts({ channel: 'nope' })).toEqual([]);
    });

    test('decisions: stored and read back unchanged, a repeated put keeps the first', async () => {
      const d = sampleDecision(1, { outcome: 'reject' });
      await store.putDecision(d);
      const got = await store.getDecision(d.decisionId);
      expect(got).toEqual(d);
      expect(JSON.stringify(got)).toBe(JSON.stringify(d));
      expect(await store.getDecision(uuidv7At(T0, 999))).toBeNull();

      await store.putDecision({ ...d, outcome: 'approve', score: 0 });
      expect(await store.getDecision(d.decisionId)).toEqual(d);
      got!.features = {};
      expect((await store.decisions({}))[0]).toEqual(d);
    });

    test('decisions: filters, newest first by id, paging with beforeId, limits', async () => {
      const all = Array.from({ length: 130 }, (_, i) =>
        sampleDecision(i, {
          channel: i % 4 === 0 ? 'qr-shop' : 'wx-ad',
          action: i % 10 === 0 ? 'drawdown' : 'loan.apply',
          outcome: i % 10 === 0 ? 'allow' : undefined,
        }),
      );
      // Stored out of order, as concurrent requests would.
      for (const d of [...all.slice(65), ...all.slice(0, 65).reverse()]) await store.putDecision(d);
      const newest = [...all].reverse();
      const ids = (ds: DecisionRecord[]) => ds.map((d) => d.decisionId);

      expect(ids(await store.decisions({}))).toEqual(ids(newest.slice(0, 100)));
      expect(JSON.stringify(await store.decisions({ limit: 3 }))).toBe(JSON.stringify(newest.slice(0, 3)));
      expect(await store.decisions({ limit: 0 })).toEqual([]);

      const pick = (f: (d: DecisionRecord) => boolean) => ids(newest.filter(f));
      expect(ids(await store.decisions({ channel: 'qr-shop', limit: 500 }))).toEqual(
        pick((d) => d.channel === 'qr-shop'),
      );
      expect(ids(await store.decisions({ action: 'drawdown', limit: 500 }))).toEqual(
        pick((d) => d.action === 'drawdown'),
      );
      expect(ids(await store.decisions({ outcome: 'reject', limit: 500 }))).toEqual(
        pick((d) => d.outcome === 'reject'),
      );
      const since = all[20].at;
      const until = all[40].at;
      expect(ids(await store.decisions({ since, until, limit: 500 }))).toEqual(
        pick((d) => d.at >= since && d.at < until),
      );
      expect(
        ids(await store.decisions({ since, channel: 'wx-ad', outcome: 'review', action: 'loan.apply', limit: 500 })),
      ).toEqual(
        pick((d) => d.at >= since && d.channel === 'wx-ad' && d.outcome === 'review' && d.action === 'loan.apply'),
      );

      // Paging: each page starts right after the previous page's last id; together they are everything once.
      const pages: string[] = [];
      let beforeId: string | undefined;
      for (;;) {
        const page = await store.decisions({ channel: 'wx-ad', limit: 17, beforeId });
        if (!page.length) break;
        pages.push(...ids(page));
        beforeId = page[page.length - 1].decisionId;
      }
      expect(pages).toEqual(pick((d) => d.channel === 'wx-ad'));
      // beforeId need not be a stored id.
      expect(ids(await store.decisions({ beforeId: uuidv7At(all[5].at, 999), limit: 500 }))).toEqual(
        ids(newest.slice(-6)),
      );
    });

    test('purge removes only what is older than each cutoff', async () => {
      const cut = T0 + 10 * MIN;
      await store.observe(cut - 1, [
        ['k', 'old'],
        ['k', 'both'],
      ]);
      await store.observe(cut, [
        ['k', 'edge'],
        ['k', 'both'],
      ]);
      await store.observe(cut - 5, [['gone', 'x']]);
      for (const start of [cut - MIN, cut, cut + MIN]) {
        await store.bumpBucket('wx-ad', start, { applications: 1, approved: 1, risky: 0 });
      }
      await store.bumpBucket('old-channel', cut - 2 * MIN, { applications: 1, approved: 0, risky: 0 });
      const decisions = [
        sampleDecision(1, { at: cut - 1 }),
        sampleDecision(2, { at: cut }),
        sampleDecision(3, { at: cut + 1 }),
      ];
      for (const d of decisions) await store.putDecision(d);
      const base = { reason: 'r', setBy: 'auto', actor: 'engine', mode: 'reject' } as const;
      const conditions: ChannelCondition[] = [
        { ...base, id: 'expired', channel: 'wx-ad', from: cut - 60 * MIN, until: cut - 1 },
        { ...base, id: 'lifted', channel: 'wx-ad', from: cut - 60 * MIN, until: null, liftedAt: cut - 1 },
        { ...base, id: 'open', channel: 'wx-ad', from: cut - 60 * MIN, until: null },
        { ...base, id: 'ends-at-cut', channel: 'wx-ad', from: cut - 60 * MIN, until: cut },
      ];
      for (const c of conditions) await store.putCondition(c);
      await store.putAlert({ id: 'a-old', channel: 'wx-ad', at: cut - 1, kind: 'surge', evidence: {} });
      await store.putAlert({ id: 'a-new', channel: 'wx-ad', at: cut, kind: 'surge', evidence: {} });

      // Observations, buckets and decisions each follow their own cutoff: a far-off one removes nothing.
      await store.purge({ observationsBefore: cut, bucketsBefore: 0, decisionsBefore: 0 });
      expect(
        await store.countDistinct([
          { key: 'k', since: 0 },
          { key: 'gone', since: 0 },
        ]),
      ).toEqual([2, 0]);
      expect((await store.buckets('wx-ad', 0, cut * 2)).length).toBe(3);
      expect((await store.decisions({})).length).toBe(3);

      await store.purge({ observationsBefore: cut, bucketsBefore: cut, decisionsBefore: 0 });
      expect((await store.buckets('wx-ad', 0, cut * 2)).map((b) => b.start)).toEqual([cut, cut + MIN]);
      expect(await store.channels(0)).toEqual(['wx-ad']);
      expect((await store.decisions({})).length).toBe(3);

      await store.purge({ observationsBefore: cut, bucketsBefore: cut, decisionsBefore: cut });
      expect((await store.decisions({})).map((d) => d.at)).toEqual([cut + 1, cut]);
      expect(await store.getDecision(decisions[0].decisionId)).toBeNull();
      expect((await store.alerts({})).map((a) => a.id)).toEqual(['a-new']);
      expect((await store.conditions(null)).map((c) => c.id).sort()).toEqual(['ends-at-cut', 'open']);

      // Later sightings still count after a purge; earlier ones are gone for good.
      await store.observe(cut + 1, [
        ['k', 'old'],
        ['k', 'both'],
      ]);
      expect(await store.countDistinct([{ key: 'k', since: 0 }])).toEqual([3]);
    });
  });
}
