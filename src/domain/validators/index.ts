export * from './result';
export * from './resident-id';
export * from './uscc';
export * from './bank-card';
export * from './mobile';
export * from './loan-limits';
