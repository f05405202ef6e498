import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import DecisionPage from '.';
import { navigations, network, resetTaroMock } from '../../../test/mocks/taro';

jest.mock('@tarojs/taro', () => {
  const mock = jest.requireActual('../../../test/mocks/taro');
  const setClipboardData = jest.fn(() => Promise.resolve({ errMsg: 'setClipboardData:ok' }));
  return {
    ...mock,
    __esModule: true,
    default: { ...mock.default, setClipboardData },
    setClipboardData,
    useRouter: () => ({ params: { id: 'app_1' } }),
  };
});

const base = {
  id: 'app_1',
  enterpriseId: 'ent_1',
  amountFen: 10_000_000,
  termMonths: 12,
  method: 'EQUAL_INSTALMENT',
  purpose: 'WORKING_CAPITAL',
  createdAt: '2026-03-01T10:00:00.000+08:00',
  decidedAt: '2026-03-01T10:00:00.000+08:00',
};
const offer = {
  id: 'off_1',
  applicationId: 'app_1',
  limitFen: 10_000_000,
  annualRate: '0.0435',
  rateType: '单利',
  apr: '0.043500',
  aprPercent: '4.35%',
  aprBasis: '按IRR计算（年化）',
  termMonths: 12,
  method: 'EQUAL_INSTALMENT',
  dayCount: 'ACT/360',
  feesFen: 0,
  penaltyRule: '逾期本金自逾期第一天起按合同利率的 1.5 倍计收罚息（不对利息计收复利）',
  prepaymentRule: '可随时全部或部分提前还款，利息计至还款日，不收取违约金或手续费',
  validUntil: '2026-03-08T10:00:00.000+08:00',
};

function answer(application: object, extra?: (url: string, method?: string) => object | undefined) {
  network.respond = (opts) => {
    const e = extra?.(opts.url, opts.method);
    if (e) return { statusCode: 200, data: e };
    if (opts.url.endsWith('/applications/app_1')) return { statusCode: 200, data: application };
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
  };
}

describe('DecisionPage', () => {
  beforeEach(() => resetTaroMock());

  it('approved: limit, APR, term, method, zero fees, penalty and prepayment rules, validity', async () => {
    answer({ ...base, status: 'approved', decision: { reasonCodes: [], category: null }, offer });
    render(<DecisionPage />);
    expect(await screen.findByTestId('offer-limit')).toHaveTextContent('¥100,000.00');
    expect(screen.getByTestId('offer-apr')).toHaveTextContent('4.35%');
    expect(screen.getByTestId('offer-rate')).toHaveTextContent('4.35%（单利）');
    expect(screen.getByTestId('offer-term')).toHaveTextContent('12个月');
    expect(screen.getByTestId('offer-method')).toHaveTextContent('等额本息');
    expect(screen.getByTestId('offer-fees')).toHaveTextContent('0元');
    expect(screen.getByTestId('offer-penalty')).toHaveTextContent('1.5 倍');
    expect(screen.getByTestId('offer-prepayment')).toHaveTextContent('不收取违约金');
    expect(screen.getByTestId('offer-valid')).toHaveTextContent('2026-03-08 10:00');
    expect(screen.getByTestId('plan-instalment')).toHaveTextContent('¥8,530.99');
    // Declining is a full-size button next to accepting.
    expect(screen.getByTestId('decline')).toBeInTheDocument();
    // Issue #9 point 19: the offer is the first of the three steps to the money.
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('签约放款 · 第1步 / 共3步');
  });

  it('approved: accepting the offer opens the contract', async () => {
    answer({ ...base, status: 'approved', decision: { reasonCodes: [], category: null }, offer }, (url, method) =>
      method === 'POST' && url.endsWith('/contracts')
        ? { id: 'ctr_7', offerId: 'off_1', status: 'pending' }
        : undefined,
    );
    render(<DecisionPage />);
    fireEvent.click(await screen.findByTestId('accept'));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0].url).toBe('/package-apply/contract/index?id=ctr_7');
    expect(network.requests.find((r) => r.method === 'POST')?.data).toEqual({ offerId: 'off_1' });
  });

  it('in review: expected time and what happens next', async () => {
    answer({
      ...base,
      status: 'review',
      decision: { reasonCodes: ['DEVICE_PROXY'], category: '需要进一步核实部分信息', expectedBy: '1 个工作日内' },
      offer: null,
      decidedAt: null,
    });
    render(<DecisionPage />);
    expect(await screen.findByTestId('review-expected')).toHaveTextContent('预计1 个工作日内给出结果');
    expect(screen.getByText('审核完成后会通过“消息通知”告诉您结果，无需重复提交。')).toBeInTheDocument();
    expect(screen.queryByText(/DEVICE_PROXY/)).toBeNull();
  });

  it('rejected: the plain-language category and human review, never the rule codes', async () => {
    answer({
      ...base,
      status: 'rejected',
      decision: { reasonCodes: ['REVENUE_TOO_LOW', 'ENTERPRISE_YOUNG'], category: '企业经营情况暂不满足本产品要求' },
      offer: null,
    });
    render(<DecisionPage />);
    expect(await screen.findByTestId('reject-category')).toHaveTextContent('企业经营情况暂不满足本产品要求');
    expect(screen.getByTestId('page-decision')).not.toHaveTextContent(
      /REVENUE_TOO_LOW|ENTERPRISE_YOUNG|[A-Z]{3,}_[A-Z]/,
    );
    // A refusal ends the journey: no "step 1 of 3" promising more.
    expect(screen.queryByTestId('step-indicator')).toBeNull();
    fireEvent.click(screen.getByTestId('to-review'));
    // The service page opens with this application's number filled in.
    expect(navigations[0].url).toBe('/package-account/service/index?applicationId=app_1');
  });

  // Issue #8 point 8: the application number on every decision screen, copied in one tap.
  it.each([
    ['approved', { status: 'approved', decision: { reasonCodes: [], category: null }, offer }],
    ['in review', { status: 'review', decision: { reasonCodes: [], category: null }, offer: null, decidedAt: null }],
    ['rejected', { status: 'rejected', decision: { reasonCodes: [], category: '暂不满足' }, offer: null }],
  ])('%s: the application number is shown and can be copied', async (_state, application) => {
    answer({ ...base, ...application });
    render(<DecisionPage />);
    expect(await screen.findByTestId('application-no')).toHaveTextContent('申请编号');
    expect(screen.getByTestId('application-no-value')).toHaveTextContent('app_1');
    fireEvent.click(screen.getByTestId('application-no-copy'));
    await waitFor(() => expect(screen.getByTestId('application-no-copy')).toHaveTextContent('已复制'));
    expect(Taro.setClipboardData).toHaveBeenLastCalledWith({ data: 'app_1' });
  });

  it('a failed copy says how to copy by hand', async () => {
    (Taro.setClipboardData as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('denied')));
    answer({ ...base, status: 'rejected', decision: { reasonCodes: [], category: null }, offer: null });
    render(<DecisionPage />);
    fireEvent.click(await screen.findByTestId('application-no-copy'));
    expect(await screen.findByTestId('application-no-copy-failed')).toHaveTextContent('手动复制');
  });

  it('a failed load says what happened and offers a retry', async () => {
    network.respond = () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: '申请不存在' } });
    render(<DecisionPage />);
    expect(await screen.findByTestId('error-state')).toHaveTextContent('申请不存在');
  });
});
