/**
 * The user's consents, one per purpose, each given separately and revocable (PIPL). Kept on the
 * device so the risk SDK can be started at launch, and recorded by the bank (POST /api/consents)
 * once the user is signed in. Nothing is collected before `risk_device` is granted.
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
/** Version of the notices the user read; bump it when a notice changes, and ask again. */
export const NOTICE_VERSION = '2026.11';
