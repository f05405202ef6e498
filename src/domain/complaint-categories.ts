import { complaintCategoriesZhCN } from './messages.zh-CN';

/**
 * What a customer can complain about (the app's form, the bank's validation and notices, the staff
 * console's queue): one list, so a category added here reaches all three. The labels live with the
 * domain's other zh-CN strings.
 */
export const COMPLAINT_CATEGORIES = complaintCategoriesZhCN;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;
