import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  InputNumber,
  List,
  Radio,
  Row,
  Segmented,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Alert as SurgeAlert, Channel } from '../api/types';
import { can } from '../auth/session';
import { Chart } from '../components/chart';
import { ReasonDialog } from '../components/reason-dialog';
import { useLoad } from '../components/use-load';
import { zhCN } from '../locale/zh-CN';
import { binBuckets, seriesOption } from './channel-series';

const t = zhCN.channels;
const STATE_COLOURS: Record<string, string> = { normal: 'green', watch: 'gold', lockdown: 'red', cool_down: 'orange' };
const REFRESH_MS = 5000;
const WINDOWS = [
  { hours: 2, bin: 5 },
  { hours: 24, bin: 30 },
];

const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—');
function evidenceValue(key: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (key === 'approvalRate' || key === 'baselineApprovalRate' || key === 'riskShare') return pct(v);
  if (key === 'pValue' && typeof v === 'number') return v.toExponential(2);
  if (typeof v === 'number') return String(Math.round(v * 100) / 100);
  return String(v);
}

export function EvidenceList({ evidence }: { evidence: Record<string, unknown> }) {
  const keys = Object.keys(t.evidenceFields).filter((k) => k in evidence);
  return (
    <Descriptions size="small" column={2}>
      {keys.map((k) => (
        <Descriptions.Item key={k} label={t.evidenceFields[k]}>
          {evidenceValue(k, evidence[k])}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function ChannelCard({ c, selected, onSelect }: { c: Channel; selected: boolean; onSelect: () => void }) {
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      style={{ borderColor: selected ? '#1677ff' : undefined }}
      data-testid="channel-card"
      data-channel={c.channel}
      data-state={c.state}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text strong>{c.channel}</Typography.Text>
          <Tag color={STATE_COLOURS[c.state]}>{t.states[c.state] ?? c.state}</Tag>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.evidenceFields.count} {c.evidence.count ?? 0} · {t.evidenceFields.approvalRate}{' '}
          {pct(c.evidence.approvalRate)}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/**
 * Channels: state of each (normal / watch / lockdown / cool-down) with the surge evidence, volume and
 * approval rate over time, alerts, and — for supervisors — lockdown and lift with a reason.
 */
export function ChannelsPage() {
  const channels = useLoad(() => api.get('/api/staff/risk/channels'), [], REFRESH_MS);
  const [picked, setPicked] = useState<string | null>(null);
  const [span, setSpan] = useState(WINDOWS[0]);
  const [dialog, setDialog] = useState<'lockdown' | 'lift' | null>(null);
  const list = channels.data?.items ?? [];
  const current = list.find((c) => c.channel === picked) ?? list.find((c) => c.state !== 'normal') ?? list[0];
  const name = current?.channel;

  const series = useLoad(
    async () => {
      if (!name) return null;
      const to = Date.now();
      const from = to - span.hours * 3_600_000;
      const r = await api.get('/api/staff/risk/channels/{channel}/series', {
        params: { channel: name },
        query: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      });
      return binBuckets(r.items, from, to, span.bin);
    },
    [name, span],
    REFRESH_MS,
  );
  const alerts = useLoad(() => api.get('/api/staff/risk/alerts', { query: { limit: '50' } }), [], REFRESH_MS);
  const option = useMemo(() => seriesOption(series.data ?? []), [series.data]);
  const mayLock = can('channels.lockdown');

  if (channels.error) return <Alert type="error" message={channels.error.message} />;
  const cond = current?.condition;
  const action = (kind: 'lockdown' | 'lift') => {
    const button = (
      <Button
        danger={kind === 'lockdown'}
        type={kind === 'lockdown' ? 'primary' : 'default'}
        disabled={!mayLock}
        onClick={() => setDialog(kind)}
        data-testid={`channel-${kind}`}
      >
        {kind === 'lockdown' ? t.lockdown : t.lift}
      </Button>
    );
    return mayLock ? button : <Tooltip title={zhCN.app.supervisorOnly}>{button}</Tooltip>;
  };

  return (
    <div data-testid="page-channels">
      {list.length === 0 && !channels.loading && <Empty description={t.noChannels} />}
      <Row gutter={[12, 12]}>
        {list.map((c) => (
          <Col key={c.channel} xs={12} md={8} xl={4}>
            <ChannelCard c={c} selected={c.channel === name} onSelect={() => setPicked(c.channel)} />
          </Col>
        ))}
      </Row>
      {current && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={16}>
            <Card
              size="small"
              title={
                <Space>
                  <span data-testid="channel-name">{current.channel}</span>
                  <Tag color={STATE_COLOURS[current.state]} data-testid="channel-state">
                    {t.states[current.state]}
                  </Tag>
                </Space>
              }
              extra={
                <Segmented
                  value={span.hours}
                  onChange={(h) => setSpan(WINDOWS.find((w) => w.hours === h) ?? WINDOWS[0])}
                  options={WINDOWS.map((w) => ({ value: w.hours, label: t.hours(w.hours) }))}
                />
              }
            >
              <Chart option={option} testId="channel-chart" />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card size="small" title={t.evidence}>
              <EvidenceList evidence={current.evidence as Record<string, unknown>} />
            </Card>
            <Card size="small" title={t.condition} style={{ marginTop: 16 }} data-testid="channel-condition">
              {cond ? (
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t.lockdown}>
                    {t.mode[cond.mode]} · {t.setBy[cond.setBy]} · {cond.actor}
                  </Descriptions.Item>
                  <Descriptions.Item label={zhCN.app.reason}>{cond.reason}</Descriptions.Item>
                  <Descriptions.Item label={t.until}>
                    {cond.until ? cond.until.slice(0, 19).replace('T', ' ') : t.untilLifted}
                  </Descriptions.Item>
                </Descriptions>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              )}
              <Space style={{ marginTop: 8 }}>
                {!cond && action('lockdown')}
                {cond && action('lift')}
              </Space>
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small" title={t.alerts} style={{ marginTop: 16 }}>
        <List<SurgeAlert>
          dataSource={alerts.data?.items ?? []}
          locale={{ emptyText: zhCN.app.empty }}
          renderItem={(a) => (
            <List.Item data-testid="alert-item" data-kind={a.kind} data-channel={a.channel}>
              <List.Item.Meta
                title={
                  <Space>
                    <Tag color={a.kind === 'surge' || a.kind === 'lockdown' ? 'red' : 'blue'}>
                      {t.alertKinds[a.kind] ?? a.kind}
                    </Tag>
                    <span>{a.channel}</span>
                    <Typography.Text type="secondary">{a.at.slice(0, 19).replace('T', ' ')}</Typography.Text>
                  </Space>
                }
                description={<EvidenceList evidence={a.evidence as Record<string, unknown>} />}
              />
            </List.Item>
          )}
        />
      </Card>
      {current && (
        <>
          <ReasonDialog<{ mode: 'review' | 'reject'; minutes?: number }>
            open={dialog === 'lockdown'}
            title={t.lockdownTitle(current.channel)}
            testId="lockdown-dialog"
            initialValues={{ mode: 'reject' }}
            onClose={() => setDialog(null)}
            onSubmit={async (v) => {
              await api.post('/api/staff/risk/channels/{channel}/lockdown', {
                params: { channel: current.channel },
                body: { mode: v.mode, reason: v.reason, ...(v.minutes ? { minutes: v.minutes } : {}) },
              });
              await channels.reload();
            }}
          >
            <Form.Item name="mode" label={t.lockdown}>
              <Radio.Group options={(['review', 'reject'] as const).map((m) => ({ value: m, label: t.mode[m] }))} />
            </Form.Item>
            <Form.Item name="minutes" label={t.minutes}>
              <InputNumber min={1} max={43200} style={{ width: '100%' }} />
            </Form.Item>
          </ReasonDialog>
          <ReasonDialog
            open={dialog === 'lift'}
            title={t.liftTitle(current.channel)}
            testId="lift-dialog"
            onClose={() => setDialog(null)}
            onSubmit={async ({ reason }) => {
              await api.post('/api/staff/risk/channels/{channel}/lift', {
                params: { channel: current.channel },
                body: { reason },
              });
              await channels.reload();
            }}
          />
        </>
      )}
    </div>
  );
}
