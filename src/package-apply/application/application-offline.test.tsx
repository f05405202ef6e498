import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import ApplicationPage from '.';
import { network, resetTaroMock, setStorageSync } from '../../../test/mocks/taro';

// Issue 9 point 9: offline, sealing the risk token fails before any request (its handshake needs
// the bank) and the owner read "请检查填写内容" — blaming what they typed. Here the seal fails as
// the SDK's fetch does offline, and the bank is unreachable too.
let offline = false;
jest.mock('../../services/risk', () => ({
  ...jest.requireActual('../../services/risk'),
  sealAction: async () => {
    if (offline) throw new TypeError('Failed to fetch');
    return 'sealed-token';
  },
}));
jest.mock('../shared/product', () => ({ INDICATIVE_ANNUAL_RATE: { bp: 435 } }));

const enterprise = { id: 'ent_1', name: '福州零接商贸有限公司', annualRevenueFen: 500_000_000 };

describe('ApplicationPage offline and absurd input', () => {
  beforeEach(() => {
    resetTaroMock();
    offline = false;
    network.respond = (opts) => {
      if (offline) throw new Error('request:fail');
      if (opts.url.endsWith('/enterprises')) return { statusCode: 200, data: { items: [enterprise] } };
      return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
    };
  });

  it('an offline submit says the network is unavailable, to retry, and keeps what was typed', async () => {
    setStorageSync(
      'lj.applyDraft',
      JSON.stringify({ amountText: '100000', termMonths: 12, method: 'EQUAL_INSTALMENT', purpose: 'PAYROLL' }),
    );
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    offline = true;
    fireEvent.click(screen.getByTestId('submit'));
    await waitFor(() => expect(screen.getByTestId('form-error')).toHaveTextContent('网络'));
    expect(screen.getByTestId('form-error')).toHaveTextContent('重试');
    expect(screen.getByTestId('form-error')).not.toHaveTextContent('填写内容');
    expect(screen.getByTestId('amount-input')).toHaveValue('100000');
    expect(screen.getByTestId('term-12')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('purpose-PAYROLL')).toHaveAttribute('aria-checked', 'true');
  });

  it('an absurd amount names the field and the allowed maximum, not the unit of storage', async () => {
    render(<ApplicationPage />);
    await screen.findByTestId('amount-input');
    fireEvent.change(screen.getByTestId('amount-input'), { target: { value: '99999999999999999999' } });
    const error = screen.getByTestId('amount-error');
    expect(error).toHaveTextContent('借款金额');
    expect(error).toHaveTextContent(/不能高于[\d,]+(万)?元/);
    expect(error).not.toHaveTextContent('以“分”为单位');
  });
});
