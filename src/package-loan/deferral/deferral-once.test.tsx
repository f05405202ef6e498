import { render, screen, within } from '@testing-library/react';
import DeferralPage from '.';
import { network, resetTaroMock } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { deferralOptions } from '../../components/servicing-data/fixtures';
import { zhCN } from '../../locales/zh-CN';

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('../../../test/mocks/taro');
  return { __esModule: true, ...actual, useRouter: () => ({ params: { id: 'L-deferred' } }) };
});
jest.mock('../../services/risk', () => ({
  sealAction: jest.fn(async (action: string) => `token-for-${action}`),
  resetRiskSession: jest.fn(),
  riskBehaviour: () => null,
}));

// What the bank answers for a loan whose one deferral is used (servicing.ts alreadyDeferred).
const why =
  '本笔贷款已于 2026-10-20 办理过延期（延期还本付息（正常计息、免收罚息），3个月），每笔贷款只能延期一次；如仍有困难，可在到期前申请无还本续贷或联系人工服务';
const used = {
  policy: deferralOptions.policy,
  options: deferralOptions.options.map((o) => ({
    available: false,
    option: o.option,
    label: o.label,
    months: 3,
    code: 'DEFERRAL_ALREADY_USED',
    message: why,
  })),
};

describe('DeferralPage on a loan that already has a deferral (issue #9 point 8)', () => {
  beforeEach(() => {
    resetTaroMock();
    setSessionToken('demo-session');
  });

  it('shows every option disabled with the reason and offers no submit', async () => {
    network.respond = (req) => {
      if (req.url.includes('/deferral-options')) return { statusCode: 200, data: used };
      if (req.url.endsWith('/deferrals') || req.url.endsWith('/renewals'))
        return { statusCode: 200, data: { items: [] } };
      return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } };
    };
    render(<DeferralPage />);
    const options = await screen.findByTestId('deferral-options');
    for (const card of within(options).getAllByRole('radio')) {
      expect(card).toHaveAttribute('aria-disabled', 'true');
      expect(card).toHaveTextContent('每笔贷款只能延期一次');
    }
    expect(screen.getByTestId('deferral-none-available')).toHaveTextContent('目前没有可申请的延期方案');
    expect(screen.getByTestId('deferral-submit')).toBeDisabled();
  });

  it('says the deferred interest is spread over the instalments after the deferral (point 12)', () => {
    // The words must match the schedule the bank builds (FULL_DEFERRAL with deferredInterest SPREAD).
    expect(zhCN.servicing.deferral.deferredInterest).toContain('平均分摊到延期后各期');
  });
});
