import { Card, Col, Descriptions, Row, Statistic, Table, Tag } from 'antd';
import type { Backtest } from '../api/types';
import { OutcomeTag } from '../components/outcome-tag';
import { zhCN } from '../locale/zh-CN';
import { linkProps } from '../router';

const t = zhCN.rules;
type Summary = Backtest['summary'];

/** The outcome matrix as a grid: rows are recorded outcomes, columns the candidate's. */
export function matrixRows(s: Summary): { outcomes: string[]; rows: Array<Record<string, string | number>> } {
  const ladder = ['approve', 'review', 'reject', 'allow', 'step-up', 'hold', 'block'];
  const present = new Set(s.matrix.flatMap((m) => [m.from, m.to]));
  const outcomes = ladder.filter((o) => present.has(o));
  const rows = outcomes.map((from) => {
    const row: Record<string, string | number> = { from };
    for (const to of outcomes) row[to] = s.matrix.find((m) => m.from === from && m.to === to)?.count ?? 0;
    return row;
  });
  return { outcomes, rows };
}

/** What a candidate rule set would have changed on the recorded decisions of a period. */
export function BacktestResult({ backtest }: { backtest: Backtest }) {
  const s = backtest.summary;
  const { outcomes, rows } = matrixRows(s);
  return (
    <div data-testid="backtest-result">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t.scanned} value={s.scanned} suffix={s.truncated ? t.truncated : undefined} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t.changed}
            value={s.changed}
            valueStyle={{ color: s.changed ? '#cf1322' : undefined }}
            data-testid="backtest-changed"
          />
        </Col>
        <Col span={12}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t.baseline}>
              {s.baseline ? `${s.baseline.id}@${s.baseline.version}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t.period}>
              {s.from.slice(0, 16).replace('T', ' ')} — {s.to.slice(0, 16).replace('T', ' ')}
            </Descriptions.Item>
          </Descriptions>
        </Col>
      </Row>
      <Card size="small" title={t.matrix} style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey="from"
          pagination={false}
          dataSource={rows}
          data-testid="backtest-matrix"
          columns={[
            { title: '', dataIndex: 'from', render: (o: string) => <OutcomeTag outcome={o} /> },
            ...outcomes.map((o) => ({
              title: <OutcomeTag outcome={o} />,
              dataIndex: o,
              render: (n: number, r: Record<string, string | number>) =>
                r.from !== o && n > 0 ? <Tag color="red">{n}</Tag> : n,
            })),
          ]}
        />
      </Card>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.byReason}>
            <Table
              size="small"
              rowKey="code"
              pagination={{ pageSize: 8 }}
              dataSource={s.byReason}
              columns={[
                { title: t.reasonColumns.code, dataIndex: 'code' },
                { title: t.reasonColumns.hitsBefore, dataIndex: 'hitsBefore' },
                { title: t.reasonColumns.hitsAfter, dataIndex: 'hitsAfter' },
                { title: t.reasonColumns.changed, dataIndex: 'changed' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.byChannel}>
            <Table
              size="small"
              rowKey="channel"
              pagination={{ pageSize: 8 }}
              dataSource={s.byChannel}
              columns={[
                { title: t.channelColumns.channel, dataIndex: 'channel' },
                { title: t.channelColumns.total, dataIndex: 'total' },
                { title: t.channelColumns.changed, dataIndex: 'changed' },
                { title: t.channelColumns.passedBefore, dataIndex: 'passedBefore' },
                { title: t.channelColumns.passedAfter, dataIndex: 'passedAfter' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t.examples} style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey="decisionId"
          pagination={false}
          dataSource={s.examples}
          columns={[
            {
              title: t.exampleColumns.decision,
              dataIndex: 'decisionId',
              render: (id: string) => <a {...linkProps(`/decisions/${id}`)}>{id.slice(0, 13)}…</a>,
            },
            { title: t.exampleColumns.channel, dataIndex: 'channel' },
            {
              title: t.exampleColumns.before,
              dataIndex: 'before',
              render: (b: Summary['examples'][number]['before']) => (
                <>
                  <OutcomeTag outcome={b.outcome} /> {b.score} {b.reasons.join(' ')}
                </>
              ),
            },
            {
              title: t.exampleColumns.after,
              dataIndex: 'after',
              render: (b: Summary['examples'][number]['after']) => (
                <>
                  <OutcomeTag outcome={b.outcome} /> {b.score} {b.reasons.join(' ')}
                </>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
