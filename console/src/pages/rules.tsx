import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Backtest, RuleSetOverview } from '../api/types';
import { can, currentSession } from '../auth/session';
import { ReasonDialog } from '../components/reason-dialog';
import { useLoad } from '../components/use-load';
import { zhCN } from '../locale/zh-CN';
import { BacktestResult } from './backtest-result';

const t = zhCN.rules;
type Version = RuleSetOverview['versions'][number];
const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** The active file as the template of the next version: version + 1, based on the active one. */
export function nextVersionTemplate(file: Record<string, unknown>, maxVersion: number): string {
  return JSON.stringify({ ...file, version: maxVersion + 1, basedOn: file.version }, null, 2);
}

function UploadDialog({ set, onClose, onDone }: { set: RuleSetOverview; onClose: () => void; onDone: () => void }) {
  const active = useLoad(
    () => api.get('/api/staff/rules/versions/{id}', { params: { id: set.active.versionId } }),
    [set.active.versionId],
  );
  const maxVersion = Math.max(...set.versions.map((v) => v.version));
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const value = text ?? (active.data ? nextVersionTemplate(active.data.file, maxVersion) : '');
  const parse = (): Record<string, unknown> | null => {
    try {
      return JSON.parse(value) as Record<string, unknown>;
    } catch {
      setProblems([t.invalidJson]);
      return null;
    }
  };
  const validate = async () => {
    const file = parse();
    if (!file) return;
    const r = await api.post('/api/staff/rules/validate', { body: { file } });
    setProblems(r.problems);
  };
  const upload = async () => {
    const file = parse();
    if (!file) return;
    setBusy(true);
    try {
      await api.post('/api/staff/rules/versions', { body: { file, ...(note ? { note } : {}) } });
      onDone();
      onClose();
    } catch (e) {
      setProblems(e instanceof ApiError && e.problems.length ? e.problems : [(e as Error).message]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={860}
      title={t.uploadTitle(set.ruleSetId)}
      onCancel={onClose}
      footer={[
        <Button key="v" onClick={validate} data-testid="rules-validate">
          {t.validate}
        </Button>,
        <Button key="u" type="primary" loading={busy} onClick={upload} data-testid="rules-upload-submit">
          {t.upload}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t.uploadHint}</Typography.Paragraph>
      <Input.TextArea
        value={value}
        onChange={(e) => {
          setText(e.target.value);
          setProblems(null);
        }}
        rows={18}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        data-testid="rules-file"
      />
      <Input placeholder={t.note} value={note} onChange={(e) => setNote(e.target.value)} style={{ marginTop: 8 }} />
      {problems && (
        <Alert
          style={{ marginTop: 12 }}
          type={problems.length ? 'error' : 'success'}
          message={problems.length ? t.problems(problems.length) : t.valid}
          description={
            problems.length ? (
              <List size="small" dataSource={problems} renderItem={(p) => <List.Item>{p}</List.Item>} />
            ) : undefined
          }
          data-testid="rules-problems"
        />
      )}
    </Modal>
  );
}

function BacktestDialog({ version, onClose, onDone }: { version: Version; onClose: () => void; onDone: () => void }) {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(1, 'day'), dayjs()]);
  const [result, setResult] = useState<Backtest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(
        await api.post('/api/staff/rules/versions/{id}/backtests', {
          params: { id: version.versionId },
          body: { from: range[0].toISOString(), to: range[1].toISOString() },
        }),
      );
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={1100} title={t.backtestTitle(version.version)} onCancel={onClose} footer={null}>
      <Space style={{ marginBottom: 16 }}>
        <span>{t.period}</span>
        <DatePicker.RangePicker showTime value={range} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
        <Button type="primary" loading={busy} onClick={run} data-testid="backtest-run">
          {t.run}
        </Button>
      </Space>
      {error && <Alert type="error" message={error} />}
      {result && <BacktestResult backtest={result} />}
    </Modal>
  );
}

