/** A failed domain operation: a stable machine `code` and a zh-CN `message` for the user. */
export type Failure = { ok: false; code: string; message: string };
export type Result<T> = { ok: true; value: T } | Failure;

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(code: string, message: string): Failure {
  return { ok: false, code, message };
}

/**
 * Thrown for programming errors (a caller passed a float as fen, an impossible date, …).
 * User input goes through validators and `Result`s instead.
 */
export class DomainError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}
