import { aprOfSchedule, buildSchedule, type AmortisingMethod, type Schedule } from '../domain';

/** APR (IRR × 12, PBOC [2021] No. 3) of a schedule as a decimal string and a label. */
export function aprOf(
  principalFen: number,
  schedule: Schedule,
  fees: { upfrontFeeFen?: number; perPeriodFeeFen?: number } = {},
) {
  const { apr } = aprOfSchedule(principalFen, schedule, fees);
  return { apr: apr.toFixed(6), aprPercent: `${apr.times(100).toFixed(2)}%`, aprBasis: '按IRR计算（年化）' };
}

export function scheduleRowsView(schedule: Schedule) {
  return schedule.rows.map((r) => ({
    period: r.period,
    dueDate: r.dueDate,
    principalFen: r.principalFen,
    interestFen: r.interestFen,
    paymentFen: r.paymentFen,
    balanceFen: r.balanceFen,
  }));
}

/** The full preview a borrower sees for a set of terms: rows, totals and APR. */
export function schedulePreview(
  method: AmortisingMethod,
  principalFen: number,
  annualRate: string,
  termMonths: number,
  startDate: string,
) {
  const schedule = buildSchedule(method, { principalFen, annualRate, termMonths, startDate });
  return { rows: scheduleRowsView(schedule), totals: schedule.totals, ...aprOf(principalFen, schedule) };
}

/**
 * Overdue charges (银发〔2003〕251号): 罚息 on overdue principal and 复利 on interest not paid when
 * due, both at the contract rate × 1.5 from the first overdue day. 复利 is on by default; a bank whose
 * policy waives it starts the server with OVERDUE_COMPOUND_INTEREST=0.
 */
export const OVERDUE_POLICY = { compoundInterest: process.env.OVERDUE_COMPOUND_INTEREST !== '0' } as const;

export const TERMS_TEXT = {
  penaltyRule: OVERDUE_POLICY.compoundInterest
    ? '逾期本金自逾期第一天起按合同利率的 1.5 倍计收罚息；逾期未付的利息按同一罚息利率计收复利'
    : '逾期本金自逾期第一天起按合同利率的 1.5 倍计收罚息（不对利息计收复利）',
  prepaymentRule: '可随时全部或部分提前还款，利息计至还款日，不收取违约金或手续费',
  dayCountRule: '月度利息按 年利率÷12 计算；按日计息（提前还款、罚息）按实际天数/360，每期利息四舍五入到分',
  feesRule: '无任何手续费、服务费；本行不会收取任何放款前费用',
} as const;
