import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import RealNamePage from '.';
import { navigations, network, resetTaroMock } from '../../../test/mocks/taro';
import { setSessionToken } from '../../services/session';
import { saveConsent } from '../../services/consent';

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(`${testId}-input`), { target: { value } });

describe('RealNamePage', () => {
  beforeEach(async () => {
    resetTaroMock();
    await saveConsent({ personal_info: true, risk_device: false });
    setSessionToken('session-1');
  });

  it('shows the resident-ID check-digit message in place and submits nothing', async () => {
    // A new customer: no real-name record yet is a normal answer (200 with null), not an error.
    network.respond = () => ({ statusCode: 200, data: null });
    render(<RealNamePage />);
    expect(screen.getByTestId('step-indicator')).toHaveTextContent('第1步 / 共5步');
    await waitFor(() => expect(screen.getByTestId('real-name-form')).toBeInTheDocument());
    type('real-name-name', '张三');
    type('real-name-id', '110105194912310021'); // valid is …002X
    fireEvent.click(screen.getByTestId('real-name-submit'));
    expect(screen.getByTestId('real-name-id-error')).toHaveTextContent('校验');
    expect(network.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('shows the saved state of a verified customer and lets them continue', async () => {
    network.respond = () => ({
      statusCode: 200,
      data: { name: '张三', idNumber: '1101**********0014', verifiedAt: '2026-03-01T00:00:00Z', faceVerified: true },
    });
    render(<RealNamePage />);
    await waitFor(() => expect(screen.getByTestId('real-name-saved-name')).toHaveTextContent('张三'));
    expect(screen.getByTestId('real-name-face-done')).toHaveTextContent('人脸核验已通过');
    expect(screen.getByTestId('real-name-next')).toBeEnabled();
  });

  it('asks for the face consent before the simulated face check', async () => {
    const saved = { name: '张三', idNumber: '1101**********0014', verifiedAt: '2026-03-01T00:00:00Z' };
    network.respond = (opts) =>
      opts.url === '/api/customer/face'
        ? { statusCode: 200, data: { ...saved, faceVerified: true } }
        : { statusCode: 200, data: opts.url === '/api/customer' ? { ...saved, faceVerified: false } : {} };
    render(<RealNamePage />);
    await waitFor(() => expect(screen.getByTestId('real-name-face')).toBeDisabled());
    fireEvent.click(screen.getByTestId('real-name-face-consent'));
    fireEvent.click(screen.getByTestId('real-name-face'));
    await waitFor(() => expect(screen.getByTestId('real-name-face-done')).toBeInTheDocument());
    const posts = network.requests.filter((r) => r.method === 'POST').map((r) => r.url);
    expect(posts).toEqual(['/api/consents', '/api/customer/face']);
  });

  it("a resident ID verified on another account: the bank's message at the ID field and the way to 人工服务", async () => {
    const message =
      '该身份证号已在另一个账户完成实名认证，不能重复认证。如确为本人，请在“设置 > 投诉与人工服务”联系人工服务核实身份';
    network.respond = (opts) =>
      opts.method === 'POST'
        ? { statusCode: 409, data: { code: 'ID_NUMBER_IN_USE', message, field: 'idNumber' } }
        : { statusCode: 200, data: null };
    render(<RealNamePage />);
    await waitFor(() => expect(screen.getByTestId('real-name-form')).toBeInTheDocument());
    expect(screen.queryByTestId('real-name-service')).toBeNull();
    type('real-name-name', '张三');
    type('real-name-id', '110105198506150014');
    fireEvent.click(screen.getByTestId('real-name-submit'));
    await waitFor(() => expect(screen.getByTestId('real-name-id-error')).toHaveTextContent('人工服务'));
    fireEvent.click(screen.getByTestId('real-name-service'));
    expect(navigations.at(-1)).toMatchObject({ url: '/package-account/service/index' });
  });
});
