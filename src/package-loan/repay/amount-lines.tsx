import { View, Text } from '@tarojs/components';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';

interface AmountLinesProps {
  label?: string;
  principal: number;
  interest: number;
  /** Shown on its own line when given (overdue), so the penalty is never hidden in a total. */
  penalty?: number;
  /** 复利 on overdue interest, on its own line when given and not zero. */
  compound?: number;
  total: number;
}

/** Principal, interest, penalty (罚息), compound interest (复利) and the total, each on its own line. */
export function AmountLines({ label, principal, interest, penalty, compound, total }: AmountLinesProps) {
  const t = zhCN.servicing.repay;
  return (
    <View className="lj-repay__lines">
      {label && <Text className="lj-secondary">{label}</Text>}
      <Line label={t.principal} value={formatYuan(principal)} />
      <Line label={t.interest} value={formatYuan(interest)} />
      {penalty !== undefined && <Line label={t.penalty} value={formatYuan(penalty)} testId="repay-penalty" danger />}
      {compound ? <Line label={t.compound} value={formatYuan(compound)} testId="repay-compound" danger /> : null}
      <Line label={t.total} value={formatYuan(total)} testId="repay-total" strong />
    </View>
  );
}

function Line(props: { label: string; value: string; testId?: string; danger?: boolean; strong?: boolean }) {
  const cls = `lj-repay__line${props.danger ? ' lj-repay__line--danger' : ''}${props.strong ? ' lj-repay__line--strong' : ''}`;
  return (
    <View className={cls}>
      <Text>{props.label}</Text>
      <Text data-testid={props.testId}>{props.value}</Text>
    </View>
  );
}
