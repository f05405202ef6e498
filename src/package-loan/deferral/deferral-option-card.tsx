import { View, Text } from '@tarojs/components';
import { Tag } from '../../components/nutui';
import { ChoiceCard } from '../../components/servicing-choice';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import type { DeferralOptionView } from './deferral-types';

/** How many of the new rows to show under an option: enough to see the new dates and amounts. */
const PREVIEW_ROWS = 4;

interface Props {
  option: DeferralOptionView;
  selected: boolean;
  onSelect: () => void;
}

/** One deferral option with its new maturity, total extra interest and the first new due dates. */
export function DeferralOptionCard({ option, selected, onSelect }: Props) {
  const t = zhCN.servicing.deferral;
  return (
    <ChoiceCard
      title={t.optionLabels[option.option] ?? option.label}
      selected={selected}
      disabled={!option.available}
      onSelect={onSelect}
      testId={`deferral-option-${option.option}`}
    >
      {!option.available ? (
        <Text className="lj-secondary">{option.message}</Text>
      ) : (
        <View>
          <View className="lj-deferral__line">
            <Text>{t.extraInterest}</Text>
            <Text className="lj-deferral__extra" data-testid={`deferral-extra-${option.option}`}>
              {formatYuan(option.extraInterestFen)}
            </Text>
          </View>
          <View className="lj-deferral__line">
            <Text>{t.newMaturity}</Text>
            <Text data-testid={`deferral-maturity-${option.option}`}>{option.newMaturityDate}</Text>
          </View>
          {option.deferredInterestFen > 0 && (
            <View className="lj-deferral__line">
              <Text>{t.deferredInterest}</Text>
              <Text>{formatYuan(option.deferredInterestFen)}</Text>
            </View>
          )}
          {option.penaltyWaived && (
            <View className="lj-deferral__tag-row">
              <Tag type="success">{t.noPenalty}</Tag>
            </View>
          )}
          <Text className="lj-secondary lj-deferral__rows-title">{t.newDates}</Text>
          {option.rows.slice(0, PREVIEW_ROWS).map((r) => (
            <Text key={r.period} className="lj-deferral__row">
              {t.rowLine(r.dueDate, formatYuan(r.paymentFen))}
            </Text>
          ))}
        </View>
      )}
    </ChoiceCard>
  );
}
