import { Alert, Button, Card, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { SimulationRun } from '../api/types';
import { can } from '../auth/session';
import { useLoad } from '../components/use-load';
import { zhCN } from '../locale/zh-CN';

const t = zhCN.simulations;
const STATUS_COLOURS: Record<string, string> = {
  running: 'processing',
  done: 'success',
  stopped: 'warning',
  failed: 'error',
};
type Checks = Array<{ name: string; pass: boolean; detail: string }>;

function checksOf(run: SimulationRun): Checks {
  const c = (run.summary as { checks?: Checks } | null)?.checks;
  return Array.isArray(c) ? c : [];
}

const paceOf = (run: SimulationRun) => (run.summary as { pace?: string } | null)?.pace;

/** The simulator's own HTML report of a run, in a sandboxed frame (no scripts, no network). */
function Report({ run }: { run: SimulationRun }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    setHtml(null);
    if (!run.hasReport) return;
    void api.text('/api/staff/simulations/{id}/report', { params: { id: run.id } }).then(setHtml);
  }, [run.id, run.hasReport]);
  if (run.status === 'running') return <Alert type="info" showIcon message={t.running} />;
  if (run.error) return <Alert type="error" message={run.error} />;
  if (!html) return null;
  return (
    <iframe
      title={t.report}
      srcDoc={html}
      sandbox=""
      style={{ width: '100%', height: 900, border: 0 }}
      data-testid="simulation-report"
    />
  );
}

/** QA: start a shipped scenario against this sandbox bank and read its report. */
export function SimulationsPage() {
  const scenarios = useLoad(() => api.get('/api/staff/simulations/scenarios'), []);
  const [running, setRunning] = useState(false);
  const runs = useLoad(() => api.get('/api/staff/simulations'), [], running ? 2000 : 10_000);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const items = useMemo(() => runs.data?.items ?? [], [runs.data]);
  useEffect(() => setRunning(items.some((r) => r.status === 'running')), [items]);
  const selected = items.find((r) => r.id === picked) ?? items[0];
  const current = items.find((r) => r.status === 'running');
  const start = async (v: { scenario: string; scale: number; seed?: number; pace: 'realtime' | 'fast' }) => {
    setError(null);
    try {
      const run = await api.post('/api/staff/simulations', {
        body: { scenario: v.scenario, scale: v.scale, pace: v.pace, ...(v.seed ? { seed: v.seed } : {}) },
      });
      setPicked(run.id);
      setRunning(true);
      await runs.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const stop = async () => {
    if (!current) return;
    setError(null);
    setStopping(true);
    try {
      await api.post('/api/staff/simulations/{id}/stop', { params: { id: current.id } });
      setPicked(current.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setStopping(false);
      await runs.reload();
    }
  };
  return (
    <div data-testid="page-simulations">
      <Card size="small">
        <Typography.Paragraph type="secondary">{t.note}</Typography.Paragraph>
        <Form layout="inline" onFinish={start} initialValues={{ scenario: 'surge-demo', scale: 1, pace: 'realtime' }}>
          <Form.Item name="scenario" label={t.scenario} rules={[{ required: true }]}>
            <Select
              style={{ width: 220 }}
              options={(scenarios.data?.items ?? []).map((s) => ({
                value: s.name,
                label: s.name,
                title: s.description,
              }))}
              data-testid="simulation-scenario"
            />
          </Form.Item>
          <Form.Item name="scale" label={t.scale} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={1} step={0.05} data-testid="simulation-scale" />
          </Form.Item>
          <Form.Item name="seed" label={t.seed}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="pace" label={t.pace}>
            <Select
              style={{ width: 320 }}
              options={(['realtime', 'fast'] as const).map((p) => ({ value: p, label: t.paces[p] }))}
              data-testid="simulation-pace"
            />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              disabled={!can('simulations.run') || running}
              data-testid="simulation-start"
            >
              {t.start}
            </Button>
            {current && (
              <Button
                danger
                onClick={() => void stop()}
                loading={stopping}
                disabled={!can('simulations.run')}
                data-testid="simulation-stop"
              >
                {stopping ? t.stopping : t.stop}
              </Button>
            )}
          </Space>
        </Form>
        {error && <Alert type="error" message={error} style={{ marginTop: 12 }} />}
      </Card>
      <Card size="small" title={t.runs} style={{ marginTop: 16 }}>
        <Table<SimulationRun>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          onRow={(r) =>
            ({
              onClick: () => setPicked(r.id),
              style: { cursor: 'pointer' },
              'data-testid': 'simulation-row',
              'data-status': r.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t.columns.startedAt,
              dataIndex: 'startedAt',
              render: (v: string) => v.slice(0, 19).replace('T', ' '),
            },
            { title: t.columns.scenario, dataIndex: 'scenario' },
            { title: t.columns.scale, dataIndex: 'scale' },
            {
              title: t.columns.status,
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLOURS[s]}>{t.statuses[s]}</Tag>,
            },
            { title: t.columns.startedBy, dataIndex: 'startedBy' },
            {
              title: t.columns.pace,
              render: (_: unknown, r) => t.paceShort[paceOf(r) ?? ''] ?? '—',
            },
            {
              title: t.columns.checks,
              render: (_: unknown, r) => {
                const c = checksOf(r);
                return c.length ? t.checks(c.filter((x) => x.pass).length, c.length) : '—';
              },
            },
          ]}
        />
      </Card>
      {selected && (
        <Card size="small" title={`${t.report} · ${selected.scenario}`} style={{ marginTop: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Report run={selected} />
          </Space>
        </Card>
      )}
    </div>
  );
}
