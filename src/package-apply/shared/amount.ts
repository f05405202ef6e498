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
    // Too many digits to hold in fen: the owner needs the allowed range, not how fen are stored.
    if (e instanceof DomainError && e.code === 'MONEY_NOT_SAFE_INTEGER') {
      fen = text.trim().startsWith('-') ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
    } else {
      return { fen: null, error: e instanceof DomainError ? e.message : String(e) };
    }
  }
  const r = validateLoanAmount(fen, limits);
  return r.ok ? { fen: r.value, error: null } : { fen: null, error: r.message };
}
