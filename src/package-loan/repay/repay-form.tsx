import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
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
import { clearRepayDraft, loadRepayDraft, saveRepayDraft } from './repay-draft';
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
function initialKind(options: RepayOptions, kept: RepayKind | null): RepayKind | null {
  // The owner's own earlier choice (kept across a reload) wins while it is still possible.
  if (kept && (kept === 'partial' ? options.full.available : options[kept].available)) return kept;
  if (options.overdue.available) return 'overdue';
  if (options.current.available) return 'current';
  return null;
}

export function RepayForm({ loan, options, action }: RepayFormProps) {
  const t = zhCN.servicing.repay;
  const [kept] = useState(() => loadRepayDraft(loan.id));
  const [kind, setKind] = useState<RepayKind | null>(() => initialKind(options, kept?.kind ?? null));
  const [partial, setPartial] = useState<PartialState>({
    amountFen: null,
    option: kept?.partialOption ?? null,
    preview: null,
  });
  const [partialText, setPartialText] = useState(kept?.partialAmountText ?? '');
  useEffect(() => {
    if (action.result) clearRepayDraft(loan.id);
    else saveRepayDraft(loan.id, { kind, partialAmountText: partialText, partialOption: partial.option });
  }, [loan.id, kind, partialText, partial.option, action.result]);
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
      <Text className="lj-secondary" data-testid="repay-current-rule">
        {t.currentRule}
      </Text>
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
                compound={o.compoundFen}
                total={o.amountFen}
              />
            ) : k === 'current' ? (
              <View>
                <AmountLines
                  label={t.currentDue(o.detail.periods?.[0] ?? 0)}
                  principal={o.principalFen}
                  interest={o.interestFen}
                  total={o.amountFen}
                />
                {o.detail.early && (
                  <View data-testid="repay-current-early">
                    <Text className="lj-secondary">{t.currentEarly(o.detail.dueDate ?? '', o.detail.days ?? 0)}</Text>
                    <View className="lj-repay__line">
                      <Text>{t.currentCarried}</Text>
                      <Text>{formatYuan(o.detail.carriedInterestFen ?? 0)}</Text>
                    </View>
                    <View className="lj-repay__line">
                      <Text>{t.currentSaved}</Text>
                      <Text data-testid="repay-current-saved">{formatYuan(o.detail.interestSavedFen ?? 0)}</Text>
                    </View>
                  </View>
                )}
              </View>
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
          initialText={kept?.partialAmountText ?? ''}
          onTextChange={setPartialText}
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
