import { formatRatePercent, formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';

/** A contract's terms as the bank stores them (an open object: older contracts may lack a field). */
type Terms = Record<string, unknown>;

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The key terms as label/value rows, money and rates formatted by the shared domain code. */
export function keyTermRows(terms: Terms): { label: string; value: string; key: string }[] {
  const t = zhCN.onboarding.contracts;
  const limit = num(terms.limitFen);
  const rate = str(terms.annualRate);
  const months = num(terms.termMonths);
  const method = str(terms.method);
  const fees = num(terms.feesFen);
  const rows: { label: string; value: string | null; key: string }[] = [
    { key: 'limit', label: t.limit, value: limit === null ? null : formatYuan(limit) },
    { key: 'rate', label: t.annualRate, value: rate && formatRatePercent(rate) },
    { key: 'term', label: t.term, value: months === null ? null : t.termValue(months) },
    { key: 'method', label: t.method, value: method && (t.methods[method] ?? method) },
    { key: 'fees', label: t.fees, value: fees === null ? null : formatYuan(fees) },
    { key: 'validUntil', label: t.validUntil, value: str(terms.offerValidUntil)?.slice(0, 10) ?? null },
  ];
  return rows.filter((r): r is { label: string; value: string; key: string } => r.value !== null);
}

/** The bank's own wording of the rules (penalty, prepayment, day count, fees), shown as written. */
export function ruleTexts(terms: Terms): string[] {
  return ['penaltyRule', 'prepaymentRule', 'dayCountRule', 'feesRule']
    .map((k) => str(terms[k]))
    .filter((s): s is string => s !== null);
}
