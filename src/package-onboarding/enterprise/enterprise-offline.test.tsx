import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import EnterprisePage from '.';
import { network, resetTaroMock } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';

// Issue 9 point 9: what a failed save says — the network when it is the network, the field and its
// limit when the bank refuses a value.
const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(`${testId}-input`), { target: { value } });

async function fillForm(name: string) {
  render(<EnterprisePage />);
  await waitFor(() => expect(screen.getByTestId('enterprise-form')).toBeInTheDocument());
  type('enterprise-uscc', '91350100M000100Y43');
  type('enterprise-name', name);
  type('enterprise-legal-rep', '李四');
  type('enterprise-date', '2018-05-20');
  type('enterprise-industry', '批发零售');
  type('enterprise-revenue', '1200000');
  type('enterprise-employees', '8');
  fireEvent.click(screen.getByTestId('enterprise-role-legal-rep'));
  fireEvent.click(screen.getByTestId('enterprise-submit'));
}

describe('EnterprisePage save failures', () => {
  beforeEach(() => {
    resetTaroMock();
    setSessionToken('session-1');
  });

  it('offline: says the network is unavailable and to retry, and keeps what was typed', async () => {
    network.respond = (opts) => {
      if (opts.method === 'POST') throw new Error('request:fail');
      return { statusCode: 200, data: { items: [] } };
    };
    await fillForm('福州示例商贸有限公司');
    await waitFor(() => expect(screen.getByTestId('enterprise-error')).toHaveTextContent('网络'));
    expect(screen.getByTestId('enterprise-error')).toHaveTextContent('重试');
    expect(screen.getByTestId('enterprise-error')).not.toHaveTextContent('填写内容');
    expect(screen.getByTestId('enterprise-name-input')).toHaveValue('福州示例商贸有限公司');
    expect(screen.getByTestId('enterprise-uscc-input')).toHaveValue('91350100M000100Y43');
  });

  it('a too-long name: the bank’s message (field in Chinese, its limit) lands under the name', async () => {
    const message = '企业名称最多100个字符，请缩短后重试'; // as server/src/validation-messages.ts words it
    network.respond = (opts) =>
      opts.method === 'POST'
        ? { statusCode: 400, data: { code: 'VALIDATION', message, field: 'name' } }
        : { statusCode: 200, data: { items: [] } };
    await fillForm('福'.repeat(101));
    await waitFor(() => expect(screen.getByTestId('enterprise-name-error')).toHaveTextContent(message));
    expect(screen.getByTestId('enterprise-name-input')).toHaveValue('福'.repeat(101));
  });
});
