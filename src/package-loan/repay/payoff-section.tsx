import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../components/nutui';
import { FormField } from '../../components/form-field';
import { businessToday } from '../../components/servicing-data';
import { formatYuan } from '../../domain';
import { api, ApiError } from '../../services/api/client';
import { zhCN } from '../../locales/zh-CN';
import { AmountLines } from './amount-lines';
import type { PayoffQuote, RepayOption } from './repay-types';

interface PayoffSectionProps {
  loanId: string;
  /** Today's payoff from repayment-options: what "repay now" will take. */
  today: Extract<RepayOption, { available: true }>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Full early repayment: today's exact amount, and the exact amount for any other date on request. */
export function PayoffSection({ loanId, today }: PayoffSectionProps) {
  const t = zhCN.servicing.repay;
  const [date, setDate] = useState(businessToday());
  const [quote, setQuote] = useState<PayoffQuote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const query = async () => {
    if (!DATE.test(date)) {
      setError(t.badDate);
      setQuote(null);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const q = await api.get('/api/loans/{id}/payoff', { params: { id: loanId }, query: { date } });
      setQuote(q as unknown as PayoffQuote);
    } catch (e) {
      setQuote(null);
      setError(e instanceof ApiError ? e.message : zhCN.errors.generic);
    } finally {
      setLoading(false);
    }
  };

  return (
    <View className="lj-repay__panel" data-testid="payoff-section">
      <AmountLines principal={today.principalFen} interest={today.interestFen} total={today.amountFen} />
      {today.detail.interestSavedFen !== undefined && (
        <Text className="lj-secondary">
          {t.interestSaved} {formatYuan(today.detail.interestSavedFen)}
        </Text>
      )}
      <Text className="lj-secondary lj-repay__note">{t.payoffTodayNote}</Text>
      <FormField
        label={t.payoffDate}
        testId="payoff-date"
        value={date}
        onChange={(v) => {
          setDate(v);
          setQuote(null);
          setError(null);
        }}
        error={error}
        hint={t.payoffDateHint}
      />
      <Button fill="outline" block loading={loading} data-testid="payoff-query" onClick={() => void query()}>
        {t.payoffQuery}
      </Button>
      {quote && (
        <View className="lj-repay__quote" data-testid="payoff-quote">
          <Text className="lj-secondary">{t.payoffFor(quote.date, quote.days)}</Text>
          <AmountLines principal={quote.principalFen} interest={quote.interestFen} total={quote.totalFen} />
        </View>
      )}
    </View>
  );
}
