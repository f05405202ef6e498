import { render, screen, waitFor, fireEvent, within } from '@testing-library/react';
import { setSession } from '../auth/session';
import { mockBank } from '../../test/fetch-mock';
import { signInAs } from '../../test/session';
import { DecisionsPage, mergeRows, type Row } from './decisions';

const summary = (id: string, action = 'loan.apply', outcome = 'approve') => ({
  decisionId: id,
  at: '2026-03-10T14:05:06.000+08:00',
  action,
  channel: 'partner-x',
  outcome,
  score: outcome === 'approve' ? 0 : 85,
  reasons: outcome === 'approve' ? [] : ['DEVICE_FARM_BATTERY', 'IP_VELOCITY'],
  category: null,
  ruleSet: { id: 'loan.apply', version: 1, hash: 'abc' },
});
const row = (id: string): Row => ({ ...summary(id), kind: 'application', ruleSet: { id: 'loan.apply', version: 1 } });

describe('the live decisions page', () => {
  beforeEach(() => signInAs('analyst'));
  afterEach(() => setSession(null));

  test('merging keeps the newest first, drops duplicates and stops at 200 rows', () => {
    const current = Array.from({ length: 199 }, (_, i) => row(`old-${i}`));
    const merged = mergeRows([row('new-1'), row('old-0')], current);
    expect(merged).toHaveLength(200);
    expect(merged[0].decisionId).toBe('new-1');
    expect(merged.filter((r) => r.decisionId === 'old-0')).toHaveLength(1);
  });

  test('shows recent decisions with outcome, score and reasons; filters reach the bank', async () => {
    const bank = mockBank({
      'GET /api/staff/risk/decisions': {
        body: { items: [summary('d2', 'loan.apply', 'reject'), summary('d1', 'drawdown', 'allow')], nextBefore: null },
      },
    });
    render(<DecisionsPage />);
    const rows = await screen.findAllByTestId('decision-row');
    expect(rows.map((r) => r.getAttribute('data-decision-id'))).toEqual(['d2', 'd1']);
    expect(rows[0]).toHaveTextContent('拒绝');
    expect(rows[0]).toHaveTextContent('DEVICE_FARM_BATTERY');
    expect(rows[0]).toHaveTextContent('85');
    expect(rows[1]).toHaveTextContent('支用');
    // The stream was opened with the session, asking for events.
    const stream = bank.requests.find((r) => r.url.startsWith('/api/staff/stream/decisions'));
    expect(stream?.headers).toMatchObject({
      accept: 'text/event-stream',
      authorization: expect.stringMatching(/^Bearer /),
    });

    fireEvent.click(within(screen.getByTestId('filter-kind')).getByText('贷款申请'));
    await waitFor(() => expect(bank.requests.some((r) => r.url.includes('action=loan.apply'))).toBe(true));
    expect(bank.requests.some((r) => r.url === '/api/staff/stream/decisions?kind=application')).toBe(true);
  });
});
