import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import DrawdownPage from '.';
import { navigations, network, resetTaroMock, type RequestOptions } from '../../../test/mocks/taro';
import { contractFixture } from '../shared/contract-fixture';

jest.mock('@tarojs/taro', () => {
  const mock = jest.requireActual('../../../test/mocks/taro');
  return { ...mock, __esModule: true, default: mock.default, useRouter: () => ({ params: { contractId: 'ctr_1' } }) };
});
jest.mock('../../services/risk', () => ({
  ...jest.requireActual('../../services/risk'),
  sealAction: async () => 'sealed-token',
}));

const contract = contractFixture('signed');
// 30,000 yuan already drawn and still owed under this contract: 70,000 yuan left.
const loans = [{ id: 'lon_0', contractId: 'ctr_1', status: 'active', outstandingPrincipalFen: 3_000_000 }];
const account = { id: 'acc_1', kind: 'card', accountNo: '6222 **** 0128', holderName: '张三', bankName: '零接银行' };

let posts: RequestOptions[] = [];
function bank(extra: (o: RequestOptions) => { statusCode: number; data?: unknown } | undefined = () => undefined) {
  posts = [];
  network.respond = (o) => {
    if (o.method === 'POST') posts.push(o);
    const e = extra(o);
    if (e) return e;
    if (o.url.endsWith('/contracts/ctr_1')) return { statusCode: 200, data: contract };
    if (o.url.endsWith('/loans')) return { statusCode: 200, data: { items: loans } };
    if (o.url.endsWith('/accounts') && o.method === 'GET') return { statusCode: 200, data: { items: [account] } };
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
  };
}
const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(`${testId}-input`), { target: { value } });

describe('DrawdownPage', () => {
  beforeEach(() => resetTaroMock());

  it('shows the available limit and the anti-scam notice', async () => {
    bank();
    render(<DrawdownPage />);
    expect(await screen.findByTestId('available')).toHaveTextContent('¥70,000.00');
    // Issue #9 point 19: the drawdown is the last of the three steps after the decision.
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('签约放款 · 第3步 / 共3步');
    expect(screen.getByTestId('anti-scam')).toHaveTextContent('本行不会收取任何放款前费用');
  });

  it('blocks an amount above the available limit with the message in place', async () => {
    bank();
    render(<DrawdownPage />);
    await screen.findByTestId('draw-amount-input');
    type('draw-amount', '80000');
    expect(screen.getByTestId('draw-amount-error')).toHaveTextContent('70,000元');
    fireEvent.click(screen.getByTestId('account-acc_1'));
    fireEvent.click(screen.getByTestId('draw'));
    expect(posts).toHaveLength(0);
  });

  it('a card failing Luhn is a warning, not a block', async () => {
    bank((o) =>
      o.method === 'POST' && o.url.endsWith('/accounts')
        ? {
            statusCode: 200,
            data: {
              account: { ...account, id: 'acc_2' },
              warnings: [{ code: 'BANK_CARD_LUHN_WARNING', message: '卡号校验未通过' }],
            },
          }
        : undefined,
    );
    render(<DrawdownPage />);
    fireEvent.click(await screen.findByTestId('add-account-open'));
    fireEvent.click(screen.getByTestId('account-kind-card'));
    type('account-no', '6217000010001234567');
    expect(screen.getByTestId('account-no-warning')).toBeInTheDocument();
    expect(screen.queryByTestId('account-no-error')).toBeNull();
    type('holder-name', '张三');
    type('bank-name', '零接银行');
    fireEvent.click(screen.getByTestId('save-account'));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0].data).toMatchObject({ kind: 'card', accountNo: '6217000010001234567' });
    expect(posts[0].header?.['x-risk-token']).toBe('sealed-token');
  });

  it('draws down once with a risk token and an idempotency key kept across a retry', async () => {
    let fail = true;
    bank((o) => {
      if (o.method === 'POST' && o.url.endsWith('/contracts/ctr_1/drawdowns')) {
        if (fail) {
          fail = false;
          return { statusCode: 0 };
        }
        return { statusCode: 200, data: { loan: { id: 'lon_9', principalFen: 5_000_000 } } };
      }
      return undefined;
    });
    render(<DrawdownPage />);
    await screen.findByTestId('draw-amount-input');
    type('draw-amount', '50000');
    fireEvent.click(screen.getByTestId('account-acc_1'));
    expect(screen.getByTestId('plan-instalment')).toHaveTextContent('¥4,265.50');
    fireEvent.click(screen.getByTestId('draw'));
    expect(await screen.findByTestId('drawdown-error')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('draw'));
    // Issue #9 point 19: 放款成功 with the amount and the (masked) receiving account, then the loan.
    const success = await screen.findByTestId('drawdown-success');
    expect(success).toHaveTextContent('放款成功');
    expect(screen.getByTestId('success-amount')).toHaveTextContent('¥50,000.00');
    expect(screen.getByTestId('success-account')).toHaveTextContent('零接银行 6222 **** 0128（张三）');
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('签约放款 · 第3步 / 共3步');
    expect(navigations).toHaveLength(0);
    fireEvent.click(screen.getByTestId('to-loan'));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0].url).toBe('/package-loan/detail/index?id=lon_9');
    expect(posts).toHaveLength(2);
    expect(posts[0].data).toEqual({ amountFen: 5_000_000, accountId: 'acc_1' });
    expect(posts[0].header?.['x-risk-token']).toBe('sealed-token');
    expect(posts[1].header?.['idempotency-key']).toBe(posts[0].header?.['idempotency-key']);
  });

  it('an unsigned contract leads back to signing', async () => {
    bank((o) =>
      o.url.endsWith('/contracts/ctr_1') ? { statusCode: 200, data: { ...contract, status: 'pending' } } : undefined,
    );
    render(<DrawdownPage />);
    fireEvent.click(await screen.findByTestId('to-contract'));
    expect(navigations[0].url).toBe('/package-apply/contract/index?id=ctr_1');
  });
});
