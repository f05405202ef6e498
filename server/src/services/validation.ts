import { validateMobile } from '../domain';
import { AppError } from '../errors';

type Outcome<T> =
  | { ok: true; value: T; warnings?: Array<{ code: string; message: string }> }
  | { ok: false; code: string; message: string };

/** Unwraps a shared-validator result, turning a failure into a 400 that names the field. */
export function check<T>(result: Outcome<T>, field: string): T {
  if (!result.ok) throw new AppError(400, result.code, result.message, field);
  return result.value;
}

export function validatePhone(input: string, field = 'phone'): string {
  return check(validateMobile(input), field).number;
}
