import { View, Text } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { formatYuan, type AmortisingMethod } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import { Button } from '../nutui';
import { ScheduleTable } from '../schedule-table';
import { computePlan, todayInChina } from './plan';
import './index.scss';

export interface RepaymentPlanPreviewProps {
  /** Null while the amount is empty or invalid: the preview then says what to fill in. */
  principalFen: number | null;
  termMonths: number | null;
  method: AmortisingMethod | null;
  /** Indicative (or offered) annual simple rate: '0.0435' or { bp: 435 }. */
  annualRate: string | { bp: number };
  /** Value date; today in China by default. */
  startDate?: string;
  /** 'indicative' adds "试算利率仅供参考"; 'offer' is for the approved rate. */
  rateKind?: 'indicative' | 'offer';
  /** Rows shown before "展开全部". */
  firstRows?: number;
}

/**
 * Live repayment plan with its APR (IRR × 12), computed on the device by the shared domain as the
 * user types. The APR is the headline rate (PBOC [2021] No. 3); the full table is one tap away.
 */
export function RepaymentPlanPreview(props: RepaymentPlanPreviewProps) {
  const { principalFen, termMonths, method, annualRate, rateKind = 'indicative', firstRows = 3 } = props;
  const t = zhCN.apply.preview;
  const [expanded, setExpanded] = useState(false);
  const startDate = props.startDate ?? todayInChina();
  const rateKey = typeof annualRate === 'string' ? annualRate : `bp${annualRate.bp}`;
  const plan = useMemo(
    () =>
      principalFen && termMonths && method
        ? computePlan({ principalFen, termMonths, method, annualRate, startDate })
        : null,
    // annualRate is compared by value (rateKey): a new { bp } object each render is the same rate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [principalFen, termMonths, method, rateKey, startDate],
  );

  if (!plan || !method) {
    return (
      <View className="lj-plan" data-testid="plan-preview">
        <View className="lj-plan__title">{t.title}</View>
        <Text className="lj-secondary" data-testid="plan-waiting">
          {t.waiting}
        </Text>
      </View>
    );
  }

  const headlineLabel =
    method === 'INTEREST_FIRST' ? t.interestOnly : method === 'EQUAL_PRINCIPAL' ? t.firstInstalment : t.instalment;
  const rows = expanded ? plan.rows : plan.rows.slice(0, firstRows);
  return (
    <View className="lj-plan" data-testid="plan-preview">
      <View className="lj-plan__title">{t.title}</View>
      <View className="lj-plan__figures">
        <View className="lj-plan__figure">
          <Text className="lj-secondary">{t.aprLabel}</Text>
          <Text className="lj-plan__apr" data-testid="plan-apr">
            {plan.aprPercent}
          </Text>
        </View>
        <View className="lj-plan__figure">
          <Text className="lj-secondary">{headlineLabel}</Text>
          <Text className="lj-plan__value" data-testid="plan-instalment">
            {formatYuan(plan.headlineFen)}
          </Text>
        </View>
        <View className="lj-plan__figure">
          <Text className="lj-secondary">{t.totalInterest}</Text>
          <Text className="lj-plan__value" data-testid="plan-total-interest">
            {formatYuan(plan.schedule.totals.interestFen)}
          </Text>
        </View>
      </View>
      <Text className="lj-secondary">{t.rateLabel(plan.contractRatePercent)}</Text>
      <ScheduleTable rows={rows} compact={!expanded} />
      {plan.rows.length > firstRows && (
        <Button fill="none" size="small" onClick={() => setExpanded(!expanded)} data-testid="plan-expand">
          {expanded ? t.showLess : t.showAll(plan.rows.length)}
        </Button>
      )}
      <Text className="lj-secondary">{t.rounding}</Text>
      {rateKind === 'indicative' && (
        <Text className="lj-plan__note" data-testid="plan-note">
          {t.note}
        </Text>
      )}
    </View>
  );
}
