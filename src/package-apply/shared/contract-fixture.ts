// Test data for the apply screens: a contract as GET /api/contracts/{id} returns it (shape taken
// from a real sandbox answer). Only test files import this.
export const offerTerms = {
  limitFen: 10_000_000,
  annualRate: '0.0435',
  termMonths: 12,
  method: 'EQUAL_INSTALMENT',
  dayCount: 'ACT/360',
  feesFen: 0,
  penaltyRule: '逾期本金自逾期第一天起按合同利率的 1.5 倍计收罚息（不对利息计收复利）',
  prepaymentRule: '可随时全部或部分提前还款，利息计至还款日，不收取违约金或手续费',
  dayCountRule: '月度利息按 年利率÷12 计算',
  feesRule: '无任何手续费、服务费；本行不会收取任何放款前费用',
  offerValidUntil: '2026-03-08T10:00:00.000+08:00',
};

export function contractFixture(status: 'pending' | 'signed') {
  return {
    id: 'ctr_1',
    offerId: 'off_1',
    status,
    terms: offerTerms,
    createdAt: '',
    signedAt: status === 'signed' ? '' : null,
  };
}
