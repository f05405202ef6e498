import { View, Text } from '@tarojs/components';
import type { ScheduleRow } from '../../domain';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import './index.scss';

/** The row fields the table reads; server rows may carry more (status, paid amounts). */
export type ScheduleTableRow = Pick<
  ScheduleRow,
  'period' | 'dueDate' | 'principalFen' | 'interestFen' | 'paymentFen' | 'balanceFen'
>;

export interface ScheduleTableProps {
  rows: readonly ScheduleTableRow[];
  /** Fewer columns (period, payment, principal, interest) for previews inside a form. */
  compact?: boolean;
}

/**
 * A repayment schedule as a table: one row per period, amounts formatted by the domain (fen in,
 * yuan out). Plain views rather than a table widget so it renders the same on WeChat and H5 and
 * grows with elder-mode text.
 */
export function ScheduleTable({ rows, compact = false }: ScheduleTableProps) {
  const t = zhCN.apply.schedule;
  if (rows.length === 0) {
    return (
      <Text className="lj-secondary" data-testid="schedule-table-empty">
        {t.empty}
      </Text>
    );
  }
  return (
    <View className={`lj-schedule${compact ? ' lj-schedule--compact' : ''}`} data-testid="schedule-table">
      <View className="lj-schedule__row lj-schedule__head">
        <Text className="lj-schedule__period">{t.period}</Text>
        <Text>{t.payment}</Text>
        <Text>{t.principal}</Text>
        <Text>{t.interest}</Text>
        {!compact && <Text>{t.balance}</Text>}
      </View>
      {rows.map((r) => (
        <View className="lj-schedule__row" key={r.period} data-testid={`schedule-row-${r.period}`}>
          <View className="lj-schedule__period">
            <Text>{t.periodNo(r.period)}</Text>
            {!compact && <Text className="lj-schedule__date">{r.dueDate}</Text>}
          </View>
          <Text data-testid={`schedule-row-${r.period}-payment`}>{formatYuan(r.paymentFen)}</Text>
          <Text>{formatYuan(r.principalFen)}</Text>
          <Text>{formatYuan(r.interestFen)}</Text>
          {!compact && <Text>{formatYuan(r.balanceFen)}</Text>}
        </View>
      ))}
    </View>
  );
}
