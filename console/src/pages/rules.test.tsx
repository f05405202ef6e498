import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setSession } from '../auth/session';
import { mockBank } from '../../test/fetch-mock';
import { signInAs } from '../../test/session';
import { BacktestResult, matrixRows } from './backtest-result';
import { nextVersionTemplate, RulesPage } from './rules';

const summary = {
  candidate: { id: 'loan.apply', version: 2, hash: 'h2' },
  baseline: { id: 'loan.apply', version: 1, hash: 'h1' },
  from: '2026-03-10T00:00:00.000+08:00',
  to: '2026-03-11T00:00:00.000+08:00',
  scanned: 10,
  truncated: false,
  changed: 4,
  recordedBy: [{ version: 1, hash: 'h1', count: 10 }],
  matrix: [
    { from: 'approve', to: 'approve', count: 6 },
    { from: 'approve', to: 'review', count: 4 },
  ],
  byReason: [{ code: 'IP_VELOCITY', hitsBefore: 1, hitsAfter: 4, changed: 4 }],
  byChannel: [{ channel: 'partner-x', total: 10, changed: 4, passedBefore: 10, passedAfter: 6 }],
  examples: [
    {
      decisionId: '0193aaaa-bbbb',
      at: '2026-03-10T14:00:00.000+08:00',
      channel: 'partner-x',
      before: { outcome: 'approve', score: 30, reasons: ['IP_VELOCITY'] },
      after: { outcome: 'review', score: 30, reasons: ['IP_VELOCITY'] },
    },
  ],
};

const version = (v: number, active: boolean, backtests = 0) => ({
  versionId: `rsv_v${v}`,
  ruleSetId: 'loan.apply',
  version: v,
  hash: `hash${v}`.padEnd(64, '0'),
  source: v === 1 ? 'start-up' : 'upload',
  note: null,
  createdBy: v === 1 ? 'system' : 'staff:supervisor',
  createdAt: '2026-03-10T09:00:00.000+08:00',
  active,
  backtests,
});
const overview = (pending: object | null) => ({
  items: [
    {
      ruleSetId: 'loan.apply',
      actions: ['loan.apply'],
      active: { ...version(1, true), since: '2026-03-10T09:00:00.000+08:00', activatedBy: 'system' },
      versions: [version(2, false, 1), version(1, true)],
      pending,
      history: [
        {
          seq: 1,
          versionId: 'rsv_v1',
          version: 1,
          event: 'activated',
          actor: 'system',
          reason: '启动时生效的规则集',
          at: '2026-03-10T09:00:00.000+08:00',
        },
      ],
    },
  ],
});

describe('rules', () => {
  afterEach(() => setSession(null));

  test('the template of the next version bumps the version and points at the active one', () => {
    const t = JSON.parse(nextVersionTemplate({ id: 'loan.apply', version: 3, status: 'committed' }, 5));
    expect(t).toMatchObject({ id: 'loan.apply', version: 6, basedOn: 3, status: 'committed' });
  });

  test('a backtest shows the outcome matrix with the changed cells, per reason, per channel and examples', () => {
    const { outcomes, rows } = matrixRows(summary);
    expect(outcomes).toEqual(['approve', 'review']);
    expect(rows).toEqual([
      { from: 'approve', approve: 6, review: 4 },
      { from: 'review', approve: 0, review: 0 },
    ]);
    render(
      <BacktestResult
        backtest={{ backtestId: 'bkt_1', versionId: 'rsv_v2', runBy: 'staff:supervisor', runAt: summary.to, summary }}
      />,
    );
    expect(screen.getByTestId('backtest-changed')).toHaveTextContent('4');
    expect(screen.getByText('IP_VELOCITY', { selector: 'td' })).toBeInTheDocument();
    expect(screen.getAllByText('partner-x', { selector: 'td' }).length).toBe(2);
  });

  test('four eyes in the page: the proposer cannot approve, another supervisor can', async () => {
    signInAs('supervisor');
    const pending = {
      requestId: 'rsr_1',
      ruleSetId: 'loan.apply',
      versionId: 'rsv_v2',
      backtestId: 'bkt_1',
      status: 'pending',
      proposedBy: 'staff:supervisor',
      proposedAt: '2026-03-10T10:00:00.000+08:00',
      reason: '收紧',
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
    };
    mockBank({ 'GET /api/staff/rules': { body: overview(pending) } });
    const { unmount } = render(<RulesPage />);
    expect(await screen.findByTestId('rules-pending')).toHaveTextContent('v2');
    expect(screen.getByTestId('rules-approve')).toBeDisabled();
    unmount();

    const bank = mockBank({
      'GET /api/staff/rules': { body: overview({ ...pending, proposedBy: 'staff:supervisor2' }) },
      'POST /api/staff/rules/proposals/*/approve': { body: { ...pending, status: 'approved' } },
    });
    render(<RulesPage />);
    fireEvent.click(await screen.findByTestId('rules-approve'));
    fireEvent.change(await screen.findByTestId('rules-decide-reason'), { target: { value: '已看回测' } });
    fireEvent.click(screen.getByTestId('rules-decide-ok'));
    await waitFor(() => expect(bank.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(bank.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: '/api/staff/rules/proposals/rsr_1/approve',
      body: { reason: '已看回测' },
    });
  });

  test('an analyst sees the rules but every change is greyed out', async () => {
    signInAs('analyst');
    mockBank({ 'GET /api/staff/rules': { body: overview(null) } });
    render(<RulesPage />);
    const set = await screen.findByTestId('rule-set');
    expect(within(set).getByTestId('rules-active-version')).toHaveTextContent('v1');
    expect(within(set).getByTestId('rules-upload')).toBeDisabled();
    expect(
      within(set)
        .getAllByTestId('rules-backtest')
        .every((b) => (b as HTMLButtonElement).disabled),
    ).toBe(true);
  });
});
