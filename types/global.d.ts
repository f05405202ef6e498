/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    /** Base URL of the sandbox bank API, baked in at build time. */
    TARO_APP_API_BASE?: string;
  }
}

/** Build-time constants (config/index.ts). */
declare const LJ_RISK_PUBLIC_KEY: string;
declare const LJ_RISK_KEY_ID: string;
/** Base URL of the sandbox bank API: '/api' on H5 (same origin), absolute on the mini-program. */
declare const LJ_API_BASE: string;
