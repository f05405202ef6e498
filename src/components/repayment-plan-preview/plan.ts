import {
  aprOfSchedule,
  buildSchedule,
  formatRatePercent,
  type AmortisingMethod,
  type Schedule,
  type ScheduleRow,
} from '../../domain';

export interface PlanInput {
  principalFen: number;
  termMonths: number;
  method: AmortisingMethod;
  /** Annual simple rate as a decimal string ('0.0435') or basis points. */
  annualRate: string | { bp: number };
  startDate: string;
}

export interface Plan {
  schedule: Schedule;
  rows: ScheduleRow[];
  /** What the user pays per period in the headline: the instalment, the first one, or the monthly interest. */
  headlineFen: number;
  aprPercent: string;
  contractRatePercent: string;
}

/** Today's date in China (the bank's business day), as the value date of a preview. */
export function todayInChina(now: number = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The on-device preview: the shared domain's schedule and APR (IRR × 12), the same code the bank
 * runs, so the preview cannot disagree with the contract for the same terms.
 */
export function computePlan(input: PlanInput): Plan {
  const schedule = buildSchedule(input.method, {
    principalFen: input.principalFen,
    annualRate: input.annualRate,
    termMonths: input.termMonths,
    startDate: input.startDate,
  });
  const { apr } = aprOfSchedule(input.principalFen, schedule);
  const first = schedule.rows[0];
  return {
    schedule,
    rows: schedule.rows,
    headlineFen: input.method === 'INTEREST_FIRST' ? first.interestFen : first.paymentFen,
    aprPercent: formatRatePercent(apr),
    contractRatePercent: formatRatePercent(input.annualRate),
  };
}
