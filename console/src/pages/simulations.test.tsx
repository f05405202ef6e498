import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setSession } from '../auth/session';
import { mockBank } from '../../test/fetch-mock';
import { signInAs } from '../../test/session';
import { SimulationsPage } from './simulations';

const run = (over: object) => ({
  id: 'sim_1',
  scenario: 'surge-demo',
  scale: 1,
  seed: null,
  status: 'running',
  startedBy: 'staff:supervisor',
  startedAt: '2026-12-01T10:00:00.000+08:00',
  finishedAt: null,
  summary: null,
  error: null,
  hasReport: false,
  ...over,
});
const scenarios = {
  'GET /api/staff/simulations/scenarios': {
    body: { items: [{ name: 'surge-demo', description: 'gang on partner-x' }] },
  },
};

describe('the simulations page', () => {
  afterEach(() => setSession(null));

  test('starts surge-demo in real time by default and says what the pace means', async () => {
    signInAs('supervisor');
    const bank = mockBank({
      ...scenarios,
      'GET /api/staff/simulations': { body: { items: [] } },
      'POST /api/staff/simulations': { status: 202, body: run({}) },
    });
    render(<SimulationsPage />);
    expect(await screen.findByText(/默认“实时”节奏/)).toBeInTheDocument();
    expect(screen.getByTestId('simulation-pace')).toHaveTextContent('实时');
    await waitFor(() => expect(screen.getByTestId('simulation-start')).toBeEnabled());
    fireEvent.click(screen.getByTestId('simulation-start'));
    await waitFor(() => expect(bank.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(bank.requests.find((r) => r.method === 'POST')?.body).toEqual({
      scenario: 'surge-demo',
      scale: 1,
      pace: 'realtime',
    });
  });

  test('a running run can be stopped; a stopped run shows as 已停止 with its pace', async () => {
    signInAs('supervisor');
    let stopped = false;
    const bank = mockBank({
      ...scenarios,
      'GET /api/staff/simulations': () => ({
        body: {
          items: [
            stopped
              ? run({
                  status: 'stopped',
                  summary: { pace: 'realtime', checks: [{ name: 'x', pass: true, detail: '' }] },
                })
              : run({}),
          ],
        },
      }),
      'POST /api/staff/simulations/*/stop': () => {
        stopped = true;
        return { body: run({ status: 'stopped' }) };
      },
      'GET /api/staff/simulations/*/report': { body: '<html>report</html>' },
    });
    render(<SimulationsPage />);
    fireEvent.click(await screen.findByTestId('simulation-stop'));
    await waitFor(() =>
      expect(bank.requests.some((r) => r.url.endsWith('/api/staff/simulations/sim_1/stop'))).toBe(true),
    );
    const row = await screen.findByText('已停止');
    expect(row.closest('[data-testid="simulation-row"]')).toHaveAttribute('data-status', 'stopped');
    expect(row.closest('[data-testid="simulation-row"]')).toHaveTextContent('实时');
    expect(screen.queryByTestId('simulation-stop')).toBeNull();
  });

  test('an analyst cannot start or stop a run', async () => {
    signInAs('analyst');
    mockBank({ ...scenarios, 'GET /api/staff/simulations': { body: { items: [run({})] } } });
    render(<SimulationsPage />);
    expect(await screen.findByTestId('simulation-stop')).toBeDisabled();
    expect(screen.getByTestId('simulation-start')).toBeDisabled();
  });
});
