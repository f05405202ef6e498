import { flagRule } from '../device/flag-rule';

/**
 * USCC_SHARED: the enterprise applied for was already held by another customer when this one
 * claimed it. The bank let the claim through only with the legal representative's authorisation;
 * whether that paper is real is for a person to check, so the shipped set sends it to review
 * (a 撸口子 gang registers a real company's USCC under its own applicants).
 */
export const USCC_SHARED = flagRule({
  code: 'USCC_SHARED',
  version: 1,
  category: 'identity',
  feature: 'identity.usccSharedWithOtherCustomer',
  scope: 'any',
  doc: "The enterprise's USCC was already held by another customer when the applicant claimed it (bank record)",
});
