import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../components/nutui';
import { ChoiceCard } from '../../components/servicing-choice';
import { RiskChallenge } from '../../components/risk-challenge';
import type { MoneyAction } from '../../components/servicing-submit';
import type { LoanDetail } from '../../components/servicing-data';
import { formatYuan } from '../../domain';
import { api } from '../../services/api/client';
import { zhCN } from '../../locales/zh-CN';
import { AmountLines } from './amount-lines';
import { OverdueBreakdown } from './overdue-breakdown';
import { PayoffSection } from './payoff-section';
import { PartialSection, type PartialState } from './partial-section';
import type { RepayKind, RepayOption, RepayOptions, RepayResult } from './repay-types';

interface RepayFormProps {
  loan: LoanDetail;
  options: RepayOptions;
  action: MoneyAction<RepayResult>;
}

const KINDS: RepayKind[] = ['overdue', 'current', 'full', 'partial'];

/**
 * What the bank asks for is never pre-selected beyond the minimum: overdue amounts when there are
 * any, otherwise the current instalment; early repayment is always the user's own choice.
 */
function initialKind(options: RepayOptions): RepayKind | null {
  if (options.overdue.available) return 'overdue';
  if (options.current.available) return 'current';
  return null;
}

export function RepayForm({ loan, options, action }: RepayFormProps) {
  const t = zhCN.servicing.repay;
  const [kind, setKind] = useState<RepayKind | null>(() => initialKind(options));
  const [partial, setPartial] = useState<PartialState>({ amountFen: null, option: null, preview: null });
  const partialAvailable = options.full.available; // same rule as payoff: nothing overdue, loan open

  const optionOf = (k: RepayKind): RepayOption =>
    k === 'partial' ? (options.full.available ? { ...options.full, amountFen: 0 } : options.full) : options[k];

  const submitAmount =
    kind === 'partial'
      ? partial.preview && partial.amountFen
        ? partial.amountFen
        : null
      : kind && options[kind].available
        ? options[kind].amountFen
        : null;

  const body =
    kind === 'partial'
      ? {
          kind,
          amountFen: partial.amountFen ?? 0,
          option: partial.option ?? undefined,
          expectedAmountFen: submitAmount ?? 0,
        }
      : { kind: kind ?? 'current', expectedAmountFen: submitAmount ?? 0 };

  const submit = () => {
    if (!kind || submitAmount === null) return;
    // riskOptional: paying back never depends on device consent (the bank accepts it without a token).
    void action.run(JSON.stringify(body), (idempotencyKey, stepUpCode) =>
      api.post('/api/loans/{id}/repayments', {
        params: { id: loan.id },
        body,
        risk: 'repay',
        riskOptional: true,
        idempotencyKey,
        stepUpCode,
      }),
    );
  };

  return (
    <View>
      <View className="lj-repay__title">{t.chooseTitle}</View>
      {KINDS.map((k) => {
        const o = optionOf(k);
        const available = k === 'partial' ? partialAvailable : o.available;
        return (
          <ChoiceCard
            key={k}
            title={t.kinds[k]}
            selected={kind === k}
            disabled={!available}
            onSelect={() => {
              setKind(k);
              action.reset();
            }}
            testId={`repay-kind-${k}`}
          >
            {!o.available ? (
              <Text className="lj-secondary">{o.message}</Text>
            ) : k === 'overdue' ? (
              <AmountLines
                principal={o.principalFen}
                interest={o.interestFen}
                penalty={o.penaltyFen}
                total={o.amountFen}
              />
            ) : k === 'current' ? (
              <AmountLines
                label={t.currentDue(o.detail.periods?.[0] ?? 0)}
                principal={o.principalFen}
                interest={o.interestFen}
                total={o.amountFen}
              />
            ) : k === 'full' ? (
              <Text>
                {t.payoffToday} {formatYuan(o.amountFen)}
              </Text>
            ) : null}
          </ChoiceCard>
        );
      })}

      {kind === 'overdue' && options.overdue.available && (
        <OverdueBreakdown rows={options.overdue.detail.rows ?? []} total={options.overdue.amountFen} />
      )}
      {kind === 'full' && options.full.available && <PayoffSection loanId={loan.id} today={options.full} />}
      {kind === 'partial' && partialAvailable && (
        <PartialSection
          loan={loan}
          value={partial}
          onChange={(next) => {
            setPartial(next);
            action.reset();
          }}
          serverError={action.errorField === 'amountFen' || action.errorField === 'option' ? action.error : null}
        />
      )}

      {action.error && action.errorField !== 'amountFen' && action.errorField !== 'option' && (
        <View className="lj-repay__error" data-testid="repay-error">
          <Text>{action.error}</Text>
          <Text className="lj-secondary">{t.retryHint}</Text>
        </View>
      )}
      <RiskChallenge {...action.risk} onVerify={action.stepUp} busy={action.busy} />
      {kind === 'partial' && !partial.preview && <Text className="lj-secondary">{t.previewFirst}</Text>}
      <View className="lj-repay__actions">
        <Button
          type="primary"
          block
          loading={action.busy}
          disabled={submitAmount === null}
          data-testid="repay-submit"
          onClick={submit}
        >
          {action.busy
            ? zhCN.common.submitting
            : action.error
              ? t.retry
              : kind === 'partial'
                ? t.submitPartial
                : t.submit(formatYuan(submitAmount ?? 0))}
        </Button>
        <Button fill="outline" block data-testid="repay-cancel" onClick={() => void Taro.navigateBack()}>
          {t.cancel}
        </Button>
      </View>
    </View>
  );
}
