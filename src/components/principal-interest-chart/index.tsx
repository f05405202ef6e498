import { View, Text } from '@tarojs/components';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import type { LoanScheduleRow } from '../servicing-data';
import './index.scss';

interface PrincipalInterestChartProps {
  rows: LoanScheduleRow[];
}

/** Bar width in percent of the largest payment; integer fen in, a CSS percentage out. */
function percent(part: number, largest: number): string {
  return largest > 0 ? `${((part / largest) * 100).toFixed(2)}%` : '0%';
}

/**
 * Principal vs interest per period as stacked horizontal bars built from plain Views (no chart
 * library: it renders the same on the mini-program and H5). Screen readers get the numbers as text:
 * the bars are hidden from them and each row carries an aria-label with the amounts.
 */
export function PrincipalInterestChart({ rows }: PrincipalInterestChartProps) {
  const t = zhCN.servicing.chart;
  const largest = rows.reduce((m, r) => Math.max(m, r.paymentFen), 0);
  const principal = rows.reduce((a, r) => a + r.principalFen, 0);
  const interest = rows.reduce((a, r) => a + r.interestFen, 0);
  return (
    <View className="lj-pi-chart" data-testid="principal-interest-chart">
      <View className="lj-pi-chart__legend" aria-hidden>
        <View className="lj-pi-chart__key lj-pi-chart__key--principal" />
        <Text>{t.legendPrincipal}</Text>
        <View className="lj-pi-chart__key lj-pi-chart__key--interest" />
        <Text>{t.legendInterest}</Text>
      </View>
      {rows.map((r) => (
        <View
          key={r.period}
          className="lj-pi-chart__row"
          data-testid={`chart-row-${r.period}`}
          aria-label={t.rowText(r.period, formatYuan(r.principalFen), formatYuan(r.interestFen))}
        >
          <Text className="lj-pi-chart__label" aria-hidden>
            {r.period}
          </Text>
          <View className="lj-pi-chart__track" aria-hidden>
            <View
              className="lj-pi-chart__bar lj-pi-chart__bar--principal"
              style={{ width: percent(r.principalFen, largest) }}
            />
            <View
              className="lj-pi-chart__bar lj-pi-chart__bar--interest"
              style={{ width: percent(r.interestFen, largest) }}
            />
          </View>
        </View>
      ))}
      <Text className="lj-secondary" data-testid="chart-summary">
        {t.summary(rows.length, formatYuan(principal), formatYuan(interest))}
      </Text>
    </View>
  );
}
