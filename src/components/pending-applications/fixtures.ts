// Applications as GET /api/applications lists them, for the 首页 / 我的贷款 component tests.
export const reviewApplication = {
  id: 'A-review-0001',
  enterpriseId: 'E-1',
  amountFen: 30_000_000,
  termMonths: 12,
  method: 'equal_installment',
  purpose: 'working_capital',
  status: 'review' as const,
  decision: { reasonCodes: ['MANUAL_REVIEW'], category: null },
  offer: null,
  createdAt: '2026-12-01T08:30:00.000Z',
  decidedAt: null,
};

export const approvedApplication = {
  ...reviewApplication,
  id: 'A-approved-0002',
  status: 'approved' as const,
  decidedAt: '2026-11-01T08:30:00.000Z',
};
