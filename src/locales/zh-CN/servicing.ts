// Strings of the my loans, loan detail, repayment, deferral and renewal screens.
export const servicing = {} as const;
