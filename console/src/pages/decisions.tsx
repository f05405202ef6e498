import { Badge, Input, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { subscribeDecisions, type StreamFilter, type StreamStatus } from '../api/decision-stream';
import type { DecisionSummary, StreamRow } from '../api/types';
import { OutcomeTag } from '../components/outcome-tag';
import { zhCN } from '../locale/zh-CN';
import { navigate } from '../router';

const t = zhCN.decisions;
const MAX_ROWS = 200;
const OUTCOMES = ['approve', 'review', 'reject', 'allow', 'step-up', 'hold', 'block'];

export type Row = StreamRow;

export function rowOf(d: DecisionSummary): Row {
  return {
    decisionId: d.decisionId,
    at: d.at,
    kind: d.action === 'loan.apply' ? 'application' : 'money',
    action: d.action,
    channel: d.channel,
    outcome: d.outcome,
    score: d.score,
    reasons: d.reasons,
    category: d.category,
    ...(d.forcedBy ? { forcedBy: d.forcedBy } : {}),
    ruleSet: { id: d.ruleSet.id, version: d.ruleSet.version },
  };
}

/** Newest first, no duplicates (a decision can arrive from the list and the stream), at most MAX_ROWS. */
export function mergeRows(incoming: readonly Row[], current: readonly Row[]): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const r of [...incoming, ...current]) {
    if (seen.has(r.decisionId)) continue;
    seen.add(r.decisionId);
    out.push(r);
    if (out.length === MAX_ROWS) break;
  }
  return out;
}

const columns: ColumnsType<Row> = [
  { title: t.columns.at, dataIndex: 'at', width: 130, render: (v: string) => v.slice(5, 19).replace('T', ' ') },
  { title: t.columns.kind, dataIndex: 'kind', width: 90, render: (v: string) => zhCN.kinds[v] ?? v },
  { title: t.columns.action, dataIndex: 'action', width: 120, render: (v: string) => zhCN.actions[v] ?? v },
  { title: t.columns.channel, dataIndex: 'channel', width: 120 },
  { title: t.columns.outcome, dataIndex: 'outcome', width: 100, render: (v: string) => <OutcomeTag outcome={v} /> },
  { title: t.columns.score, dataIndex: 'score', width: 70, align: 'right' },
  {
    title: t.columns.reasons,
    dataIndex: 'reasons',
    render: (codes: string[]) => (
      <Space size={[0, 4]} wrap>
        {codes.slice(0, 4).map((c) => (
          <Tag key={c}>{c}</Tag>
        ))}
        {codes.length > 4 && <Tag>+{codes.length - 4}</Tag>}
      </Space>
    ),
  },
  { title: t.columns.ruleSet, dataIndex: 'ruleSet', width: 130, render: (r: Row['ruleSet']) => `${r.id}@${r.version}` },
];

/**
 * Live decisions: the recent ones from the list API, then every new one from the stream, filtered by
 * kind, outcome and channel. Stream rows are applied once per animation frame, so 100 decisions a
 * second cost a handful of renders, not a hundred.
 */
export function DecisionsPage() {
  const [kind, setKind] = useState<'all' | 'application' | 'money'>('all');
  const [outcome, setOutcome] = useState<string | undefined>();
  const [channel, setChannel] = useState('');
  const [live, setLive] = useState(true);
  const [rows, setRows] = useState<Row[]>([]);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const pending = useRef<Row[]>([]);
  const frame = useRef<number | null>(null);

  const filter: StreamFilter = {
    ...(kind !== 'all' ? { kind } : {}),
    ...(outcome ? { outcome } : {}),
    ...(channel.trim() ? { channel: channel.trim() } : {}),
  };
  const key = JSON.stringify(filter);

  useEffect(() => {
    setRows([]);
    pending.current = [];
    const flush = () => {
      frame.current = null;
      const batch = pending.current.reverse();
      pending.current = [];
      setRows((cur) => mergeRows(batch, cur));
    };
    const sub = live
      ? subscribeDecisions(
          filter,
          (row) => {
            pending.current.push(row);
            if (frame.current === null) frame.current = requestAnimationFrame(flush);
          },
          setStatus,
        )
      : null;
    let cancelled = false;
    void api
      .get('/api/staff/risk/decisions', {
        query: {
          limit: '100',
          ...(filter.outcome ? { outcome: filter.outcome as 'approve' } : {}),
          ...(filter.channel ? { channel: filter.channel } : {}),
          ...(filter.kind === 'application' ? { action: 'loan.apply' } : {}),
        },
      })
      .then((list) => {
        if (cancelled) return;
        const recent = list.items.map(rowOf).filter((r) => !filter.kind || r.kind === filter.kind);
        setRows((cur) => mergeRows(cur, recent));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      sub?.close();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, live]);

  return (
    <div data-testid="page-decisions">
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          options={[
            { label: t.all, value: 'all' },
            { label: zhCN.kinds.application, value: 'application' },
            { label: zhCN.kinds.money, value: 'money' },
          ]}
          data-testid="filter-kind"
        />
        <Select
          allowClear
          placeholder={t.filterOutcome}
          style={{ width: 130 }}
          value={outcome}
          onChange={setOutcome}
          options={OUTCOMES.map((o) => ({ value: o, label: zhCN.outcomes[o] }))}
          data-testid="filter-outcome"
        />
        <Input
          allowClear
          placeholder={t.channelPlaceholder}
          style={{ width: 160 }}
          value={channel}
          onChange={(e) => setChannel(e.target.value)}
          data-testid="filter-channel"
        />
        <Switch
          checked={live}
          onChange={setLive}
          checkedChildren={t.live}
          unCheckedChildren={t.paused}
          data-testid="live-toggle"
        />
        {live && (
          <Badge
            status={status === 'open' ? 'success' : 'processing'}
            text={status === 'open' ? t.connected : t.reconnecting}
            data-testid={`stream-${status}`}
          />
        )}
      </Space>
      <Table<Row>
        rowKey="decisionId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        // Virtual rows: only what is on screen is rendered, so a new batch costs the same at 10 rows or 200.
        virtual
        scroll={{ y: Math.max(320, window.innerHeight - 260) }}
        onRow={(r) =>
          ({
            'data-testid': 'decision-row',
            'data-decision-id': r.decisionId,
            onClick: () => navigate(`/decisions/${r.decisionId}`),
            style: { cursor: 'pointer' },
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Typography.Text type="secondary">{t.count(rows.length)}</Typography.Text>
    </div>
  );
}
