import { View, Text } from '@tarojs/components';
import { Tag } from '../nutui';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN/entry';
import { deferralOf, type LoanSummary } from '../servicing-data';
import './index.scss';

interface LoanCardProps {
  loan: LoanSummary;
  onOpen: (id: string) => void;
}

/** One loan in the list: amount, APR, next due, status; an overdue loan says what it costs now. */
export function LoanCard({ loan, onOpen }: LoanCardProps) {
  const t = zhCN.servicing.card;
  const overdue = loan.status === 'overdue';
  const settled = loan.status === 'settled' || loan.status === 'renewed';
  const settledAt = (loan as { settledAt?: string | null }).settledAt;
  return (
    <View
      className={`lj-loan-card${overdue ? ' lj-loan-card--overdue' : ''}`}
      data-testid={`loan-card-${loan.id}`}
      data-status={loan.status}
      onClick={() => onOpen(loan.id)}
    >
      <View className="lj-loan-card__head">
        <View>
          <Text className="lj-secondary">{t.principal}</Text>
          <View className="lj-loan-card__amount">{formatYuan(loan.principalFen)}</View>
        </View>
        <View className="lj-loan-card__tags">
          {deferralOf(loan) && !settled && <Tag type="warning">{t.deferred}</Tag>}
          <Tag type={overdue ? 'danger' : settled ? 'default' : 'primary'} data-testid="loan-status">
            {zhCN.servicing.status[loan.status] ?? loan.status}
          </Tag>
        </View>
      </View>
      <View className="lj-loan-card__row">
        <Text className="lj-secondary">{t.apr}</Text>
        <Text data-testid="loan-apr">{t.aprValue(loan.aprPercent, loan.aprBasis)}</Text>
      </View>
      {overdue && (
        <View className="lj-loan-card__overdue" data-testid="loan-overdue">
          <Text>{t.overdueAmount}</Text>
          <View className="lj-loan-card__overdue-amount">{formatYuan(loan.overdue.totalFen)}</View>
          <Text>{t.overduePenalty(formatYuan(loan.overdue.penaltyFen), loan.overdue.periods)}</Text>
        </View>
      )}
      {!settled && loan.nextDue && !overdue && (
        <View className="lj-loan-card__row" data-testid="loan-next-due">
          <Text className="lj-secondary">{t.nextDue}</Text>
          <Text>{t.nextDueValue(loan.nextDue.dueDate, formatYuan(loan.nextDue.amountFen))}</Text>
        </View>
      )}
      {!settled && (
        <View className="lj-loan-card__row">
          <Text className="lj-secondary">{t.outstanding}</Text>
          <Text>{formatYuan(loan.outstandingPrincipalFen)}</Text>
        </View>
      )}
      {settled && settledAt && <Text className="lj-secondary">{t.settledAt(settledAt.slice(0, 10))}</Text>}
      <Text className="lj-loan-card__open">{t.open} ›</Text>
    </View>
  );
}
