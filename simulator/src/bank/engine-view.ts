/**
 * What the report reads from the risk engine: channel states, alerts and per-channel series. In
 * process straight from the engine; over HTTP from the bank's staff API (X-Staff-Key).
 */
import type { ChannelBucket, ChannelStatus, RiskEngine, SurgeAlert } from '@lingjie/risk-sdk/engine';
import type { Bank } from './transport';

export interface ChannelState {
  channel: string;
  state: ChannelStatus['state'];
  /** Active condition: mode and its scheduled end (Unix ms, null = until lifted). */
  mode: 'review' | 'reject' | null;
  until: number | null;
}

export interface EngineAlert {
  channel: string;
  at: number;
  kind: SurgeAlert['kind'];
  evidence: Record<string, unknown>;
}

export interface EngineView {
  readonly source: 'engine' | 'staff-api' | 'none';
  channels(): Promise<ChannelState[]>;
  /** Oldest first. */
  alerts(since: number): Promise<EngineAlert[]>;
  series(channel: string, from: number, to: number): Promise<ChannelBucket[]>;
}

const stateOf = (s: ChannelStatus): ChannelState => ({
  channel: s.channel,
  state: s.state,
  mode: s.condition?.mode ?? null,
  until: s.condition?.until ?? null,
});

const alertOf = (a: SurgeAlert): EngineAlert => ({
  channel: a.channel,
  at: a.at,
  kind: a.kind,
  evidence: a.evidence as Record<string, unknown>,
});

export function engineView(engine: RiskEngine): EngineView {
  return {
    source: 'engine',
    channels: async () => (await engine.channels.list()).map(stateOf),
    alerts: async (since) => (await engine.alerts({ since, limit: 10_000 })).map(alertOf).sort((a, b) => a.at - b.at),
    series: (channel, from, to) => engine.channels.series(channel, from, to),
  };
}

export function staffApiView(bank: Bank, staffKey: string): EngineView {
  const get = async (url: string) => {
    const res = await bank.call({ method: 'GET', url, headers: { 'x-staff-key': staffKey }, ip: '127.0.0.1' });
    if (res.status !== 200) throw new Error(`staff API ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
  return {
    source: 'staff-api',
    async channels() {
      const body = await get('/api/staff/risk/channels');
      return body.items.map((c: any) => ({
        channel: c.channel,
        state: c.state,
        mode: c.condition?.mode ?? null,
        until: ms(c.condition?.until),
      }));
    },
    async alerts(since) {
      const body = await get(
        `/api/staff/risk/alerts?since=${encodeURIComponent(new Date(since).toISOString())}&limit=999`,
      );
      return body.items
        .map((a: any) => ({ channel: a.channel, at: Date.parse(a.at), kind: a.kind, evidence: a.evidence ?? {} }))
        .sort((a: EngineAlert, b: EngineAlert) => a.at - b.at);
    },
    async series(channel, from, to) {
      const q = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
      const body = await get(`/api/staff/risk/channels/${encodeURIComponent(channel)}/series?${q}`);
      return body.items.map((b: any) => ({ ...b, channel, start: Date.parse(b.start) }));
    },
  };
}

/** No engine to ask (a bank without one, or no staff key over HTTP): the report says so. */
export const NO_ENGINE: EngineView = {
  source: 'none',
  channels: async () => [],
  alerts: async () => [],
  series: async () => [],
};
