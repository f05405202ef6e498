import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { RenewalSection } from './renewal-section';
import { network, resetTaroMock, type RequestOptions } from '../../../test/mocks/taro';

// The shared money-action hook (repayment, deferral, renewal) with a step-up: the same request, the
// same idempotency key, resubmitted with the SMS code.
jest.mock('../../services/risk', () => ({
  sealAction: jest.fn(async (action: string) => `token-for-${action}`),
  resetRiskSession: jest.fn(),
  riskBehaviour: () => null,
}));
jest.mock('../../services/random-id', () => ({
  newIdempotencyKey: jest.fn(async () => 'renewal-key'),
  randomId: jest.fn(async () => 'renewal-key'),
}));

const renewed = {
  renewal: { id: 'rnw_1', termMonths: 6 },
  loan: { id: 'L-active' },
  newLoan: { id: 'L-new' },
};

it('a renewal asked to step up: SMS code, resubmitted once with the same key, then done', async () => {
  resetTaroMock();
  const renewals: RequestOptions[] = [];
  network.respond = (req) => {
    if (req.url.endsWith('/risk/step-up/sms'))
      return { statusCode: 200, data: { sent: true, phone: '139****1000', expiresAt: 'x' } };
    renewals.push(req);
    return req.header?.['x-step-up-code']
      ? { statusCode: 200, data: renewed }
      : { statusCode: 428, data: { code: 'RISK_STEP_UP', message: '需要短信验证', decisionId: 'dec_r' } };
  };
  const onDone = jest.fn();
  render(<RenewalSection loanId="L-active" onDone={onDone} />);
  fireEvent.click(screen.getByTestId('renewal-term-6'));
  fireEvent.click(screen.getByTestId('renewal-submit'));
  expect(await screen.findByTestId('risk-step-up')).toHaveTextContent('需要短信验证');
  expect(screen.queryByTestId('renewal-error')).toBeNull();
  fireEvent.click(screen.getByTestId('step-up-send'));
  await screen.findByTestId('step-up-sent');
  fireEvent.change(screen.getByTestId('step-up-code-input'), { target: { value: '135790' } });
  fireEvent.click(screen.getByTestId('step-up-verify'));
  expect(await screen.findByTestId('renewal-success')).toBeInTheDocument();
  await waitFor(() => expect(renewals).toHaveLength(2));
  expect(renewals[1].header).toMatchObject({ 'x-step-up-code': '135790', 'idempotency-key': 'renewal-key' });
  expect(renewals[1].data).toEqual(renewals[0].data);
  expect(screen.queryByTestId('risk-step-up')).toBeNull();
});
