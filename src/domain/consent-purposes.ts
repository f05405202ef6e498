/**
 * The purposes a customer consents to, each separately and revocably (PIPL): the app asks for
 * them and the bank records them, so both use this one list.
 */
export const CONSENT_PURPOSES = [
  'personal_info',
  'risk_device',
  'credit_report',
  'biometric',
  'enterprise_credit',
  'tax',
  'invoice',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
