import type { ApiResult } from '../../services/api/types';
import type { OverdueRow } from '../../components/servicing-data';

/** One kind's answer in GET /api/loans/{id}/repayment-options (the route's schema is open). */
export type RepayOption =
  | {
      available: true;
      amountFen: number;
      principalFen: number;
      interestFen: number;
      penaltyFen: number;
      /** 复利 on overdue interest (overdue only; 0 or absent otherwise). */
      compoundFen?: number;
      detail: {
        periods?: number[];
        rows?: OverdueRow[];
        days?: number;
        interestSavedFen?: number;
        /** current: paid before its due date (interest only to today, the rest carried). */
        early?: boolean;
        dueDate?: string;
        carriedInterestFen?: number;
      };
    }
  | { available: false; code: string; message: string };

export interface RepayOptions {
  current: RepayOption;
  overdue: RepayOption;
  full: RepayOption;
}

export type RepayKind = 'overdue' | 'current' | 'full' | 'partial';
export type PrepayOption = 'SHORTEN_TERM' | 'LOWER_INSTALMENT';

export interface PayoffQuote {
  date: string;
  principalFen: number;
  interestFen: number;
  totalFen: number;
  days: number;
  interestSavedFen?: number;
}

export interface PrepaymentPreview {
  prepaidPrincipalFen: number;
  accruedOnPrepaidFen: number;
  newInstalmentFen: number;
  remainingPeriods: number;
  interestSavedFen: number;
}

export type RepayResult = ApiResult<'/api/loans/{id}/repayments', 'post'>;
