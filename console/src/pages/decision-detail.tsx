import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  List,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Alert,
} from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { Decision, DecisionContext } from '../api/types';
import { can } from '../auth/session';
import { OutcomeTag } from '../components/outcome-tag';
import { ReasonDialog } from '../components/reason-dialog';
import { useLoad } from '../components/use-load';
import { zhCN } from '../locale/zh-CN';
import { linkProps } from '../router';

const t = zhCN.decision;
type Customer = NonNullable<DecisionContext['customer']>;
type Rule = Decision['rules'][number];

const evidenceText = (e: Record<string, unknown>) =>
  Object.entries(e)
    .map(([k, v]) => `${k}=${v === null ? '—' : String(v)}`)
    .join('，');

function CustomerCard({ customer }: { customer: Customer | null }) {
  const [shown, setShown] = useState<Customer | null>(null);
  const [asking, setAsking] = useState(false);
  const c = shown ?? customer;
  return (
    <Card
      size="small"
      title={t.customer}
      data-testid="decision-customer"
      extra={
        customer &&
        !shown &&
        (can('customers.reveal') ? (
          <Button size="small" onClick={() => setAsking(true)} data-testid="reveal-open">
            {t.reveal}
          </Button>
        ) : (
          <Tag>{t.masked}</Tag>
        ))
      }
    >
      {c ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t.name}>{c.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.idNumber}>
            <span data-testid="customer-id-number">{c.idNumber ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.phone}>{c.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="userId">{c.userId}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty description={t.noCustomer} />
      )}
      {customer && (
        <ReasonDialog
          open={asking}
          title={t.revealTitle}
          note={<Alert type="warning" message={t.revealNote} style={{ marginBottom: 12 }} />}
          testId="reveal"
          onClose={() => setAsking(false)}
          onSubmit={async ({ reason }) => {
            setShown(
              await api.post('/api/staff/customers/{userId}/reveal', {
                params: { userId: customer.userId },
                body: { reason },
              }),
            );
          }}
        />
      )}
    </Card>
  );
}

