import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setSession } from '../auth/session';
import { mockBank } from '../../test/fetch-mock';
import { signInAs } from '../../test/session';
import { ChannelsPage } from './channels';

const channel = (name: string, state: string, condition: object | null = null) => ({
  channel: name,
  state,
  condition,
  evidence: {
    count: state === 'normal' ? 3 : 42,
    expected: 1.5,
    pValue: 1e-9,
    approvalRate: 0.1,
    baselineApprovalRate: 0.8,
    riskShare: 0.9,
    windowMinutes: 3,
  },
});
const routes = (extra = {}) => ({
  'GET /api/staff/risk/channels': { body: { items: [channel('organic', 'normal'), channel('partner-x', 'watch')] } },
  'GET /api/staff/risk/channels/*/series': { body: { channel: 'partner-x', from: 'x', to: 'y', items: [] } },
  'GET /api/staff/risk/alerts': {
    body: {
      items: [
        {
          id: 'a1',
          channel: 'partner-x',
          at: '2026-03-10T14:03:00.000+08:00',
          kind: 'surge',
          evidence: { count: 42, expected: 1.5 },
        },
      ],
    },
  },
  ...extra,
});

describe('the channels page', () => {
  afterEach(() => setSession(null));

  test('shows every channel with its state, the surge evidence and the alerts; an analyst cannot lock down', async () => {
    signInAs('analyst');
    mockBank(routes());
    render(<ChannelsPage />);
    const cards = await screen.findAllByTestId('channel-card');
    expect(cards.map((c) => [c.getAttribute('data-channel'), c.getAttribute('data-state')])).toEqual([
      ['organic', 'normal'],
      ['partner-x', 'watch'],
    ]);
    // The channel that is not normal is shown first.
    expect(screen.getByTestId('channel-name')).toHaveTextContent('partner-x');
    expect(screen.getByTestId('channel-state')).toHaveTextContent('观察');
    expect((await screen.findAllByTestId('alert-item'))[0]).toHaveTextContent('申请激增');
    expect(screen.getAllByText('90.0%').length).toBeGreaterThan(0);
    expect(screen.getByTestId('channel-lockdown')).toBeDisabled();
  });

  test('a supervisor locks a channel down with a mode and a required reason', async () => {
    signInAs('supervisor');
    const bank = mockBank(
      routes({
        'POST /api/staff/risk/channels/*/lockdown': { body: { id: 'c1', channel: 'partner-x', mode: 'reject' } },
      }),
    );
    render(<ChannelsPage />);
    fireEvent.click(await screen.findByTestId('channel-lockdown'));
    fireEvent.click(await screen.findByTestId('lockdown-dialog-ok'));
    expect(await screen.findByText('请填写原因')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('lockdown-dialog-reason'), { target: { value: '申请量激增' } });
    fireEvent.click(screen.getByTestId('lockdown-dialog-ok'));
    await waitFor(() => expect(bank.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(bank.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: '/api/staff/risk/channels/partner-x/lockdown',
      body: { mode: 'reject', reason: '申请量激增' },
    });
  });
});
