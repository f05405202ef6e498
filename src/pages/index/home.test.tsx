import { render, screen, fireEvent } from '@testing-library/react';
import HomePage from '.';
import { network, navigations, resetTaroMock } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { setElderMode } from '../../services/elder-mode';
import { activeLoan, overdueLoan, settledLoan } from '../../components/servicing-data/fixtures';
import { reviewApplication } from '../../components/pending-applications/fixtures';

describe('HomePage my-loans summary', () => {
  beforeEach(() => {
    resetTaroMock();
    setElderMode(false);
  });

  it('signed out: invites to log in and asks the bank nothing', () => {
    setSessionToken(null);
    render(<HomePage />);
    expect(screen.getByTestId('home-loans')).toHaveTextContent('登录后可查看贷款和还款计划');
    expect(screen.getByTestId('product-card')).toBeInTheDocument();
    expect(screen.getByTestId('anti-scam')).toBeInTheDocument();
    expect(network.requests).toHaveLength(0);
  });

  it('signed in: warns about overdue loans with the amount incl. penalty and shows the next due', async () => {
    setSessionToken('demo-session');
    network.respond = (req) => ({
      statusCode: 200,
      data: { items: req.url === '/api/loans' ? [activeLoan, overdueLoan, settledLoan] : [] },
    });
    render(<HomePage />);
    expect(await screen.findByTestId('home-overdue')).toHaveTextContent(
      '您有 1 笔贷款已逾期，应还 ¥17,149.40（含罚息）',
    );
    expect(screen.getByTestId('home-next-due')).toHaveTextContent('下期还款日 2026-12-17');
    expect(screen.getByTestId('home-next-due')).toHaveTextContent('¥17,331.25');
    fireEvent.click(screen.getByTestId('home-repay-overdue'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/package-loan/repay/index?id=L-overdue' }]);
  });

  it('signed in with an application in review and no loan: shows it as 审核中 with its number and next step', async () => {
    setSessionToken('demo-session');
    network.respond = (req) => ({
      statusCode: 200,
      data: { items: req.url === '/api/applications' ? [reviewApplication] : [] },
    });
    render(<HomePage />);
    const card = await screen.findByTestId('pending-application-A-review-0001');
    expect(card).toHaveTextContent('审核中');
    expect(card).toHaveTextContent('申请编号 A-review-0001');
    expect(card).toHaveTextContent('一般 1 个工作日内给出结果');
    expect(await screen.findByTestId('home-loan-summary')).toHaveTextContent('您目前没有待还的贷款');
    fireEvent.click(screen.getByTestId('pending-application-open'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/package-apply/decision/index?id=A-review-0001' }]);
  });
});
