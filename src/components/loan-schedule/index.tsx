import { View, Text, ScrollView } from '@tarojs/components';
import { ScheduleTable } from '../schedule-table';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import type { LoanScheduleRow } from '../servicing-data';
import './index.scss';

interface LoanScheduleProps {
  rows: LoanScheduleRow[];
  /** Totals from the bank (principal, interest, payment), shown under the table. */
  totals?: { principalFen: number; interestFen: number; paymentFen: number };
}

/**
 * A drawn loan's schedule: the shared schedule table (date, principal, interest, total,
 * remaining), preceded by each period's state in words (已还 / 逾期 / 待还, not colour alone)
 * and followed by the totals.
 */
export function LoanSchedule({ rows, totals }: LoanScheduleProps) {
  const t = zhCN.servicing.schedule;
  return (
    <View data-testid="loan-schedule">
      <View className="lj-loan-schedule__marks" data-testid="schedule-marks">
        {rows.map((r) => {
          const status = r.status ?? 'due';
          return (
            <Text
              key={r.period}
              className={`lj-loan-schedule__mark lj-loan-schedule__mark--${status}`}
              data-testid={`schedule-mark-${r.period}`}
              data-status={status}
            >
              {t.periodLabel(r.period)} {t.rowStatus[status] ?? status}
            </Text>
          );
        })}
      </View>
      <Text className="lj-secondary lj-loan-schedule__hint">{t.scrollHint}</Text>
      {/* Five columns of amounts do not fit a phone at a readable size: the table scrolls sideways. */}
      <ScrollView scrollX className="lj-loan-schedule__scroll">
        <ScheduleTable rows={rows} />
      </ScrollView>
      {totals && (
        <View className="lj-loan-schedule__totals" data-testid="schedule-totals">
          <Text>{t.totals}</Text>
          <Text>
            {t.total} {formatYuan(totals.paymentFen)} · {t.principal} {formatYuan(totals.principalFen)} · {t.interest}{' '}
            {formatYuan(totals.interestFen)}
          </Text>
        </View>
      )}
    </View>
  );
}
