import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import RealNamePage from '.';
import { network, resetTaroMock } from '../../../test/mocks/taro';
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
    network.respond = () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: '实名信息不存在' } });
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
});
