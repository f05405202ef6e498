import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { validateBankCard } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';
import { FormField } from '../../components/form-field';
import { ChoiceGroup } from '../../components/apply-choice';
import { Button } from '../../components/nutui';
import { RiskChallenge, useRiskChallenge } from '../../components/risk-challenge';

type Kind = 'corporate' | 'card';
type Field = 'kind' | 'accountNo' | 'holderName' | 'bankName';

/**
 * Adds a receiving account. The card number is checked by the shared validator: a Luhn failure is
 * shown as a warning and does not block (some genuine Chinese cards fail it); the bank re-checks.
 */
export function AddAccountForm({ onAdded, onCancel }: { onAdded: (id: string) => void; onCancel: () => void }) {
  const t = zhCN.apply.drawdown;
  const [kind, setKind] = useState<Kind | null>(null);
  const [accountNo, setAccountNo] = useState('');
  const [holderName, setHolderName] = useState('');
  const [bankName, setBankName] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const risk = useRiskChallenge();

  const card = accountNo.trim() ? validateBankCard(accountNo) : null;
  const cardError = card && !card.ok ? card.message : null;
  const cardWarning = card?.ok ? (card.warnings?.[0]?.message ?? null) : null;

  /** `stepUpCode`: resubmitting the same account after the bank asked for an SMS check. */
  const save = async (stepUpCode?: string) => {
    if (saving) return;
    const checked = validateBankCard(accountNo);
    const next: Partial<Record<Field, string>> = {
      kind: kind ? undefined : t.chooseKind,
      accountNo: checked.ok ? undefined : checked.message,
      holderName: holderName.trim() ? undefined : t.holderRequired,
      bankName: bankName.trim() ? undefined : t.bankRequired,
    };
    setErrors(next);
    if (!kind || !checked.ok || Object.values(next).some(Boolean)) return;
    setSaving(true);
    setFormError(null);
    try {
      const r = await api.post('/api/accounts', {
        body: { kind, accountNo: checked.value.cardNumber, holderName: holderName.trim(), bankName: bankName.trim() },
        risk: 'account.change',
        stepUpCode,
      });
      onAdded(r.account.id);
    } catch (e) {
      if (risk.handle(e)) return;
      const err = e instanceof ApiError ? e : null;
      const field = err?.field as Field | undefined;
      if (field && ['kind', 'accountNo', 'holderName', 'bankName'].includes(field))
        setErrors((x) => ({ ...x, [field]: err?.message }));
      else setFormError(err?.message ?? zhCN.errors.generic);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="lj-apply__card" data-testid="add-account">
      <ChoiceGroup
        label={t.accountKind}
        testId="account-kind"
        options={(['corporate', 'card'] as const).map((k) => ({ value: k, label: t.accountKinds[k] }))}
        value={kind}
        onChange={(k) => {
          setKind(k);
          setErrors((x) => ({ ...x, kind: undefined }));
        }}
        error={errors.kind}
      />
      <FormField
        label={t.accountNo}
        testId="account-no"
        type="number"
        maxLength={23}
        value={accountNo}
        onChange={(v) => {
          setAccountNo(v);
          setErrors((x) => ({ ...x, accountNo: undefined }));
        }}
        error={errors.accountNo ?? cardError}
        warning={cardWarning}
        riskField="accountNo"
      />
      <FormField
        label={t.holderName}
        testId="holder-name"
        value={holderName}
        onChange={setHolderName}
        error={errors.holderName}
      />
      <FormField
        label={t.bankName}
        testId="bank-name"
        value={bankName}
        onChange={setBankName}
        error={errors.bankName}
      />
      <RiskChallenge
        challenge={risk.challenge}
        codeError={risk.codeError}
        onVerify={(code) => void save(code)}
        busy={saving}
      />
      {formError && (
        <Text className="lj-apply__error" data-testid="account-error">
          {formError}
        </Text>
      )}
      <Button type="primary" block loading={saving} disabled={saving} onClick={() => save()} data-testid="save-account">
        {saving ? t.savingAccount : t.saveAccount}
      </Button>
      <Button block fill="outline" onClick={onCancel}>
        {t.cancelAdd}
      </Button>
    </View>
  );
}
