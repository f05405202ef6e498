import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import EnterprisePage from '.';
import { network, resetTaroMock } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { validateUscc } from '../../domain';

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(`${testId}-input`), { target: { value } });

describe('EnterprisePage', () => {
  beforeEach(() => {
    resetTaroMock();
    setSessionToken('session-1');
  });

  it('shows the USCC validator message in place and the empty list', async () => {
    network.respond = () => ({ statusCode: 200, data: { items: [] } });
    render(<EnterprisePage />);
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('第2步 / 共5步');
    await waitFor(() => expect(screen.getByTestId('empty-state')).toHaveTextContent('还没有添加企业'));
    type('enterprise-uscc', '91350100M000100Y44');
    fireEvent.click(screen.getByTestId('enterprise-submit'));
    const expected = validateUscc('91350100M000100Y44');
    if (expected.ok) throw new Error('test code must be invalid');
    expect(screen.getByTestId('enterprise-uscc-error')).toHaveTextContent(expected.message);
    expect(screen.getByTestId('enterprise-role-error')).toHaveTextContent('请选择您的身份');
    expect(network.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(screen.getByTestId('enterprise-next')).toBeDisabled();
  });

  it('sends revenue in fen and shows the bank’s field error next to the field', async () => {
    network.respond = (opts) =>
      opts.method === 'POST'
        ? {
            statusCode: 422,
            data: {
              code: 'AUTHORISATION_REQUIRED',
              message: '您不是该企业的法定代表人，请上传法定代表人授权书',
              field: 'authorisationRef',
            },
          }
        : { statusCode: 200, data: { items: [] } };
    render(<EnterprisePage />);
    await waitFor(() => expect(screen.getByTestId('enterprise-form')).toBeInTheDocument());
    type('enterprise-uscc', '91350100M000100Y43');
    type('enterprise-name', '福州示例商贸有限公司');
    type('enterprise-legal-rep', '李四');
    type('enterprise-date', '2018-05-20');
    type('enterprise-industry', '批发零售');
    type('enterprise-revenue', '1200000.50');
    type('enterprise-employees', '8');
    fireEvent.click(screen.getByTestId('enterprise-role-authorised'));
    type('enterprise-auth-ref', 'SQ-2026-001');
    fireEvent.click(screen.getByTestId('enterprise-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('enterprise-auth-ref-error')).toHaveTextContent('请上传法定代表人授权书'),
    );
    const post = network.requests.find((r) => r.method === 'POST');
    expect(post?.data).toMatchObject({ annualRevenueFen: 120000050, employees: 8, authorisationRef: 'SQ-2026-001' });
  });

  it('a field error on a field the form hides (legal representative chosen) lands at the form level', async () => {
    network.respond = (opts) =>
      opts.method === 'POST'
        ? {
            statusCode: 422,
            data: {
              code: 'AUTHORISATION_REQUIRED',
              message: '您不是该企业的法定代表人，请上传法定代表人授权书',
              field: 'authorisationRef',
            },
          }
        : { statusCode: 200, data: { items: [] } };
    render(<EnterprisePage />);
    await waitFor(() => expect(screen.getByTestId('enterprise-form')).toBeInTheDocument());
    type('enterprise-uscc', '91350100M000100Y43');
    type('enterprise-name', '福州示例商贸有限公司');
    type('enterprise-legal-rep', '李四'); // not the verified real name
    type('enterprise-date', '2018-05-20');
    type('enterprise-industry', '批发零售');
    type('enterprise-revenue', '1200000');
    type('enterprise-employees', '8');
    fireEvent.click(screen.getByTestId('enterprise-role-legal-rep'));
    fireEvent.click(screen.getByTestId('enterprise-submit'));
    await waitFor(() => expect(screen.getByTestId('enterprise-error')).toHaveTextContent('请上传法定代表人授权书'));
    expect(screen.queryByTestId('enterprise-auth-ref')).toBeNull();
  });

  it('names the legal representative once, says who the applicant is, and shows no stock placeholder', async () => {
    const saved = {
      id: 'ent_1',
      uscc: '91350100M000100Y43',
      name: '福州零接商贸有限公司',
      legalRepName: '张三',
      applicantRole: 'legal_rep',
      industry: '批发零售',
      annualRevenueFen: 500_000_000,
      employees: 8,
    };
    network.respond = () => ({ statusCode: 200, data: { items: [saved] } });
    render(<EnterprisePage />);
    const line = await screen.findByTestId('enterprise-item-legal-rep');
    expect(line).toHaveTextContent('法定代表人 张三（您本人）');
    expect(line.textContent?.match(/法定代表人/g)).toHaveLength(1);
    fireEvent.click(screen.getByTestId('enterprise-role-authorised'));
    for (const input of Array.from(document.querySelectorAll('input'))) {
      expect(input.getAttribute('placeholder')).not.toBe('请输入内容');
    }
    expect(screen.getByTestId('enterprise-auth-ref-input')).toHaveAttribute(
      'placeholder',
      '见授权书右上角，例如 SQ-2026-0001',
    );
  });
});
