import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../components/nutui';
import { FormField } from '../../components/form-field';
import { ChoiceCard } from '../../components/servicing-choice';
import type { LoanDetail } from '../../components/servicing-data';
import { DomainError, formatYuan, yuanToFen, zhCN as domainMessages } from '../../domain';
import { ApiError } from '../../services/api/client';
import { zhCN } from '../../locales/zh-CN';
import { previewPrepayment } from './prepayment-preview';
import type { PrepaymentPreview, PrepayOption } from './repay-types';

export interface PartialState {
  amountFen: number | null;
  option: PrepayOption | null;
  /** The preview for exactly this amount and option; cleared whenever either changes. */
  preview: PrepaymentPreview | null;
}

interface PartialSectionProps {
  loan: LoanDetail;
  /** The amount typed before a reload (kept in the repay draft); the preview is asked for again. */
  initialText?: string;
  /** Every change of the typed amount, so the screen can keep it across a reload. */
  onTextChange?: (text: string) => void;
  value: PartialState;
  onChange: (next: PartialState) => void;
  /** The bank's refusal of the submitted amount, shown at the amount field. */
  serverError: string | null;
}

/** The amount check before asking the bank: format, positive, below the outstanding principal. */
function checkAmount(text: string, outstandingFen: number): { fen: number } | { error: string } {
  const t = zhCN.servicing.repay;
  if (!text.trim()) return { error: t.amountEmpty };
  let fen: number;
  try {
    fen = yuanToFen(text);
  } catch (e) {
    return { error: e instanceof DomainError ? e.message : domainMessages.MONEY_BAD_YUAN_STRING };
  }
  if (fen <= 0) return { error: domainMessages.PREPAY_AMOUNT_NOT_POSITIVE };
  if (fen >= outstandingFen) return { error: domainMessages.PREPAY_AMOUNT_TOO_LARGE };
  return { fen };
}

/** Partial early repayment: amount, then shorten the term or lower the instalment, previewed by the bank. */
export function PartialSection({
  loan,
  initialText = '',
  onTextChange,
  value,
  onChange,
  serverError,
}: PartialSectionProps) {
  const t = zhCN.servicing.repay;
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [optionError, setOptionError] = useState(false);
  // 先息后本 can only lower the instalment after a partial prepayment (domain rule).
  const options: PrepayOption[] =
    loan.method === 'INTEREST_FIRST' ? ['LOWER_INSTALMENT'] : ['SHORTEN_TERM', 'LOWER_INSTALMENT'];

  const preview = async () => {
    const checked = checkAmount(text, loan.outstandingPrincipalFen);
    if ('error' in checked) {
      setError(checked.error);
      return;
    }
    if (!value.option) {
      setError(null);
      onChange({ ...value, amountFen: checked.fen, preview: null });
      setOptionError(true);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const p = await previewPrepayment(loan, checked.fen, value.option);
      onChange({ ...value, amountFen: checked.fen, preview: p });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : zhCN.errors.generic);
      onChange({ ...value, amountFen: checked.fen, preview: null });
    } finally {
      setLoading(false);
    }
  };
  return (
    <View className="lj-repay__panel" data-testid="partial-section">
      <FormField
        label={t.partialAmount}
        testId="partial-amount"
        type="digit"
        value={text}
        onChange={(v) => {
          setText(v);
          onTextChange?.(v);
          setError(null);
          onChange({ ...value, amountFen: null, preview: null });
        }}
        error={error ?? serverError}
        hint={t.partialAmountHint(formatYuan(loan.outstandingPrincipalFen))}
      />
      <Text className="lj-repay__label">{t.partialOption}</Text>
      {options.map((o) => (
        <ChoiceCard
          key={o}
          title={o === 'SHORTEN_TERM' ? t.shorten : t.lower}
          selected={value.option === o}
          onSelect={() => {
            setOptionError(false);
            onChange({ ...value, option: o, preview: null });
          }}
          testId={`partial-option-${o}`}
        />
      ))}
      {optionError && (
        <Text className="lj-repay__field-error" data-testid="partial-option-error">
          {t.optionMissing}
        </Text>
      )}
      <Button fill="outline" block loading={loading} data-testid="partial-preview" onClick={() => void preview()}>
        {loading ? t.previewing : t.preview}
      </Button>
      {value.preview && (
        <View className="lj-repay__quote" data-testid="partial-preview-result">
          <Text className="lj-repay__label">{t.previewTitle}</Text>
          <Row label={t.newInstalment} value={formatYuan(value.preview.newInstalmentFen)} testId="preview-instalment" />
          <Row
            label={t.remainingPeriods}
            value={t.remainingValue(value.preview.remainingPeriods)}
            testId="preview-periods"
          />
          <Row label={t.accrued} value={formatYuan(value.preview.accruedOnPrepaidFen)} />
          <Row label={t.interestSaved} value={formatYuan(value.preview.interestSavedFen)} testId="preview-saved" />
        </View>
      )}
    </View>
  );
}

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className="lj-repay__line">
      <Text>{label}</Text>
      <Text data-testid={testId}>{value}</Text>
    </View>
  );
}
