import { Alert, Badge, Button, Form, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { Hold, StaffReview } from '../api/types';
import { can, currentSession } from '../auth/session';
import { ReasonDialog } from '../components/reason-dialog';
import { useLoad } from '../components/use-load';
import { zhCN } from '../locale/zh-CN';
import { linkProps } from '../router';

const t = zhCN.reviews;
const REFRESH_MS = 5000;
const STATUS_COLOURS: Record<string, string> = {
  submitted: 'blue',
  in_review: 'gold',
  answered: 'green',
  pending: 'gold',
  released: 'green',
  refused: 'red',
};
const time = (iso: string | null) => (iso ? iso.slice(0, 19).replace('T', ' ') : '—');

function RequestsTab() {
  const reviews = useLoad(() => api.get('/api/staff/reviews'), [], REFRESH_MS);
  const [answering, setAnswering] = useState<StaffReview | null>(null);
  const complaint = answering?.kind === 'complaint';
  const [error, setError] = useState<string | null>(null);
  const me = currentSession()?.staff.actor;
  const mayAnswer = can('reviews.answer');
  const claim = async (r: StaffReview) => {
    setError(null);
    try {
      await api.post('/api/staff/reviews/{id}/claim', { params: { id: r.id } });
      await reviews.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      <Table<StaffReview>
        rowKey="id"
        size="small"
        dataSource={reviews.data?.items ?? []}
        loading={reviews.loading && !reviews.data}
        pagination={{ pageSize: 20 }}
        onRow={(r) =>
          ({
            'data-testid': 'review-row',
            'data-review-id': r.id,
            'data-status': r.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t.columns.createdAt, dataIndex: 'createdAt', width: 160, render: time },
          {
            title: t.columns.customer,
            dataIndex: 'customer',
            width: 150,
            render: (c: StaffReview['customer']) => (c ? `${c.name ?? '—'} ${c.phone ?? ''}` : '—'),
          },
          {
            title: t.columns.subject,
            width: 220,
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                {r.kind === 'complaint' ? (
                  <span data-testid="review-kind">
                    <Tag color="purple">{t.complaint}</Tag>
                    {t.complaintCategories[r.category ?? 'other'] ?? r.category}
                  </span>
                ) : (
                  <span>{t.subjects[r.subject]}</span>
                )}
                {r.applicationId && <Typography.Text type="secondary">{r.applicationId}</Typography.Text>}
                {r.decisionId && <a {...linkProps(`/decisions/${r.decisionId}`)}>{t.decisionLink}</a>}
              </Space>
            ),
          },
          { title: t.columns.reason, dataIndex: 'reason' },
          {
            title: t.columns.status,
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={STATUS_COLOURS[s]}>{t.statuses[s] ?? s}</Tag>,
          },
          { title: t.columns.handler, dataIndex: 'claimedBy', width: 140, render: (v: string | null) => v ?? '—' },
          {
            title: t.columns.answer,
            width: 220,
            render: (_: unknown, r) =>
              r.verdict
                ? `${r.verdict === 'overturn' ? t.overturn : t.uphold}：${r.answer}`
                : r.answer
                  ? t.complaintAnswer(r.answer)
                  : '—',
          },
          {
            title: t.columns.actions,
            width: 150,
            render: (_: unknown, r) =>
              r.status === 'answered' || !mayAnswer ? null : (
                <Space>
                  {r.status === 'submitted' && (
                    <Button size="small" onClick={() => claim(r)} data-testid="review-claim">
                      {t.claim}
                    </Button>
                  )}
                  {(r.status === 'submitted' || r.claimedBy === me) && (
                    <Button size="small" type="primary" onClick={() => setAnswering(r)} data-testid="review-answer">
                      {t.answer}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <ReasonDialog<{ verdict: 'uphold' | 'overturn' }>
        open={!!answering}
        title={complaint ? t.answerComplaintTitle : t.answerTitle}
        testId="answer-dialog"
        reasonLabel={t.answerReason}
        initialValues={{ verdict: 'uphold' }}
        note={<Alert type="info" message={complaint ? t.complaintNote : t.overturnNote} style={{ marginBottom: 12 }} />}
        onClose={() => setAnswering(null)}
        onSubmit={async (v) => {
          if (!answering) return;
          // A complaint is answered in writing only; a review needs its verdict.
          await api.post('/api/staff/reviews/{id}/answer', {
            params: { id: answering.id },
            body: complaint ? { reason: v.reason } : { verdict: v.verdict, reason: v.reason },
          });
          await reviews.reload();
        }}
      >
        {!complaint && (
          <Form.Item name="verdict" label={t.verdict}>
            <Radio.Group
              options={[
                { value: 'uphold', label: t.uphold },
                { value: 'overturn', label: t.overturn },
              ]}
              data-testid="answer-verdict"
            />
          </Form.Item>
        )}
      </ReasonDialog>
    </>
  );
}

function HoldsTab() {
  const holds = useLoad(() => api.get('/api/staff/risk/holds'), [], REFRESH_MS);
  const [acting, setActing] = useState<{ hold: Hold; verb: 'release' | 'refuse' } | null>(null);
  const mayResolve = can('holds.resolve');
  return (
    <>
      <Table<Hold>
        rowKey="decisionId"
        size="small"
        dataSource={holds.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        onRow={(h) => ({ 'data-testid': 'hold-row', 'data-status': h.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t.holdColumns.createdAt, dataIndex: 'createdAt', width: 160, render: time },
          { title: t.holdColumns.action, dataIndex: 'action', render: (a: string) => zhCN.actions[a] ?? a },
          {
            title: t.holdColumns.decision,
            dataIndex: 'decisionId',
            render: (id: string) => <a {...linkProps(`/decisions/${id}`)}>{id.slice(0, 13)}…</a>,
          },
          {
            title: t.holdColumns.status,
            dataIndex: 'status',
            render: (s: string) => <Tag color={STATUS_COLOURS[s]}>{t.holdStatuses[s] ?? s}</Tag>,
          },
          { title: zhCN.app.reason, dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
          {
            title: t.columns.actions,
            width: 150,
            render: (_: unknown, h) =>
              h.status === 'pending' && mayResolve ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setActing({ hold: h, verb: 'release' })}>
                    {t.release}
                  </Button>
                  <Button size="small" danger onClick={() => setActing({ hold: h, verb: 'refuse' })}>
                    {t.refuse}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <ReasonDialog
        open={!!acting}
        title={acting?.verb === 'release' ? t.releaseTitle : t.refuseTitle}
        testId="hold-dialog"
        onClose={() => setActing(null)}
        onSubmit={async ({ reason }) => {
          if (!acting) return;
          const path =
            acting.verb === 'release' ? '/api/staff/risk/holds/{id}/release' : '/api/staff/risk/holds/{id}/refuse';
          await api.post(path, { params: { id: acting.hold.decisionId }, body: { reason } });
          await holds.reload();
        }}
      />
    </>
  );
}

/** The human-review queue (PIPL Art. 24): customers' review requests and money moves held for review. */
export function ReviewsPage() {
  const open = useLoad(() => api.get('/api/staff/reviews', { query: { status: 'submitted' } }), [], REFRESH_MS);
  const held = useLoad(() => api.get('/api/staff/risk/holds', { query: { status: 'pending' } }), [], REFRESH_MS);
  return (
    <div data-testid="page-reviews">
      <Tabs
        items={[
          {
            key: 'requests',
            label: (
              <Badge count={open.data?.items.length ?? 0} offset={[12, 0]}>
                {t.requests}
              </Badge>
            ),
            children: <RequestsTab />,
          },
          {
            key: 'holds',
            label: (
              <Badge count={held.data?.items.length ?? 0} offset={[12, 0]}>
                {t.holds}
              </Badge>
            ),
            children: <HoldsTab />,
          },
        ]}
      />
    </div>
  );
}
