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