function ReasonsCard({ rules }: { rules: Rule[] }) {
  const hits = rules.filter((r) => r.status === 'hit' && r.weight > 0).sort((a, b) => b.weight - a.weight);
  return (
    <Card size="small" title={t.reasons} data-testid="decision-reasons">
      {hits.length === 0 ? (
        <Typography.Text type="secondary">{t.noReasons}</Typography.Text>
      ) : (
        <List
          dataSource={hits}
          renderItem={(r) => (
            <List.Item data-testid="decision-reason" data-code={r.code}>
              <List.Item.Meta
                title={
                  <Space>
                    <Tag color="red">{r.code}</Tag>
                    <span>{t.weight(r.weight)}</span>
                    {r.force && <Tag color="volcano">→ {zhCN.outcomes[r.force] ?? r.force}</Tag>}
                  </Space>
                }
                description={
                  <>
                    <div>{r.text}</div>
                    <Typography.Text type="secondary">
                      {t.evidence}：{evidenceText(r.evidence)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/**
 * One decision as the engine recorded it (never recomputed): every reason with its evidence, every
 * rule's result, the features it saw and the rule-set version; beside it the customer (masked), the
 * application, and the device with every identity seen on it.
 */
export function DecisionDetailPage({ id }: { id: string }) {
  const record = useLoad(() => api.get('/api/staff/risk/decisions/{id}', { params: { id } }), [id]);
  const context = useLoad(() => api.get('/api/staff/decisions/{id}/context', { params: { id } }), [id]);
  const [q, setQ] = useState('');
  const d = record.data;
  const ctx = context.data;
  if (record.error) return <Alert type="error" message={record.error.message} data-testid="decision-error" />;
  if (!d) return <Spin />;
  const features = Object.entries(d.features)
    .filter(([k]) => k.toLowerCase().includes(q.toLowerCase()))
    .map(([name, value]) => ({ name, value: value === null ? '—' : String(value) }));
  return (
    <div data-testid="page-decision">
      <Space style={{ marginBottom: 12 }}>
        <a {...linkProps('/decisions')}>← {t.back}</a>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t.summary}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t.id} span={2}>
                <Typography.Text copyable>{d.decisionId}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t.at}>{d.at.replace('T', ' ').slice(0, 19)}</Descriptions.Item>
              <Descriptions.Item label={t.action}>{zhCN.actions[d.action] ?? d.action}</Descriptions.Item>
              <Descriptions.Item label={t.channel}>{d.channel}</Descriptions.Item>
              <Descriptions.Item label={t.outcome}>
                <span data-testid="decision-outcome">
                  <OutcomeTag outcome={d.outcome} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t.score}>{d.score}</Descriptions.Item>
              <Descriptions.Item label={t.forcedBy}>{d.forcedBy ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t.ruleSet} span={2}>
                <span data-testid="decision-rule-set">
                  {d.ruleSet.id}@{d.ruleSet.version} #{d.ruleSet.hash.slice(0, 12)}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t.engineVersion}>{d.engineVersion}</Descriptions.Item>
              <Descriptions.Item label={t.category}>{d.category ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <div style={{ height: 16 }} />
          <ReasonsCard rules={d.rules} />
        </Col>
        <Col xs={24} xl={10}>
          <CustomerCard customer={ctx?.customer ?? null} />
          <div style={{ height: 16 }} />
          <Card size="small" title={t.device} data-testid="decision-device">
            {ctx?.device ? (
              <>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {t.deviceKey}：{ctx.device.key.slice(0, 24)}…
                </Typography.Paragraph>
                <Typography.Text strong>{t.identities(ctx.device.identities.length)}</Typography.Text>
                <Table
                  size="small"
                  rowKey="userId"
                  pagination={false}
                  dataSource={ctx.device.identities}
                  columns={[
                    { title: 'userId', dataIndex: 'userId', render: (v: string) => <code>{v.slice(0, 12)}</code> },
                    { title: t.identityColumns.name, dataIndex: 'name' },
                    { title: t.identityColumns.idNumber, dataIndex: 'idNumber' },
                    { title: t.identityColumns.phone, dataIndex: 'phone' },
                    { title: t.identityColumns.decisions, dataIndex: 'decisions', width: 70 },
                  ]}
                />
              </>
            ) : (
              <Typography.Text type="secondary">{t.noDevice}</Typography.Text>
            )}
          </Card>
          {ctx?.application && (
            <Card size="small" title={t.application} style={{ marginTop: 16 }}>
              {ctx.application.id} · {ctx.application.status} ·{' '}
              {(ctx.application.amountFen / 100).toLocaleString('zh-CN')} 元
            </Card>
          )}
          {ctx?.hold && (
            <Card size="small" title={t.hold} style={{ marginTop: 16 }}>
              {zhCN.reviews.holdStatuses[ctx.hold.status] ?? ctx.hold.status}
            </Card>
          )}
          {ctx && ctx.reviews.length > 0 && (
            <Card size="small" title={t.reviews} style={{ marginTop: 16 }}>
              {ctx.reviews.map((r) => (
                <div key={r.id}>
                  {r.id} · {zhCN.reviews.statuses[r.status] ?? r.status}
                </div>
              ))}
            </Card>
          )}
        </Col>
        <Col span={24}>
          <Card size="small" title={t.rules}>
            <Table<Rule>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={d.rules}
              columns={[
                { title: t.ruleColumns.code, dataIndex: 'code', width: 220 },
                {
                  title: t.ruleColumns.status,
                  dataIndex: 'status',
                  width: 80,
                  render: (s: string) => (
                    <Tag color={s === 'hit' ? 'red' : s === 'error' ? 'orange' : undefined}>{t.statuses[s] ?? s}</Tag>
                  ),
                },
                { title: t.ruleColumns.value, dataIndex: 'value', width: 80, render: (v: number | null) => v ?? '—' },
                { title: t.ruleColumns.weight, dataIndex: 'weight', width: 70 },
                { title: t.ruleColumns.text, dataIndex: 'text', render: (v: string, r) => v || r.exit || '—' },
                {
                  title: t.ruleColumns.evidence,
                  dataIndex: 'evidence',
                  render: (e: Record<string, unknown>) => evidenceText(e),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={t.features}
            extra={
              <Input.Search
                allowClear
                placeholder={t.featureSearch}
                onChange={(e) => setQ(e.target.value)}
                style={{ width: 220 }}
              />
            }
          >
            <Table
              size="small"
              rowKey="name"
              dataSource={features}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: t.featureColumns.name, dataIndex: 'name', width: 320 },
                { title: t.featureColumns.value, dataIndex: 'value' },
              ]}
              data-testid="decision-features"
            />
          </Card>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
            {t.subjects}：{Object.keys(d.subjects).join('、')}
          </Typography.Paragraph>
        </Col>
      </Row>
    </div>
  );
}
