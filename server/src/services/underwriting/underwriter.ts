/** What the underwriter sees: the application, who applies, and the verified risk token. */
export interface UnderwritingInput {
  application: { amountFen: number; termMonths: number; method: string; purpose: string };
  /** `phone`: the bound mobile number, if any. */
  customer: { idNumber: string; name: string; faceVerified: boolean; phone?: string | null };
  enterprise: {
    uscc: string;
    registrationDate: string;
    annualRevenueFen: number;
    employees: number;
    industry: string;
    applicantRole: string;
    /** Another customer already held this USCC when this one added it (an authorised claim, flagged for review). */
    usccSharedWithOtherCustomer?: boolean;
  };
  /** The verified action token (header + decrypted payload); the risk engine reads its signals. */
  risk: { header: Record<string, unknown>; payload: unknown } | null;
  /** Server-side context the client cannot forge. */
  context: { ip: string; userId: string; today: string };
}

export interface DecisionReason {
  /** Stable machine code (documented; counted in reports). */
  code: string;
  /** Internal explanation for staff; never shown to the applicant. */
  detail: string;
}

export type DecisionOutcome = 'approve' | 'review' | 'reject';

export interface Decision {
  decision: DecisionOutcome;
  reasons: DecisionReason[];
  /** Plain-language zh-CN category shown to the applicant (PIPL Art. 24): no rule internals. */
  category: string | null;
  /** Approved terms when decision is approve. */
  offer?: { limitFen: number; annualRate: string };
  /** The risk engine's decision record id, when the engine took part (stored with the application). */
  riskDecisionId?: string;
}

/**
 * The one seam between lending and risk: the bank's underwriter (risk-underwriter.ts) runs the
 * credit policy and the SDK's risk engine behind it; tests may put anything here.
 */
export interface Underwriter {
  decide(input: UnderwritingInput): Promise<Decision>;
}
