import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { formatYuan } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';
import { newIdempotencyKey } from '../../services/random-id';
import { useAsync } from '../../services/use-async';
import { useRiskPage } from '../../services/risk/use-risk-page';
import { PageShell } from '../../components/page-shell';
import { FormField } from '../../components/form-field';
import { EmptyState, ErrorState, LoadingState } from '../../components/status';
import { ChoiceGroup } from '../../components/apply-choice';
import { RepaymentPlanPreview } from '../../components/repayment-plan-preview';
import { Button } from '../../components/nutui';
import { RiskChallenge, useRiskChallenge } from '../../components/risk-challenge';
import { StepIndicator } from '../../components/step-indicator';
import { LOAN_STEPS } from '../../components/onboarding-flow';
import { checkAmount } from '../shared/amount';
import { methodLabel } from '../shared/labels';
import { contractTerms, type ContractTerms } from '../contract/terms';
import { AddAccountForm } from './add-account';
import '../shared/apply.scss';

type Account = { id: string; kind: string; accountNo: string; holderName: string; bankName: string };
/** What the 放款成功 screen confirms: the loan drawn, to which account (masked by the bank). */
type Drawn = { loanId: string; amountFen: number; account: Account | undefined };

function DrawdownSuccess({ drawn }: { drawn: Drawn }) {
  const t = zhCN.apply.drawdown;
  const a = drawn.account;
  return (
    <View data-testid="drawdown-success">
      <View className="lj-apply__card">
        <Text className="lj-apply__key">{t.success}</Text>
        <Text className="lj-secondary">{t.successLead}</Text>
        <Text className="lj-secondary">{t.successAmount}</Text>
        <Text className="lj-apply__big" data-testid="success-amount">
          {formatYuan(drawn.amountFen)}
        </Text>
        {a && (
          <View className="lj-apply__fact">
            <Text>{t.successAccount}</Text>
            <Text data-testid="success-account">{`${a.bankName} ${a.accountNo}（${a.holderName}）`}</Text>
          </View>
        )}
      </View>
      <View className="lj-apply__actions">
        <Button
          type="primary"
          block
          onClick={() => Taro.redirectTo({ url: `/package-loan/detail/index?id=${drawn.loanId}` })}
          data-testid="to-loan"
        >
          {t.toLoan}
        </Button>
      </View>
    </View>
  );
}

/** Limit minus principal still owed on loans drawn under this contract; the bank re-checks. */
function availableOf(
  terms: ContractTerms,
  loans: Array<{ contractId: string; status: string; outstandingPrincipalFen: number }>,
) {
  const owed = loans
    .filter((l) => l.contractId && l.status !== 'settled' && l.status !== 'renewed')
    .reduce((sum, l) => sum + l.outstandingPrincipalFen, 0);
  return Math.max(terms.limitFen - owed, 0);
}

