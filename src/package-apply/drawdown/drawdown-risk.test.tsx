import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import DrawdownPage from '.';
import { navigations, network, resetTaroMock, type RequestOptions } from '../../../test/mocks/taro';
import { contractFixture } from '../shared/contract-fixture';

// The bank's risk answers on a drawdown, as the customer meets them: an SMS re-check they can pass,
// a hold for staff review, a refusal with the way to a person.
jest.mock('@tarojs/taro', () => {
  const mock = jest.requireActual('../../../test/mocks/taro');
  return { ...mock, __esModule: true, default: mock.default, useRouter: () => ({ params: { contractId: 'ctr_1' } }) };
});
jest.mock('../../services/risk', () => ({
  ...jest.requireActual('../../services/risk'),
  sealAction: async () => 'sealed-token',
}));

const contract = contractFixture('signed');
const account = { id: 'acc_1', kind: 'card', accountNo: '6222 **** 0128', holderName: '张三', bankName: '零接银行' };
const STEP_UP = {
  code: 'RISK_STEP_UP',
  message: '为保障资金安全，本次操作需要短信验证：请获取验证码，输入后重新提交。',
  decisionId: 'dec_step_1',
};

let draws: RequestOptions[] = [];
let smsRequests: RequestOptions[] = [];
function bank(drawAnswer: (o: RequestOptions) => { statusCode: number; data?: unknown }) {
  draws = [];
  smsRequests = [];
  network.respond = (o) => {
    if (o.method === 'POST' && o.url.endsWith('/contracts/ctr_1/drawdowns')) {
      draws.push(o);
      return drawAnswer(o);
    }
    if (o.method === 'POST' && o.url.endsWith('/risk/step-up/sms')) {
      smsRequests.push(o);
      return { statusCode: 200, data: { sent: true, phone: '138****8000', expiresAt: '2026-03-01T10:05:00+08:00' } };
    }
    if (o.url.endsWith('/contracts/ctr_1')) return { statusCode: 200, data: contract };
    if (o.url.endsWith('/loans')) return { statusCode: 200, data: { items: [] } };
    if (o.url.endsWith('/accounts')) return { statusCode: 200, data: { items: [account] } };
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
  };
}
const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(`${testId}-input`), { target: { value } });

async function draw() {
  render(<DrawdownPage />);
  await screen.findByTestId('draw-amount-input');
  type('draw-amount', '50000');
  fireEvent.click(screen.getByTestId('account-acc_1'));
  fireEvent.click(screen.getByTestId('draw'));
}

describe('drawdown: the bank asks for an SMS check (RISK_STEP_UP)', () => {
  beforeEach(() => resetTaroMock());

  it('sends the code for that decision, resubmits the same drawdown with it, and goes on', async () => {
    bank((o) =>
      o.header?.['x-step-up-code'] === '246810'
        ? { statusCode: 200, data: { loan: { id: 'lon_9', principalFen: 5_000_000 } } }
        : o.header?.['x-step-up-code']
          ? {
              statusCode: 400,
              data: { code: 'SMS_CODE_WRONG', message: '验证码不正确，请核对后重新输入', field: 'x-step-up-code' },
            }
          : { statusCode: 428, data: STEP_UP },
    );
    await draw();
    expect(await screen.findByTestId('risk-step-up')).toHaveTextContent('需要短信验证');
    expect(screen.getByTestId('risk-step-up')).toHaveTextContent(STEP_UP.message);
    expect(screen.queryByTestId('drawdown-error')).toBeNull();
    // Nothing to verify before a code was sent.
    expect(screen.getByTestId('step-up-verify')).toBeDisabled();

    fireEvent.click(screen.getByTestId('step-up-send'));
    expect(await screen.findByTestId('step-up-sent')).toHaveTextContent('138****8000');
    expect(smsRequests[0].data).toEqual({ decisionId: 'dec_step_1' });

    type('step-up-code', '12');
    fireEvent.click(screen.getByTestId('step-up-verify'));
    expect(screen.getByTestId('step-up-code-error')).toHaveTextContent('6 位数字');
    expect(draws).toHaveLength(1);

    type('step-up-code', '111111');
    fireEvent.click(screen.getByTestId('step-up-verify'));
    expect(await screen.findByTestId('step-up-code-error')).toHaveTextContent('验证码不正确');
    expect(screen.getByTestId('risk-step-up')).toBeInTheDocument();

    type('step-up-code', '246810');
    expect(screen.queryByTestId('step-up-code-error')).toBeNull();
    fireEvent.click(screen.getByTestId('step-up-verify'));
    fireEvent.click(await screen.findByTestId('to-loan'));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0].url).toBe('/package-loan/detail/index?id=lon_9');
    expect(draws).toHaveLength(3);
    // One drawdown: every resubmission carries the first request's idempotency key and a fresh token.
    const key = draws[0].header?.['idempotency-key'];
    expect(draws.map((d) => d.header?.['idempotency-key'])).toEqual([key, key, key]);
    expect(draws[2].header?.['x-risk-token']).toBe('sealed-token');
    expect(draws[0].header?.['x-step-up-code']).toBeUndefined();
  });

  it('a step-up that expired meanwhile says so and lets the customer start again', async () => {
    bank((o) =>
      o.header?.['x-step-up-code']
        ? {
            statusCode: 400,
            data: {
              code: 'STEP_UP_EXPIRED',
              message: '短信验证已失效，请重新提交后获取新的验证码',
              field: 'x-step-up-code',
            },
          }
        : { statusCode: 428, data: STEP_UP },
    );
    await draw();
    fireEvent.click(await screen.findByTestId('step-up-send'));
    await screen.findByTestId('step-up-sent');
    type('step-up-code', '246810');
    fireEvent.click(screen.getByTestId('step-up-verify'));
    expect(await screen.findByTestId('drawdown-error')).toHaveTextContent('请重新提交');
    expect(screen.queryByTestId('risk-step-up')).toBeNull();
  });
});

describe('drawdown: held and blocked', () => {
  beforeEach(() => resetTaroMock());

  it('RISK_HELD: handed to a person, and what happens next', async () => {
    bank(() => ({
      statusCode: 409,
      data: { code: 'RISK_HELD', message: '本次操作已转人工审核，暂未生效，资金不会划转。', decisionId: 'dec_h' },
    }));
    await draw();
    const held = await screen.findByTestId('risk-held');
    expect(held).toHaveTextContent('已转人工审核');
    expect(held).toHaveTextContent('资金不会划转');
    expect(held).toHaveTextContent('审核通过后，回到本页重新提交');
  });

  it('RISK_BLOCKED: the message and a way to 人工服务', async () => {
    bank(() => ({
      statusCode: 403,
      data: { code: 'RISK_BLOCKED', message: '出于资金安全考虑，本次操作无法完成。', decisionId: 'dec_b' },
    }));
    await draw();
    expect(await screen.findByTestId('risk-blocked')).toHaveTextContent('本次操作无法完成');
    fireEvent.click(screen.getByTestId('risk-service'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/package-account/service/index' }]);
  });
});
