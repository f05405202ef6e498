import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { AuditEntry } from '../api/types';
import { useLoad } from '../components/use-load';
import { zhCN } from '../locale/zh-CN';

const t = zhCN.audit;
const COLOURS: Record<string, string> = { ok: 'green', denied: 'red', failed: 'orange' };

/** The staff audit log, newest first; read-only (the bank offers no way to change it). */
export function AuditPage() {
  const [actor, setActor] = useState('');
  const [outcome, setOutcome] = useState<string | undefined>();
  const [extra, setExtra] = useState<AuditEntry[]>([]);
  const log = useLoad(
    () =>
      api.get('/api/staff/audit', {
        query: {
          limit: '100',
          ...(actor.trim() ? { actor: actor.trim() } : {}),
          ...(outcome ? { outcome: outcome as 'ok' } : {}),
        },
      }),
    [actor, outcome],
    5000,
  );
  const items = [...(log.data?.items ?? []), ...extra];
  const more = async () => {
    const last = items[items.length - 1];
    if (!last) return;
    const r = await api.get('/api/staff/audit', { query: { limit: '100', before: String(last.seq) } });
    setExtra((e) => [...e, ...r.items]);
  };
  return (
    <div data-testid="page-audit">
      <Alert type="info" message={t.note} style={{ marginBottom: 12 }} />
      <Space style={{ marginBottom: 12 }}>
        <Input
          allowClear
          placeholder={t.actor}
          value={actor}
          onChange={(e) => {
            setActor(e.target.value);
            setExtra([]);
          }}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder={t.columns.outcome}
          style={{ width: 120 }}
          value={outcome}
          onChange={(v) => {
            setOutcome(v);
            setExtra([]);
          }}
          options={Object.entries(t.outcomes).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        pagination={false}
        dataSource={items}
        onRow={(e) =>
          ({
            'data-testid': 'audit-row',
            'data-action': e.action,
            'data-outcome': e.outcome,
            'data-actor': e.actor,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t.columns.at, dataIndex: 'at', width: 160, render: (v: string) => v.slice(0, 19).replace('T', ' ') },
          { title: t.columns.actor, dataIndex: 'actor', width: 160 },
          {
            title: t.columns.role,
            dataIndex: 'role',
            width: 80,
            render: (r: string | null) => (r ? (zhCN.app.roles[r] ?? r) : '—'),
          },
          { title: t.columns.action, dataIndex: 'action', width: 160 },
          { title: t.columns.target, dataIndex: 'target', width: 160, render: (v: string | null) => v ?? '—' },
          { title: t.columns.reason, dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          {
            title: t.columns.outcome,
            dataIndex: 'outcome',
            width: 80,
            render: (o: string) => <Tag color={COLOURS[o]}>{t.outcomes[o] ?? o}</Tag>,
          },
          {
            title: t.columns.detail,
            dataIndex: 'detail',
            render: (d: Record<string, unknown>) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {JSON.stringify(d)}
              </Typography.Text>
            ),
          },
        ]}
      />
      {log.data?.nextBefore && extra.length === 0 && (
        <Button onClick={more} style={{ marginTop: 12 }}>
          {t.more}
        </Button>
      )}
    </div>
  );
}
