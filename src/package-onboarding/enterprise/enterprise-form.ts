import { validateUscc, yuanToFen } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import type { ApiBody } from '../../services/api/types';

export interface EnterpriseForm {
  uscc: string;
  name: string;
  legalRepName: string;
  registrationDate: string;
  industry: string;
  revenueYuan: string;
  employees: string;
  /** Nothing is chosen for the user: they say whether they are the legal representative. */
  role: '' | 'legal_rep' | 'authorised';
  authorisationRef: string;
}

export const EMPTY_ENTERPRISE_FORM: EnterpriseForm = {
  uscc: '',
  name: '',
  legalRepName: '',
  registrationDate: '',
  industry: '',
  revenueYuan: '',
  employees: '',
  role: '',
  authorisationRef: '',
};

export type FormErrors = Partial<Record<keyof EnterpriseForm | 'form', string>>;

/** The bank's request body, from the generated API types. */
export type EnterpriseBody = ApiBody<'/api/enterprises', 'post'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function revenueFen(yuan: string): number | null {
  try {
    const fen = yuanToFen(yuan);
    return fen >= 0 ? fen : null;
  } catch {
    return null; // more than two decimals or not a number: the message below says how to write it
  }
}

/** Checks the form with the shared validators; every problem gets its own message in place. */
export function checkEnterpriseForm(
  f: EnterpriseForm,
): { ok: true; body: EnterpriseBody } | { ok: false; errors: FormErrors } {
  const t = zhCN.onboarding.enterprise;
  const errors: FormErrors = {};
  const uscc = validateUscc(f.uscc);
  if (!uscc.ok) errors.uscc = uscc.message;
  if (f.name.trim().length < 2) errors.name = t.nameMissing;
  if (!f.legalRepName.trim()) errors.legalRepName = t.legalRepMissing;
  if (!DATE.test(f.registrationDate.trim()) || Number.isNaN(Date.parse(f.registrationDate.trim())))
    errors.registrationDate = t.dateBad;
  if (!f.industry.trim()) errors.industry = t.industryMissing;
  const fen = revenueFen(f.revenueYuan);
  if (fen === null) errors.revenueYuan = t.revenueBad;
  const employees = /^\d{1,7}$/.test(f.employees.trim()) ? Number(f.employees.trim()) : null;
  if (employees === null) errors.employees = t.employeesBad;
  if (!f.role) errors.role = t.roleMissing;
  if (f.role === 'authorised' && !f.authorisationRef.trim()) errors.authorisationRef = t.authRefMissing;
  if (Object.keys(errors).length || !uscc.ok || fen === null || employees === null) return { ok: false, errors };
  return {
    ok: true,
    body: {
      uscc: uscc.value.code,
      name: f.name.trim(),
      legalRepName: f.legalRepName.trim(),
      registrationDate: f.registrationDate.trim(),
      industry: f.industry.trim(),
      annualRevenueFen: fen,
      employees,
      ...(f.role === 'authorised' ? { authorisationRef: f.authorisationRef.trim() } : {}),
    },
  };
}