function RuleSetCard({ set, reload }: { set: RuleSetOverview; reload: () => Promise<void> }) {
  const [dialog, setDialog] = useState<
    { kind: 'upload' } | { kind: 'backtest' | 'propose'; version: Version } | { kind: 'approve' | 'reject' } | null
  >(null);
  const mayChange = can('rules.change');
  const me = currentSession()?.staff.actor;
  const pending = set.pending;
  const guard = (button: JSX.Element) =>
    mayChange ? button : <Tooltip title={zhCN.app.supervisorOnly}>{button}</Tooltip>;
  const close = () => setDialog(null);
  return (
    <Card
      title={
        <Space>
          <span>{set.ruleSetId}</span>
          <Tag color="green" data-testid="rules-active-version">
            {t.activeTag} v{set.active.version}
          </Tag>
        </Space>
      }
      extra={guard(
        <Button disabled={!mayChange} onClick={() => setDialog({ kind: 'upload' })} data-testid="rules-upload">
          {t.upload}
        </Button>,
      )}
      style={{ marginBottom: 16 }}
      data-testid="rule-set"
      data-rule-set={set.ruleSetId}
    >
      <Typography.Paragraph type="secondary">
        {t.actions}：{set.actions.join('、')} · {t.since}：{time(set.active.since)} · {t.by}：{set.active.activatedBy}
      </Typography.Paragraph>
      {pending && (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          data-testid="rules-pending"
          message={`${t.pending}：v${set.versions.find((v) => v.versionId === pending.versionId)?.version} · ${pending.proposedBy} · ${pending.reason}`}
          action={
            <Space>
              {guard(
                <Button
                  size="small"
                  type="primary"
                  disabled={!mayChange || pending.proposedBy === me}
                  title={pending.proposedBy === me ? t.ownRequest : undefined}
                  onClick={() => setDialog({ kind: 'approve' })}
                  data-testid="rules-approve"
                >
                  {t.approve}
                </Button>,
              )}
              {guard(
                <Button size="small" disabled={!mayChange} onClick={() => setDialog({ kind: 'reject' })}>
                  {t.reject}
                </Button>,
              )}
            </Space>
          }
        />
      )}
      <Table<Version>
        size="small"
        rowKey="versionId"
        pagination={false}
        dataSource={set.versions}
        onRow={(v) =>
          ({ 'data-testid': 'rule-version', 'data-version': v.version }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t.columns.version,
            dataIndex: 'version',
            render: (n: number, v) => (
              <Space>
                v{n}
                {v.active && <Tag color="green">{t.activeTag}</Tag>}
              </Space>
            ),
          },
          { title: t.columns.hash, dataIndex: 'hash', render: (h: string) => <code>{h.slice(0, 12)}</code> },
          { title: t.columns.source, dataIndex: 'source', render: (s: string) => t.sources[s] ?? s },
          { title: t.columns.createdBy, dataIndex: 'createdBy' },
          { title: t.columns.createdAt, dataIndex: 'createdAt', render: time },
          { title: t.columns.backtests, dataIndex: 'backtests' },
          {
            title: t.columns.actions,
            render: (_: unknown, v) => (
              <Space>
                {guard(
                  <Button
                    size="small"
                    disabled={!mayChange}
                    onClick={() => setDialog({ kind: 'backtest', version: v })}
                    data-testid="rules-backtest"
                  >
                    {t.backtest}
                  </Button>,
                )}
                {!v.active &&
                  guard(
                    <Button
                      size="small"
                      disabled={!mayChange || v.backtests === 0 || !!pending}
                      onClick={() => setDialog({ kind: 'propose', version: v })}
                      data-testid="rules-propose"
                    >
                      {t.propose}
                    </Button>,
                  )}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t.history}
      </Typography.Title>
      <Timeline
        items={set.history.slice(0, 10).map((h) => ({
          color: h.event === 'activated' ? 'green' : h.event === 'rejected' ? 'red' : 'blue',
          children: `${time(h.at)} · v${h.version} ${t.events[h.event] ?? h.event} · ${h.actor}${h.reason ? ` · ${h.reason}` : ''}`,
        }))}
      />
      {dialog?.kind === 'upload' && <UploadDialog set={set} onClose={close} onDone={() => void reload()} />}
      {dialog?.kind === 'backtest' && (
        <BacktestDialog version={dialog.version} onClose={close} onDone={() => void reload()} />
      )}
      {dialog?.kind === 'propose' && <ProposeDialog version={dialog.version} onClose={close} onDone={reload} />}
      {(dialog?.kind === 'approve' || dialog?.kind === 'reject') && pending && (
        <ReasonDialog
          open
          title={dialog.kind === 'approve' ? t.approve : t.reject}
          testId="rules-decide"
          onClose={close}
          onSubmit={async ({ reason }) => {
            const path =
              dialog.kind === 'approve'
                ? '/api/staff/rules/proposals/{id}/approve'
                : '/api/staff/rules/proposals/{id}/reject';
            await api.post(path, { params: { id: pending.requestId }, body: { reason } });
            await reload();
          }}
        />
      )}
    </Card>
  );
}

function ProposeDialog({
  version,
  onClose,
  onDone,
}: {
  version: Version;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const detail = useLoad(
    () => api.get('/api/staff/rules/versions/{id}', { params: { id: version.versionId } }),
    [version.versionId],
  );
  const backtests = detail.data?.backtests ?? [];
  return (
    <ReasonDialog<{ backtestId: string }>
      open
      title={t.proposeTitle(version.version)}
      testId="rules-propose-dialog"
      note={<Alert type="info" message={t.proposeNote} style={{ marginBottom: 12 }} />}
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        const latest = backtests[0];
        if (!latest) throw new Error(t.backtest);
        await api.post('/api/staff/rules/versions/{id}/proposals', {
          params: { id: version.versionId },
          body: { backtestId: latest.backtestId, reason },
        });
        await onDone();
      }}
    >
      <Form.Item label={t.result}>
        {backtests[0]
          ? `${time(String(backtests[0].runAt))} · ${t.scanned} ${String(backtests[0].scanned)} · ${t.changed} ${String(backtests[0].changed)}`
          : '—'}
      </Form.Item>
    </ReasonDialog>
  );
}

/** Rule sets: live version per action, versions, backtests, four-eyes activation, publication log. */
export function RulesPage() {
  const rules = useLoad(() => api.get('/api/staff/rules'), []);
  if (rules.error) return <Alert type="error" message={rules.error.message} />;
  return (
    <div data-testid="page-rules">
      {(rules.data?.items ?? []).map((s) => (
        <RuleSetCard key={s.ruleSetId} set={s} reload={rules.reload} />
      ))}
    </div>
  );
}
