export type { Failure } from '../errors';

/** A non-blocking finding: the value is usable, but the user should look again. */
export interface ValidationWarning {
  code: string;
  message: string;
}

/** What every validator returns: a normalised value (maybe with warnings) or one specific failure. */
export type ValidationResult<T> =
  { ok: true; value: T; warnings?: ValidationWarning[] } | { ok: false; code: string; message: string };
