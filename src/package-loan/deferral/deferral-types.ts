import type { ApiResult } from '../../services/api/types';

/** One option of GET /api/loans/{id}/deferral-options (the route's schema is open). */
export type DeferralOptionView =
  | {
      available: true;
      option: DeferralKind;
      label: string;
      months: number;
      extraInterestFen: number;
      deferredInterestFen: number;
      newMaturityDate: string;
      penaltyWaived: boolean;
      rows: { period: number; dueDate: string; paymentFen: number }[];
    }
  | { available: false; option: DeferralKind; label: string; months: number; code: string; message: string };

export type DeferralKind = 'INTEREST_ONLY' | 'RESPREAD' | 'FULL_DEFERRAL';

export interface DeferralOptions {
  policy: { maxDeferralMonths: number; oncePerLoan: boolean };
  options: DeferralOptionView[];
}

export type DeferralResult = ApiResult<'/api/loans/{id}/deferrals', 'post'>;
export type RenewalResult = ApiResult<'/api/loans/{id}/renewals', 'post'>;
export type DeferralRecord = ApiResult<'/api/loans/{id}/deferrals', 'get'>['items'][number];
export type RenewalRecord = ApiResult<'/api/loans/{id}/renewals', 'get'>['items'][number];
