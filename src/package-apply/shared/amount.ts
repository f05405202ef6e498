import { DomainError, validateLoanAmount, yuanToFen, type AmountLimits } from '../../domain';

export type AmountCheck = { fen: number; error: null } | { fen: null; error: string | null };

/**
 * The yuan the user typed → integer fen, checked by the shared validator. An empty field is not
 * an error yet (the user has not typed), only "not ready".
 */
export function checkAmount(text: string, limits: AmountLimits = {}): AmountCheck {
  if (text.trim() === '') return { fen: null, error: null };
  let fen: number;
  try {
    fen = yuanToFen(text);
  } catch (e) {
    return { fen: null, error: e instanceof DomainError ? e.message : String(e) };
  }
  const r = validateLoanAmount(fen, limits);
  return r.ok ? { fen: r.value, error: null } : { fen: null, error: r.message };
}
