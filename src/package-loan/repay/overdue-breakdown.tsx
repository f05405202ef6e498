import { View, Text } from '@tarojs/components';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import type { OverdueRow } from '../../components/servicing-data';

/** An overdue row as the bank sends it: 复利 on the row's unpaid interest next to its 罚息. */
type Row = OverdueRow & { compoundFen?: number };

/** Each overdue period with its own 罚息 and 复利, and the rules they follow. */
export function OverdueBreakdown({ rows, total }: { rows: Row[]; total: number }) {
  const compounded = rows.some((r) => (r.compoundFen ?? 0) > 0);
  const t = zhCN.servicing.repay;
  return (
    <View className="lj-repay__panel" data-testid="overdue-breakdown">
      {rows.map((r) => (
        <View key={r.period} className="lj-repay__overdue-row" data-testid={`overdue-row-${r.period}`}>
          <Text className="lj-repay__overdue-head">{t.overdueRow(r.period, r.dueDate, r.overdueDays)}</Text>
          <View className="lj-repay__line">
            <Text>{t.principal}</Text>
            <Text>{formatYuan(r.overduePrincipalFen)}</Text>
          </View>
          <View className="lj-repay__line">
            <Text>{t.interest}</Text>
            <Text>{formatYuan(r.overdueInterestFen)}</Text>
          </View>
          <View className="lj-repay__line lj-repay__line--danger">
            <Text>{t.penalty}</Text>
            <Text>{formatYuan(r.penaltyFen)}</Text>
          </View>
          {compounded && (
            <View className="lj-repay__line lj-repay__line--danger">
              <Text>{t.compound}</Text>
              <Text data-testid={`overdue-compound-${r.period}`}>{formatYuan(r.compoundFen ?? 0)}</Text>
            </View>
          )}
        </View>
      ))}
      <View className="lj-repay__line lj-repay__line--strong">
        <Text>{t.overdueTotal}</Text>
        <Text data-testid="overdue-total">{formatYuan(total)}</Text>
      </View>
      <Text className="lj-secondary" data-testid="penalty-rule">
        {t.penaltyRule}
      </Text>
      {compounded && (
        <Text className="lj-secondary" data-testid="compound-rule">
          {t.compoundRule}
        </Text>
      )}
    </View>
  );
}
