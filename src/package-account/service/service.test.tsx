import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ServicePage from '.';
import { network, resetTaroMock, type RequestOptions } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';

// The page is opened from a decision screen with `?applicationId=` (see decision/index.tsx).
let params: Record<string, string> = {};
jest.mock('@tarojs/taro', () => {
  const mock = jest.requireActual('../../../test/mocks/taro');
  return { ...mock, __esModule: true, default: mock.default, useRouter: () => ({ params }) };
});

const application = (id: string, status = 'rejected') => ({
  id,
  enterpriseId: 'ent_1',
  amountFen: 5_000_000,
  termMonths: 12,
  method: 'EQUAL_INSTALMENT',
  purpose: 'WORKING_CAPITAL',
  status,
  createdAt: '2026-03-01T10:00:00.000+08:00',
  decidedAt: '2026-03-01T10:00:00.000+08:00',
  decision: { reasonCodes: [], category: null },
  offer: null,
});
const request = (id: string, kind: 'review' | 'complaint', status: string, extra: object = {}) => ({
  id,
  kind,
  category: kind === 'complaint' ? 'fees' : null,
  subject: kind === 'complaint' ? 'none' : 'application',
  applicationId: null,
  decisionId: null,
  reason: kind === 'complaint' ? '利息算得不对' : '请复核',
  status,
  createdAt: '2026-03-02T10:00:00.000+08:00',
  verdict: null,
  answer: null,
  answeredAt: null,
  ...extra,
});

function bank(items: { apps?: object[]; reviews?: object[] }, post?: (o: RequestOptions) => object) {
  network.respond = (o) => {
    if (o.method === 'POST' && post) return { statusCode: 201, data: post(o) };
    if (o.url.endsWith('/api/applications')) return { statusCode: 200, data: { items: items.apps ?? [] } };
    if (o.url.endsWith('/api/reviews')) return { statusCode: 200, data: { items: items.reviews ?? [] } };
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
  };
}

describe('ServicePage (投诉与人工服务)', () => {
  beforeEach(() => {
    resetTaroMock();
    params = {};
    setSessionToken('session-1');
  });
  afterEach(() => {
    cleanup(); // before signing out, so no mounted page hears of it
    setSessionToken(null);
  });

  it('opened from a rejection: that application goes first with its number, and the complaint form has it', async () => {
    params = { applicationId: 'app_2' };
    bank({ apps: [application('app_1'), application('app_2')] });
    render(<ServicePage />);
    const items = await screen.findAllByTestId('service-reviewable');
    expect(items[0]).toHaveAttribute('data-application-id', 'app_2');
    expect(items[0]).toHaveAttribute('data-prefilled', 'true');
    expect(within(items[0]).getByTestId('service-reviewable-no')).toHaveTextContent('申请编号 app_2');
    expect(screen.getByTestId('service-prefilled')).toHaveTextContent('已为您带入申请编号 app_2');
    expect(screen.getByTestId('complaint-application')).toHaveValue('app_2');
  });

  it('a number that is not a rejected application says so', async () => {
    params = { applicationId: 'app_9' };
    bank({ apps: [application('app_9', 'approved')] });
    render(<ServicePage />);
    expect(await screen.findByTestId('service-prefilled')).toHaveTextContent('app_9 不是未通过的申请');
    expect(screen.queryAllByTestId('service-reviewable')).toHaveLength(0);
  });

  it('asks for human review for real', async () => {
    params = { applicationId: 'app_1' };
    bank({ apps: [application('app_1')] }, () => request('rev_1', 'review', 'submitted'));
    render(<ServicePage />);
    fireEvent.change(await screen.findByTestId('service-review-reason'), { target: { value: '经营正常' } });
    fireEvent.click(screen.getByTestId('service-review-submit'));
    await waitFor(() => expect(network.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(network.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: expect.stringMatching(/\/api\/reviews$/),
      data: { applicationId: 'app_1', reason: '经营正常' },
    });
    expect(await screen.findByTestId('service-review-message')).toHaveTextContent('已提交');
    await waitFor(() =>
      expect(network.requests.filter((r) => r.method !== 'POST' && r.url.endsWith('/api/reviews'))).toHaveLength(2),
    );
  });

  it('files a complaint online: category, text and the application number', async () => {
    params = { applicationId: 'app_2' };
    bank({ apps: [application('app_2')] }, () => request('rev_2', 'complaint', 'submitted'));
    render(<ServicePage />);
    fireEvent.click(await screen.findByTestId('complaint-submit'));
    expect(screen.getByTestId('complaint-message')).toHaveTextContent('请选择投诉类别');
    fireEvent.click(screen.getByTestId('complaint-category-fees'));
    fireEvent.click(screen.getByTestId('complaint-submit'));
    expect(screen.getByTestId('complaint-message')).toHaveTextContent('请填写投诉内容');
    fireEvent.change(screen.getByTestId('complaint-text'), { target: { value: ' 罚息算得比合同多 ' } });
    fireEvent.click(screen.getByTestId('complaint-submit'));
    expect(await screen.findByText('投诉已提交，我们会在 15 日内答复')).toBeInTheDocument();
    // The page reloads the customer's requests after the submission.
    await waitFor(() => expect(network.requests.filter((r) => r.url.endsWith('/api/reviews'))).toHaveLength(2));
    expect(network.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: expect.stringMatching(/\/api\/complaints$/),
      data: { category: 'fees', text: '罚息算得比合同多', applicationId: 'app_2' },
    });
  });

  it('a refused complaint shows the bank’s message', async () => {
    bank({});
    network.respond = (o) =>
      o.method === 'POST'
        ? { statusCode: 404, data: { code: 'NOT_FOUND', message: '申请不存在' } }
        : { statusCode: 200, data: { items: [] } };
    render(<ServicePage />);
    fireEvent.click(await screen.findByTestId('complaint-category-other'));
    fireEvent.change(screen.getByTestId('complaint-text'), { target: { value: '其他问题' } });
    fireEvent.change(screen.getByTestId('complaint-application'), { target: { value: 'app_x' } });
    fireEvent.click(screen.getByTestId('complaint-submit'));
    expect(await screen.findByTestId('complaint-message')).toHaveTextContent('申请不存在');
  });

  it('lists complaints apart from reviews, with the answer', async () => {
    bank({
      reviews: [
        request('rev_1', 'review', 'answered', { verdict: 'uphold', answer: '维持' }),
        request('rev_2', 'complaint', 'answered', { answer: '已退还多收的罚息' }),
      ],
    });
    render(<ServicePage />);
    const complaint = await screen.findByTestId('service-complaint-item');
    expect(complaint).toHaveAttribute('data-status', 'answered');
    expect(complaint).toHaveTextContent('利息与费用 · 已答复');
    expect(complaint).toHaveTextContent('答复：已退还多收的罚息');
    expect(screen.getAllByTestId('service-review-item')).toHaveLength(1);
  });

  it('signed out: no forms, the channels are still there', async () => {
    setSessionToken(null);
    bank({});
    render(<ServicePage />);
    expect(screen.queryByTestId('complaint-form')).toBeNull();
    expect(screen.getByTestId('service-complaint')).toHaveTextContent('登录后可在线投诉');
    expect(screen.getByTestId('service-channels')).toHaveTextContent('客服热线');
  });
});
