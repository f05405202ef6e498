/**
 * Form fields whose typing rhythm the SDK may measure (lengths and timing only, never values).
 * Pages pass these ids to `risk().behaviour.focus/input/blur`.
 */
export const RISK_FIELDS = [
  'phone',
  'smsCode',
  'name',
  'idNumber',
  'uscc',
  'enterpriseName',
  'amount',
  'accountNo',
  'contractSmsCode',
] as const;
export type RiskField = (typeof RISK_FIELDS)[number];
