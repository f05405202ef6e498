// Strings of the consent, login, real-name, enterprise, data authorisations, settings, notices screens.
export const onboarding = {} as const;
