import { render, screen, fireEvent } from '@testing-library/react';
import EstimatePage from '.';
import { navigations, network, resetTaroMock } from '../../../test/mocks/taro';

describe('EstimatePage', () => {
  beforeEach(() => resetTaroMock());

  it('shows the range, says it is not an approval, and continues to the application', async () => {
    network.respond = () => ({
      statusCode: 200,
      data: {
        enterpriseId: 'ent_1',
        enterpriseName: '福州零接商贸有限公司',
        minFen: 50_000_000,
        maxFen: 100_000_000,
        annualRate: '0.0435',
        basis: '按企业年营业收入的20%估算，单户最高300万元',
        notApproval: true,
        note: '测额结果不是审批结果，最终额度以审批为准',
      },
    });
    render(<EstimatePage />);
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('第4步 / 共5步');
    expect(screen.getByTestId('loading')).toHaveTextContent('正在根据企业数据测算额度');
    expect(await screen.findByTestId('estimate-range')).toHaveTextContent('50万元–100万元');
    expect(screen.getByTestId('not-approval')).toHaveTextContent('测额结果不是审批结果，最终额度以审批为准');
    fireEvent.click(screen.getByTestId('continue'));
    expect(navigations[0].url).toBe('/package-apply/application/index');
  });

  it('without an enterprise: an empty state linking to the enterprise form', async () => {
    network.respond = () => ({
      statusCode: 409,
      data: { code: 'ENTERPRISE_REQUIRED', message: '请先填写企业信息，再测额' },
    });
    render(<EstimatePage />);
    fireEvent.click(await screen.findByTestId('to-enterprise'));
    expect(navigations[0].url).toBe('/package-onboarding/enterprise/index');
  });

  it('a failure says what happened and offers a retry', async () => {
    network.respond = () => ({ statusCode: 500 });
    render(<EstimatePage />);
    expect(await screen.findByTestId('error-state')).toHaveTextContent('服务暂时不可用');
  });
});
