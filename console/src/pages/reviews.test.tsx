import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setSession } from '../auth/session';
import { mockBank } from '../../test/fetch-mock';
import { signInAs } from '../../test/session';
import { ReviewsPage } from './reviews';

const review = (id: string, status: string, extra = {}) => ({
  id,
  kind: 'review',
  category: null,
  subject: 'application',
  applicationId: 'apl_AAAAAAAAAAAAAAAA',
  decisionId: 'dec-1',
  reason: '经营正常，请复核',
  status,
  createdAt: '2026-03-10T15:00:00.000+08:00',
  verdict: null,
  answer: null,
  answeredAt: null,
  userId: 'usr_AAAAAAAAAAAAAAAA',
  claimedBy: null,
  claimedAt: null,
  answeredBy: null,
  customer: { name: '张*', phone: '139****0001' },
  ...extra,
});

describe('the review queue', () => {
  afterEach(() => setSession(null));

  test('lists requests with the masked customer; an analyst answers with a verdict and a reason', async () => {
    signInAs('analyst');
    const bank = mockBank({
      'GET /api/staff/reviews': {
        body: {
          items: [review('rev_1', 'submitted'), review('rev_2', 'answered', { verdict: 'uphold', answer: '维持' })],
        },
      },
      'GET /api/staff/risk/holds': { body: { items: [] } },
      'POST /api/staff/reviews/*/answer': { body: review('rev_1', 'answered') },
    });
    render(<ReviewsPage />);
    const rows = await screen.findAllByTestId('review-row');
    expect(rows[0]).toHaveTextContent('张* 139****0001');
    expect(rows[0]).toHaveTextContent('待处理');
    expect(rows[1]).toHaveTextContent('维持原决定：维持');
    expect(within(rows[1]).queryByTestId('review-answer')).toBeNull();

    fireEvent.click(within(rows[0]).getByTestId('review-answer'));
    const dialog = await screen.findByTestId('answer-dialog');
    fireEvent.click(within(dialog).getByText('撤销原决定'));
    fireEvent.change(screen.getByTestId('answer-dialog-reason'), { target: { value: '经核实经营流水正常' } });
    fireEvent.click(screen.getByTestId('answer-dialog-ok'));
    await waitFor(() => expect(bank.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(bank.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: '/api/staff/reviews/rev_1/answer',
      body: { verdict: 'overturn', reason: '经核实经营流水正常' },
    });
  });

  // Issue #8 point 8: complaints share the queue; they are answered in writing, without a verdict.
  test('a complaint shows its category and is answered with text only', async () => {
    signInAs('analyst');
    const complaint = review('rev_9', 'submitted', {
      kind: 'complaint',
      category: 'fees',
      subject: 'none',
      applicationId: null,
      decisionId: null,
      reason: '罚息算多了',
    });
    const bank = mockBank({
      'GET /api/staff/reviews': {
        body: {
          items: [complaint, review('rev_8', 'answered', { kind: 'complaint', category: 'service', answer: '已致歉' })],
        },
      },
      'GET /api/staff/risk/holds': { body: { items: [] } },
      'POST /api/staff/reviews/*/answer': { body: { ...complaint, status: 'answered' } },
    });
    render(<ReviewsPage />);
    const rows = await screen.findAllByTestId('review-row');
    expect(within(rows[0]).getByTestId('review-kind')).toHaveTextContent('投诉利息与费用');
    expect(rows[1]).toHaveTextContent('答复：已致歉');

    fireEvent.click(within(rows[0]).getByTestId('review-answer'));
    const dialog = await screen.findByTestId('answer-dialog');
    expect(dialog).toHaveTextContent('投诉无需结论');
    expect(screen.getByText('答复投诉')).toBeInTheDocument();
    expect(within(dialog).queryByText('撤销原决定')).toBeNull();
    fireEvent.change(screen.getByTestId('answer-dialog-reason'), { target: { value: '已核实并退还多收罚息' } });
    fireEvent.click(screen.getByTestId('answer-dialog-ok'));
    await waitFor(() => expect(bank.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(bank.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: '/api/staff/reviews/rev_9/answer',
      body: { reason: '已核实并退还多收罚息' },
    });
    expect(bank.requests.find((r) => r.method === 'POST')?.body).not.toHaveProperty('verdict');
  });
});
