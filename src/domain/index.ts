/**
 * Lingjie domain layer: money math and validators. Pure TypeScript — no Taro, no I/O — so the
 * mini-program (previews, form checks) and the sandbox bank (the authority) share one implementation.
 */
export { Dec } from './decimal';
export type { DecimalInput } from './decimal';
export * from './errors';
export { zhCN, fieldNamesZhCN, unitsZhCN, purposeLabelsZhCN } from './messages.zh-CN';
export type { MessageCode, FieldName } from './messages.zh-CN';
export * from './money';
export * from './rate';
export * from './day-count';
export * from './due-dates';
export * from './schedule';
export * from './apr';
export * from './penalty';
export * from './loan-state';
export * from './prepayment';
export * from './deferral';
export * from './validators';
export { CONSENT_PURPOSES, type ConsentPurpose } from './consent-purposes';
export { COMPLAINT_CATEGORIES, type ComplaintCategory } from './complaint-categories';
export { CREDIT_LOAN_PRODUCT } from './product';
