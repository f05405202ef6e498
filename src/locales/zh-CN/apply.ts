// Strings of the limit estimate, application, decision, contract, drawdown screens.
export const apply = {} as const;
