import '@testing-library/jest-dom';

// Build-time constants that config/index.ts defines for real builds.
Object.assign(globalThis, {
  LJ_API_BASE: '/api',
  LJ_RISK_PUBLIC_KEY: 'test-public-key',
  LJ_RISK_KEY_ID: 'test-key',
});
