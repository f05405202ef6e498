import { toApiError } from './api-error';

describe('toApiError', () => {
  it('names a missing consent in Chinese, whatever key the bank put in its message', () => {
    const e = toApiError(409, {
      code: 'CONSENT_REQUIRED',
      message: '请先同意相关授权（credit_report）后再继续',
      field: 'credit_report',
    });
    expect(e.message).toContain('个人征信查询授权');
    expect(e.message).not.toContain('credit_report');
    expect(e.field).toBe('credit_report'); // kept, so the screen can link to granting it
  });

  it('leaves other messages as the bank wrote them', () => {
    expect(toApiError(400, { code: 'X', message: '金额不正确', field: 'amountFen' }).message).toBe('金额不正确');
  });
});
