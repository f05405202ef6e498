import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../components/nutui';
import { ChoiceCard } from '../../components/servicing-choice';
import { useMoneyAction } from '../../components/servicing-submit';
import { RiskChallenge } from '../../components/risk-challenge';
import { loanDetailUrl } from '../../components/servicing-data';
import { api } from '../../services/api/client';
import { zhCN } from '../../locales/zh-CN';
import type { RenewalResult } from './deferral-types';

const RENEWAL_TERMS = [3, 6, 12] as const;

/** 无还本续贷: roll the principal due at maturity into a new loan; the bank checks the window. */
export function RenewalSection({ loanId, onDone }: { loanId: string; onDone: () => void }) {
  const t = zhCN.servicing.deferral;
  const [term, setTerm] = useState<(typeof RENEWAL_TERMS)[number] | null>(null);
  const action = useMoneyAction<RenewalResult>();
  const submit = () => {
    if (term === null) return;
    const body = { termMonths: term };
    void action
      .run(JSON.stringify(body), (idempotencyKey, stepUpCode) =>
        api.post('/api/loans/{id}/renewals', {
          params: { id: loanId },
          body,
          risk: 'renewal',
          idempotencyKey,
          stepUpCode,
        }),
      )
      .then(onDone);
  };
  return (
    <View className="lj-deferral__panel" data-testid="renewal-section">
      <View className="lj-deferral__title">{t.renewalTitle}</View>
      <Text className="lj-secondary lj-deferral__block">{t.renewalBody}</Text>
      {action.result ? (
        <View data-testid="renewal-success">
          <Text className="lj-deferral__ok">{t.renewalSuccess(action.result.renewal.termMonths)}</Text>
          <Button
            fill="outline"
            block
            onClick={() => Taro.redirectTo({ url: loanDetailUrl(action.result?.newLoan.id ?? loanId) })}
          >
            {t.toNewLoan}
          </Button>
        </View>
      ) : (
        <>
          <Text className="lj-deferral__label">{t.renewalTerm}</Text>
          <View className="lj-deferral__months">
            {RENEWAL_TERMS.map((m) => (
              <ChoiceCard
                key={m}
                title={t.monthsValue(m)}
                selected={term === m}
                onSelect={() => {
                  setTerm(m);
                  action.reset();
                }}
                testId={`renewal-term-${m}`}
              />
            ))}
          </View>
          <RiskChallenge {...action.risk} onVerify={action.stepUp} busy={action.busy} />
          {action.error && (
            <Text className="lj-deferral__error" data-testid="renewal-error">
              {action.error}
            </Text>
          )}
          <Button
            fill="outline"
            block
            loading={action.busy}
            disabled={term === null}
            data-testid="renewal-submit"
            onClick={submit}
          >
            {t.renewalSubmit}
          </Button>
        </>
      )}
    </View>
  );
}
