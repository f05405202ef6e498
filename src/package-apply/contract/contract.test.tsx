import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import ContractPage from '.';
import { navigations, network, resetTaroMock, type RequestOptions } from '../../../test/mocks/taro';
import { contractFixture } from '../shared/contract-fixture';

jest.mock('@tarojs/taro', () => {
  const mock = jest.requireActual('../../../test/mocks/taro');
  return { ...mock, __esModule: true, default: mock.default, useRouter: () => ({ params: { id: 'ctr_1' } }) };
});
// The scroll view's "reached the end" event, as a plain scroll event the test can fire.
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('../../../test/mocks/components');
  return {
    ...actual,
    ScrollView: ({ children, onScrollToLower }: { children?: ReactNode; onScrollToLower?: () => void }) => (
      <div data-testid="contract-body" onScroll={onScrollToLower}>
        {children}
      </div>
    ),
  };
});
jest.mock('../../services/risk', () => ({
  ...jest.requireActual('../../services/risk'),
  sealAction: async () => 'sealed-token',
}));

const contract = contractFixture('pending');

let posts: RequestOptions[] = [];
function bank(sign: () => { statusCode: number; data?: unknown }) {
  posts = [];
  network.respond = (o) => {
    if (o.method === 'POST') posts.push(o);
    if (o.url.endsWith('/contracts/ctr_1')) return { statusCode: 200, data: contract };
    if (o.url.endsWith('/me')) return { statusCode: 200, data: { id: 'usr_1', phone: '138****8000' } };
    if (o.url.endsWith('/auth/sms')) return { statusCode: 200, data: { sent: true, expiresAt: '' } };
    if (o.url.endsWith('/contracts/ctr_1/sign')) return sign();
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
  };
}
const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(`${testId}-input`), { target: { value } });

async function readAndRequestCode() {
  render(<ContractPage />);
  expect(await screen.findByTestId('term-amount')).toHaveTextContent('¥100,000.00');
  expect(screen.getByTestId('sign')).toBeDisabled();
  expect(screen.getByTestId('read-state')).toHaveTextContent('请阅读至合同末尾后再签署');
  fireEvent.scroll(screen.getByTestId('contract-body'));
  expect(screen.getByTestId('read-state')).toHaveTextContent('已阅读至合同末尾');
  type('sign-phone', '13800138000');
  fireEvent.click(screen.getByTestId('send-code'));
  await screen.findByTestId('sms-sent');
  expect(posts[0].data).toEqual({ phone: '13800138000', purpose: 'contract.sign' });
}

describe('ContractPage', () => {
  beforeEach(() => resetTaroMock());

  it('highlights the key terms: amount, APR, term, method, penalty, prepayment', async () => {
    bank(() => ({ statusCode: 200, data: contract }));
    render(<ContractPage />);
    expect(await screen.findByTestId('term-apr')).toHaveTextContent('4.35%');
    expect(screen.getByTestId('term-months')).toHaveTextContent('12个月');
    expect(screen.getByTestId('term-method')).toHaveTextContent('等额本息');
    expect(screen.getByTestId('term-penalty')).toHaveTextContent('1.5 倍');
    expect(screen.getByTestId('term-prepayment')).toHaveTextContent('不收取违约金');
    expect(screen.getByTestId('sign-phone')).toHaveTextContent('138****8000');
    // Issue #9 point 19: signing is the second of the three steps after the decision.
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('签约放款 · 第2步 / 共3步');
  });

  it('signs after reading to the end, with the SMS code and a risk token, then opens the drawdown', async () => {
    bank(() => ({ statusCode: 200, data: { ...contract, status: 'signed' } }));
    await readAndRequestCode();
    type('sms-code', '123456');
    fireEvent.click(screen.getByTestId('sign'));
    // Issue #9 point 19: a 签署成功 step before the drawdown, with the way on.
    expect(await screen.findByTestId('sign-success')).toHaveTextContent('签署成功');
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('签约放款 · 第2步 / 共3步');
    expect(navigations).toHaveLength(0);
    fireEvent.click(screen.getByTestId('to-drawdown'));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0].url).toBe('/package-apply/drawdown/index?contractId=ctr_1');
    expect(posts[1].data).toEqual({ smsCode: '123456' });
    expect(posts[1].header?.['x-risk-token']).toBe('sealed-token');
  });

  it('a wrong code is shown next to the code field', async () => {
    bank(() => ({ statusCode: 400, data: { code: 'SMS_CODE_INVALID', message: '验证码错误，请重新输入' } }));
    await readAndRequestCode();
    type('sms-code', '000000');
    fireEvent.click(screen.getByTestId('sign'));
    expect(await screen.findByTestId('sms-code-error')).toHaveTextContent('验证码错误，请重新输入');
    expect(navigations).toHaveLength(0);
  });
});
