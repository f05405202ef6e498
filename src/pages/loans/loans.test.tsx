import { render, screen, fireEvent, within } from '@testing-library/react';
import LoansPage from '.';
import { network, navigations, resetTaroMock } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { activeLoan, overdueLoan, settledLoan } from '../../components/servicing-data/fixtures';
import { approvedApplication, reviewApplication } from '../../components/pending-applications/fixtures';

/** The bank as this page sees it: the loan list, and the applications (none in review unless given). */
const bank =
  (loans: unknown[], applications: unknown[] = []) =>
  (req: { url: string }) => ({
    statusCode: 200,
    data: { items: req.url.startsWith('/api/applications') ? applications : loans },
  });

describe('LoansPage (我的贷款)', () => {
  beforeEach(() => {
    resetTaroMock();
    setSessionToken('demo-session');
  });

  it('groups loans into overdue, active and settled, overdue first', async () => {
    network.respond = bank([activeLoan, overdueLoan, settledLoan]);
    render(<LoansPage />);
    const overdue = await screen.findByTestId('loans-group-overdue');
    expect(within(overdue).getByTestId('loan-card-L-overdue')).toBeInTheDocument();
    expect(within(screen.getByTestId('loans-group-active')).getByTestId('loan-card-L-active')).toHaveTextContent(
      '2026-12-17 应还 ¥17,331.25',
    );
    expect(within(screen.getByTestId('loans-group-settled')).getByTestId('loan-card-L-settled')).toHaveTextContent(
      '已结清',
    );
    const groups = screen.getAllByTestId(/^loans-group-/).map((g) => g.getAttribute('data-testid'));
    expect(groups).toEqual(['loans-group-overdue', 'loans-group-active', 'loans-group-settled']);
    expect(network.requests.find((r) => r.url === '/api/loans')).toMatchObject({
      url: '/api/loans',
      header: { authorization: 'Bearer demo-session' },
    });
  });

  it('shows an overdue loan in red with the overdue amount including the penalty', async () => {
    network.respond = bank([overdueLoan]);
    render(<LoansPage />);
    const overdue = await screen.findByTestId('loan-overdue');
    expect(overdue).toHaveTextContent('逾期应还（含罚息）');
    expect(overdue).toHaveTextContent('¥17,149.40');
    expect(overdue).toHaveTextContent('其中罚息 ¥87.42，共逾期 2 期');
    expect(screen.getByTestId('loan-card-L-overdue')).toHaveClass('lj-loan-card--overdue');
    expect(screen.getByTestId('loan-apr')).toHaveTextContent('4.35%（按实际占用本金计算）'); // never "IRR"
  });

  it('opens the loan detail from a card', async () => {
    network.respond = bank([activeLoan]);
    render(<LoansPage />);
    fireEvent.click(await screen.findByTestId('loan-card-L-active'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/package-loan/detail/index?id=L-active' }]);
  });

  it('says how to get a loan when there is none', async () => {
    network.respond = bank([]);
    render(<LoansPage />);
    expect(await screen.findByTestId('loans-empty')).toHaveTextContent('您还没有贷款');
    expect(screen.queryByTestId('pending-applications')).toBeNull();
    fireEvent.click(screen.getByText('去申请'));
    expect(navigations).toEqual([{ kind: 'switchTab', url: '/pages/index/index' }]);
  });

  it('shows the bank error with a retry that loads again', async () => {
    let calls = 0;
    network.respond = (req) =>
      req.url === '/api/loans' && ++calls === 1 ? { statusCode: 503, data: {} } : bank([activeLoan])(req);
    render(<LoansPage />);
    expect(await screen.findByTestId('error-state')).toHaveTextContent('服务暂时不可用');
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByTestId('loan-card-L-active')).toBeInTheDocument();
  });

  it('shows an application in review with its number and what happens next, even with no loan yet', async () => {
    network.respond = bank([], [reviewApplication, approvedApplication]);
    render(<LoansPage />);
    const card = await screen.findByTestId('pending-application-A-review-0001');
    expect(card).toHaveTextContent('审核中');
    expect(card).toHaveTextContent('申请编号 A-review-0001');
    expect(card).toHaveTextContent('申请金额 ¥300,000.00，期限 12 个月');
    expect(card).toHaveTextContent('结果会通过“消息通知”告诉您，无需重复申请');
    expect(screen.queryByTestId('pending-application-A-approved-0002')).toBeNull();
    fireEvent.click(screen.getByTestId('pending-application-open'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/package-apply/decision/index?id=A-review-0001' }]);
  });

  it('asks a signed-out user to log in and come back here, without calling the bank', () => {
    setSessionToken(null);
    render(<LoansPage />);
    expect(screen.getByText('登录后查看您的贷款')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('loans-login'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/login/index?redirect=%2Fpages%2Floans%2Findex' }]);
    expect(network.requests).toHaveLength(0);
  });
});