function DrawdownForm(props: {
  contractId: string;
  terms: ContractTerms;
  availableFen: number;
  accounts: Account[];
  reloadAccounts: () => void;
  onDrawn: (drawn: Drawn) => void;
}) {
  const { contractId, terms, availableFen, accounts } = props;
  const t = zhCN.apply.drawdown;
  const [amountText, setAmountText] = useState('');
  const [accountId, setAccountId] = useState<string | null>(null);
  const [adding, setAdding] = useState(accounts.length === 0);
  const [errors, setErrors] = useState<{ amount?: string; account?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const risk = useRiskChallenge();
  // Kept across retries of the same drawdown so money moves once; a changed amount or account
  // is a new action.
  const key = useRef<string | null>(null);
  const clearRisk = risk.clear;
  useEffect(() => {
    key.current = null;
    clearRisk();
  }, [amountText, accountId, clearRisk]);

  // A remainder below the product minimum can still be drawn in full (as the bank allows).
  const amount = checkAmount(amountText, { availableFen, minFen: Math.min(100_000, availableFen) });

  /** `stepUpCode`: resubmitting the same drawdown after the bank asked for an SMS check. */
  const submit = async (stepUpCode?: string) => {
    if (submitting) return;
    const next = {
      amount: amount.fen === null ? (amount.error ?? t.amountRequired) : undefined,
      account: accountId ? undefined : t.chooseAccount,
    };
    setErrors(next);
    if (amount.fen === null || !accountId) return;
    setSubmitting(true);
    setFormError(null);
    try {
      key.current ??= await newIdempotencyKey();
      const r = await api.post('/api/contracts/{id}/drawdowns', {
        params: { id: contractId },
        body: { amountFen: amount.fen, accountId },
        risk: 'drawdown',
        idempotencyKey: key.current,
        stepUpCode,
      });
      props.onDrawn({
        loanId: r.loan.id,
        amountFen: r.loan.principalFen,
        account: accounts.find((a) => a.id === accountId),
      });
    } catch (e) {
      if (risk.handle(e)) return;
      const err = e instanceof ApiError ? e : null;
      if (err?.field === 'amountFen') setErrors((x) => ({ ...x, amount: err.message }));
      else if (err?.field === 'accountId') setErrors((x) => ({ ...x, account: err.message }));
      else setFormError(err?.message ?? zhCN.errors.generic);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View>
      <View className="lj-apply__card">
        <Text className="lj-secondary">{t.available}</Text>
        <Text className="lj-apply__big" data-testid="available">
          {formatYuan(availableFen)}
        </Text>
        <Text className="lj-secondary">{t.term(terms.termMonths, methodLabel(terms.method))}</Text>
      </View>
      <FormField
        label={t.amount}
        testId="draw-amount"
        type="digit"
        value={amountText}
        onChange={(v) => {
          setAmountText(v);
          setErrors((x) => ({ ...x, amount: undefined }));
          setFormError(null);
        }}
        placeholder={t.amountPlaceholder}
        error={errors.amount ?? amount.error}
        riskField="amount"
      />
      {accounts.length > 0 ? (
        <ChoiceGroup
          label={t.account}
          testId="account"
          options={accounts.map((a) => ({
            value: a.id,
            label: `${a.bankName} ${a.accountNo}`,
            hint: `${a.holderName} · ${t.accountKinds[a.kind as 'card' | 'corporate'] ?? a.kind}`,
          }))}
          value={accountId}
          onChange={(id) => {
            setAccountId(id);
            setErrors((x) => ({ ...x, account: undefined }));
          }}
          error={errors.account}
          hint={t.accountHint}
        />
      ) : (
        <Text className="lj-secondary" data-testid="no-accounts">
          {t.noAccounts}
        </Text>
      )}
      {adding ? (
        <AddAccountForm
          onAdded={(id) => {
            setAdding(false);
            setAccountId(id);
            props.reloadAccounts();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button fill="outline" block onClick={() => setAdding(true)} data-testid="add-account-open">
          {t.addAccount}
        </Button>
      )}
      <RepaymentPlanPreview
        principalFen={amount.fen}
        termMonths={terms.termMonths}
        method={terms.method}
        annualRate={terms.annualRate}
        rateKind="offer"
      />
      <Text className="lj-apply__notice" data-testid="anti-scam">
        {t.antiScam}
      </Text>
      <RiskChallenge
        challenge={risk.challenge}
        codeError={risk.codeError}
        onVerify={(code) => void submit(code)}
        busy={submitting}
      />
      {formError && (
        <Text className="lj-apply__error" data-testid="drawdown-error">
          {formError}
        </Text>
      )}
      <View className="lj-apply__actions">
        <Button
          type="primary"
          block
          loading={submitting}
          disabled={submitting}
          onClick={() => submit()}
          data-testid="draw"
        >
          {submitting ? t.submitting : t.submit}
        </Button>
      </View>
    </View>
  );
}

export default function DrawdownPage() {
  const contractId = useRouter().params.contractId ?? '';
  const t = zhCN.apply.drawdown;
  useRiskPage('apply.drawdown');
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const data = useAsync(async () => {
    if (!contractId) throw new ApiError(400, 'MISSING_ID', t.missingId);
    const [contract, loans] = await Promise.all([
      api.get('/api/contracts/{id}', { params: { id: contractId } }),
      api.get('/api/loans'),
    ]);
    const terms = contractTerms(contract.terms);
    const mine = loans.items.filter((l) => l.contractId === contractId);
    return { contract, terms, availableFen: availableOf(terms, mine) };
  }, [contractId]);
  const accounts = useAsync(() => api.get('/api/accounts'), []);

  let body;
  if (drawn) body = <DrawdownSuccess drawn={drawn} />;
  else if (data.loading || (accounts.loading && !accounts.data)) body = <LoadingState />;
  else if (data.error || !data.data)
    body = <ErrorState message={data.error ?? zhCN.errors.generic} onRetry={data.reload} />;
  else if (accounts.error || !accounts.data)
    body = <ErrorState message={accounts.error ?? zhCN.errors.generic} onRetry={accounts.reload} />;
  else if (data.data.contract.status !== 'signed')
    body = (
      <EmptyState
        title={t.notSigned}
        action={
          <Button
            type="primary"
            onClick={() => Taro.redirectTo({ url: `/package-apply/contract/index?id=${contractId}` })}
            data-testid="to-contract"
          >
            {t.toContract}
          </Button>
        }
      />
    );
  else
    body = (
      <DrawdownForm
        contractId={contractId}
        terms={data.data.terms}
        availableFen={data.data.availableFen}
        accounts={accounts.data.items}
        reloadAccounts={accounts.reload}
        onDrawn={setDrawn}
      />
    );
  return (
    <PageShell testId="page-drawdown">
      <StepIndicator phase={zhCN.common.phases.loan} step={LOAN_STEPS.drawdown} total={LOAN_STEPS.total} />
      <View className="lj-apply__title">{t.title}</View>
      {body}
    </PageShell>
  );
}
