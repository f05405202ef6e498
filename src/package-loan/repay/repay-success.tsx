import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '../../components/nutui';
import { loanDetailUrl, scheduleOf } from '../../components/servicing-data';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import type { RepayResult } from './repay-types';

/** The repayment went through: what was paid, and where the loan stands now. */
export function RepaySuccess({ result }: { result: RepayResult }) {
  const t = zhCN.servicing.repay;
  const { repayment, loan } = result;
  const remaining = scheduleOf(loan).filter((r) => r.status !== 'paid');
  // The bank records 罚息 and 复利 together (penaltyFen); the detail says how much of it is 复利.
  const compound = (repayment.detail as { compoundFen?: number } | null)?.compoundFen ?? 0;
  return (
    <View className="lj-repay__success" data-testid="repay-success">
      <View className="lj-repay__success-title">{t.successTitle}</View>
      <View className="lj-repay__success-amount" data-testid="repay-success-amount">
        {t.successPaid(formatYuan(repayment.amountFen))}
      </View>
      <Text className="lj-secondary">
        {t.successBreakdown(
          formatYuan(repayment.principalFen),
          formatYuan(repayment.interestFen),
          formatYuan(repayment.penaltyFen - compound),
        )}
        {compound > 0 && t.successCompound(formatYuan(compound))}
      </Text>
      <View className="lj-repay__panel" data-testid="repay-success-summary">
        {loan.status === 'settled' ? (
          <Text>{t.successSettled}</Text>
        ) : (
          <>
            {loan.nextDue && (
              <Text className="lj-repay__line">
                {t.successNext(loan.nextDue.dueDate, formatYuan(loan.nextDue.amountFen))}
              </Text>
            )}
            <Text className="lj-repay__line">
              {t.successRemaining(formatYuan(loan.outstandingPrincipalFen), remaining.length)}
            </Text>
          </>
        )}
      </View>
      <View className="lj-repay__actions">
        <Button
          type="primary"
          block
          data-testid="repay-to-detail"
          onClick={() => Taro.redirectTo({ url: loanDetailUrl(loan.id) })}
        >
          {t.toDetail}
        </Button>
        <Button fill="outline" block onClick={() => Taro.switchTab({ url: '/pages/loans/index' })}>
          {t.toLoans}
        </Button>
      </View>
    </View>
  );
}
