import type { RiskClient } from '@lingjie/risk-sdk/web';

// The SDK arrives when the test says so (on H5 it is an import() chunk fetched after the first screen).
let deliver: (c: RiskClient) => void = () => undefined;
const made = jest.fn();
jest.mock('./platform-client', () => ({
  createPlatformRiskClient: (options: unknown) => {
    made(options);
    return new Promise<RiskClient>((resolve) => (deliver = resolve));
  },
  afterFirstScreen: (task: () => void) => task(),
}));

function fakeClient(log: string[]): RiskClient {
  return {
    seal: jest.fn(async (action: string) => {
      log.push(`seal ${action}`);
      return `token-${action}`;
    }),
    resetSession: jest.fn(() => log.push('reset')),
    behaviour: { pageShow: (name: string) => log.push(`show ${name}`) },
  } as unknown as RiskClient;
}

async function freshModule() {
  jest.resetModules();
  made.mockClear();
  return import('.');
}

describe('the risk service while the SDK is still loading', () => {
  it('loads nothing at import, and seals once the SDK is there', async () => {
    const risk = await freshModule();
    expect(made).not.toHaveBeenCalled();
    expect(risk.riskBehaviour()).toBeNull();
    const log: string[] = [];
    const token = risk.sealAction('repay', { method: 'POST', path: '/api/loans/L1/repayments', body: {} });
    expect(made).toHaveBeenCalledTimes(1);
    deliver(fakeClient(log));
    await expect(token).resolves.toBe('token-repay');
    expect(risk.riskBehaviour()).not.toBeNull();
  });

  it('replays page events and applies a session reset before a seal asked for after it', async () => {
    const risk = await freshModule();
    const log: string[] = [];
    risk.whenRiskLoaded((c) => c.behaviour.pageShow('apply'));
    risk.preloadRiskAfterFirstScreen();
    risk.resetRiskSession();
    const token = risk.sealAction('loan.apply', { method: 'POST', path: '/api/applications', body: {} });
    deliver(fakeClient(log));
    await token;
    expect(log).toEqual(['show apply', 'reset', 'seal loan.apply']);
    expect(made).toHaveBeenCalledTimes(1); // one load, however many asked
  });
});
