import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setSession } from '../auth/session';
import { mockBank } from '../../test/fetch-mock';
import { signInAs } from '../../test/session';
import { DecisionDetailPage } from './decision-detail';

const record = {
  decisionId: 'd-1',
  at: '2026-03-10T14:05:06.000+08:00',
  action: 'loan.apply',
  channel: 'partner-x',
  outcome: 'reject',
  score: 120,
  reasons: ['DEVICE_FARM_BATTERY'],
  category: 'device',
  ruleSet: { id: 'loan.apply', version: 2, hash: 'abcdef0123456789' },
  engineVersion: '1.0.0',
  subjects: { user: 'h1', device: 'h2' },
  features: { 'device.batteryLevel': 100, 'ctx.channel': 'partner-x' },
  rules: [
    {
      code: 'DEVICE_FARM_BATTERY',
      ruleVersion: 1,
      status: 'hit',
      value: 1,
      band: 'b1',
      weight: 60,
      evidence: { level: 100, charging: true },
      text: '电量恒为 100% 且一直充电',
    },
    {
      code: 'IP_VELOCITY',
      ruleVersion: 1,
      status: 'no_hit',
      value: 1,
      band: 'b0',
      weight: 0,
      evidence: {},
      text: '正常',
    },
  ],
};
const context = {
  decisionId: 'd-1',
  customer: {
    userId: 'usr_AAAAAAAAAAAAAAAA',
    name: '张*',
    idNumber: '110**************4',
    phone: '139****0001',
    masked: true,
  },
  application: null,
  hold: null,
  reviews: [],
  device: {
    key: 'devicehash0123456789abcdefghij',
    identities: [
      {
        userId: 'usr_AAAAAAAAAAAAAAAA',
        name: '张*',
        idNumber: '110**************4',
        phone: '139****0001',
        masked: true,
        decisions: 2,
        lastAt: record.at,
      },
      {
        userId: 'usr_BBBBBBBBBBBBBBBB',
        name: '李*',
        idNumber: '350**************2',
        phone: '138****0002',
        masked: true,
        decisions: 1,
        lastAt: record.at,
      },
    ],
  },
};

describe('the decision page', () => {
  afterEach(() => setSession(null));

  test('every reason with its evidence, the rule-set version, the features and the device identities (masked)', async () => {
    signInAs('analyst');
    mockBank({
      'GET /api/staff/risk/decisions/d-1': { body: record },
      'GET /api/staff/decisions/d-1/context': { body: context },
    });
    render(<DecisionDetailPage id="d-1" />);
    const reason = await screen.findByTestId('decision-reason');
    expect(reason).toHaveTextContent('DEVICE_FARM_BATTERY');
    expect(reason).toHaveTextContent('权重 60');
    expect(reason).toHaveTextContent('level=100，charging=true');
    expect(screen.getByTestId('decision-rule-set')).toHaveTextContent('loan.apply@2 #abcdef012345');
    expect(screen.getByTestId('decision-outcome')).toHaveTextContent('拒绝');
    expect(await screen.findByText('该设备上出现过 2 个身份')).toBeInTheDocument();
    expect(screen.getByText('李*')).toBeInTheDocument();
    expect(screen.getByText('device.batteryLevel')).toBeInTheDocument();
    expect(screen.queryByTestId('reveal-open')).toBeNull();
  });

  test('a supervisor reveals the customer with a reason', async () => {
    signInAs('supervisor');
    const bank = mockBank({
      'GET /api/staff/risk/decisions/d-1': { body: record },
      'GET /api/staff/decisions/d-1/context': { body: context },
      'POST /api/staff/customers/*/reveal': {
        body: {
          userId: 'usr_AAAAAAAAAAAAAAAA',
          name: '张三',
          idNumber: '110105198506150014',
          phone: '13900000001',
          masked: false,
        },
      },
    });
    render(<DecisionDetailPage id="d-1" />);
    fireEvent.click(await screen.findByTestId('reveal-open'));
    fireEvent.change(await screen.findByTestId('reveal-reason'), { target: { value: '客户来电核实' } });
    fireEvent.click(screen.getByTestId('reveal-ok'));
    await waitFor(() => expect(screen.getByTestId('customer-id-number')).toHaveTextContent('110105198506150014'));
    expect(bank.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: '/api/staff/customers/usr_AAAAAAAAAAAAAAAA/reveal',
      body: { reason: '客户来电核实' },
    });
  });
});
