import Decimal from 'decimal.js';

/**
 * The domain's own Decimal constructor: 40 significant digits, ROUND_HALF_UP.
 * A clone, so nothing here depends on (or changes) the global Decimal settings of the host app.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export type DecimalInput = string | number | Decimal;

export function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}
