import { DomainError } from './errors';
import { fieldNamesZhCN, zhCN, type FieldName } from './messages.zh-CN';

/** An amount of money in fen (分, 0.01 yuan). Always a safe integer. */
export type Fen = number;

/** Throws unless `value` is a safe integer number of fen (negative allowed only if `allowNegative`). */
export function assertFen(value: unknown, field: FieldName = 'amount', allowNegative = false): asserts value is Fen {
  const name = fieldNamesZhCN[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError('MONEY_NOT_SAFE_INTEGER', zhCN.MONEY_NOT_SAFE_INTEGER(name));
  }
  if (!allowNegative && value < 0) throw new DomainError('MONEY_NEGATIVE', zhCN.MONEY_NEGATIVE(name));
}
