// Kept free of Taro so Node-side tests (test/e2e/session.ts) can import it.
export { CONSENT_PURPOSES, type ConsentPurpose } from '../domain/consent-purposes';

/** Version of the notices the user read; bump it when a notice changes, and ask again. */
export const NOTICE_VERSION = '2026.11';
