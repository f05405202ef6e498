import { render, screen, fireEvent, act } from '@testing-library/react';
import LoanDetailPage from '.';
import { network, navigations, resetTaroMock } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { activeLoanDetail } from '../../components/servicing-data/fixtures';

// The page instance's own router params stay 'L-active' (as Taro's do); shows are fired by the test.
const shows: Array<() => void> = [];
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('../../../test/mocks/taro');
  return {
    __esModule: true,
    ...actual,
    useRouter: () => ({ params: { id: 'L-active' } }),
    useDidShow: (fn: () => void) => shows.push(fn),
  };
});

describe('LoanDetailPage (贷款详情)', () => {
  beforeEach(() => {
    resetTaroMock();
    setSessionToken('demo-session');
    shows.length = 0;
  });

  it('shows the schedule with paid marks, the chart with a text alternative and the conventions', async () => {
    network.respond = () => ({ statusCode: 200, data: activeLoanDetail });
    render(<LoanDetailPage />);
    expect(await screen.findByTestId('schedule-table')).toBeInTheDocument();
    expect(screen.getByTestId('schedule-row-1')).toHaveTextContent('2026-11-17');
    expect(screen.getByTestId('schedule-mark-1')).toHaveTextContent('第1期 已还');
    expect(screen.getByTestId('schedule-mark-2')).toHaveTextContent('第2期 待还');
    expect(screen.getByTestId('chart-row-1')).toHaveAttribute('aria-label', '第1期：本金 ¥16,666.67，利息 ¥725.00');
    expect(screen.getByTestId('chart-summary')).toHaveTextContent('共 3 期');
    expect(screen.getByTestId('detail-conventions')).toHaveTextContent('按日计息：一年按360天');
    expect(screen.getByTestId('detail-conventions')).toHaveTextContent('每期利息四舍五入到分');
    expect(screen.getByTestId('detail-conventions')).toHaveTextContent('末期调整尾差');
    expect(screen.getByTestId('detail-apr')).toHaveTextContent('4.35%');
    fireEvent.click(screen.getByTestId('detail-repay'));
    fireEvent.click(screen.getByTestId('detail-deferral'));
    expect(navigations).toEqual([
      { kind: 'navigateTo', url: '/package-loan/repay/index?id=L-active' },
      { kind: 'navigateTo', url: '/package-loan/deferral/index?id=L-active' },
    ]);
  });

  it('says what went wrong when the loan cannot be loaded', async () => {
    network.respond = () => ({ statusCode: 404, data: { code: 'LOAN_NOT_FOUND', message: '未找到该笔贷款' } });
    render(<LoanDetailPage />);
    expect(await screen.findByTestId('error-state')).toHaveTextContent('未找到该笔贷款');
  });

  describe('on H5, opened by a link to another loan while this page is in the stack', () => {
    const env = process.env.TARO_ENV;
    beforeEach(() => {
      process.env.TARO_ENV = 'h5';
      window.location.hash = '#/package-loan/detail/index?id=L-active';
    });
    afterEach(() => {
      process.env.TARO_ENV = env;
      window.location.hash = '';
    });

    it('shows the loan of the link, not the one the page was first opened for', async () => {
      const other = { ...activeLoanDetail, id: 'L-other', principalFen: 12_345_600 };
      let releaseOther: () => void = () => undefined;
      network.respond = (req) =>
        req.url === '/api/loans/L-other'
          ? new Promise((resolve) => {
              releaseOther = () => resolve({ statusCode: 200, data: other });
            })
          : { statusCode: 200, data: activeLoanDetail };
      render(<LoanDetailPage />);
      expect(await screen.findByTestId('detail-outstanding')).toBeInTheDocument();
      expect(screen.getByTestId('page-loanDetail')).toHaveTextContent('¥200,000.00');

      // Taro's H5 router matches the link by path and shows this same instance again.
      window.location.hash = '#/package-loan/detail/index?id=L-other';
      act(() => shows.forEach((show) => show()));
      // While L-other loads, L-active's figures must not stand under L-other's link.
      expect(await screen.findByTestId('loading')).toBeInTheDocument();
      expect(screen.queryByTestId('detail-outstanding')).toBeNull();
      await act(async () => releaseOther());
      expect(await screen.findByText('¥123,456.00')).toBeInTheDocument();
      expect(network.requests.map((r) => r.url)).toContain('/api/loans/L-other');
    });
  });
});
