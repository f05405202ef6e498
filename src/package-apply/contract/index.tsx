import { View, Text, ScrollView } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { formatRatePercent, formatYuan, validateMobile } from '../../domain';
import { zhCN } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';
import { newIdempotencyKey } from '../../services/random-id';
import { useAsync } from '../../services/use-async';
import { useRiskPage } from '../../services/risk/use-risk-page';
import { PageShell } from '../../components/page-shell';
import { FormField } from '../../components/form-field';
import { ErrorState, LoadingState } from '../../components/status';
import { Button } from '../../components/nutui';
import { RiskChallenge, useRiskChallenge } from '../../components/risk-challenge';
import { StepIndicator } from '../../components/step-indicator';
import { LOAN_STEPS } from '../../components/onboarding-flow';
import { computePlan, todayInChina } from '../../components/repayment-plan-preview/plan';
import { methodLabel } from '../shared/labels';
import { contractTerms } from './terms';
import '../shared/apply.scss';
import './index.scss';

type Contract = Awaited<ReturnType<typeof loadContract>>;
const loadContract = (id: string) => api.get('/api/contracts/{id}', { params: { id } });
const BODY_ID = 'lj-contract-body';

function KeyTerms({ contract }: { contract: Contract }) {
  const t = zhCN.apply.contract;
  const terms = contractTerms(contract.terms);
  const apr = computePlan({
    principalFen: terms.limitFen,
    termMonths: terms.termMonths,
    method: terms.method,
    annualRate: terms.annualRate,
    startDate: todayInChina(),
  }).aprPercent;
  const facts: Array<[string, string, string]> = [
    [t.amount, formatYuan(terms.limitFen), 'term-amount'],
    [t.apr, apr, 'term-apr'],
    [t.contractRate, formatRatePercent(terms.annualRate), 'term-rate'],
    [t.term, zhCN.apply.months(terms.termMonths), 'term-months'],
    [t.method, methodLabel(terms.method), 'term-method'],
    [t.penalty, terms.penaltyRule, 'term-penalty'],
    [t.prepayment, terms.prepaymentRule, 'term-prepayment'],
    [t.fees, terms.feesRule, 'term-fees'],
    [t.dayCount, terms.dayCountRule, 'term-daycount'],
  ];
  return (
    <View className="lj-apply__card lj-contract__key" data-testid="key-terms">
      <Text className="lj-contract__key-title">{t.keyTerms}</Text>
      <View className="lj-apply__facts">
        {facts.map(([label, value, id]) => (
          <View className="lj-apply__fact" key={id}>
            <Text>{label}</Text>
            <Text className="lj-apply__key" data-testid={id}>
              {value}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Signed: just now (签署成功) or on an earlier visit; either way the next step is the drawdown. */
function Signed({ contractId, justNow }: { contractId: string; justNow: boolean }) {
  const t = zhCN.apply.contract;
  return (
    <View className="lj-apply__card" data-testid={justNow ? 'sign-success' : 'contract-signed'}>
      <Text className="lj-apply__key">{justNow ? t.signSuccess : t.signedTitle}</Text>
      <Text className="lj-secondary">{t.signedLead}</Text>
      <Button
        type="primary"
        block
        onClick={() => Taro.redirectTo({ url: `/package-apply/drawdown/index?contractId=${contractId}` })}
        data-testid="to-drawdown"
      >
        {t.toDrawdown}
      </Button>
    </View>
  );
}

function SignForm({
  contract,
  maskedPhone,
  onSigned,
}: {
  contract: Contract;
  maskedPhone: string | null;
  onSigned: () => void;
}) {
  const t = zhCN.apply.contract;
  const [read, setRead] = useState(false);
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signKey = useRef<string | null>(null);
  const risk = useRiskChallenge();

  // A screen tall enough to show the whole contract has nothing to scroll: it counts as read.
  useEffect(() => {
    Taro.nextTick(() => {
      try {
        Taro.createSelectorQuery()
          .select(`#${BODY_ID}`)
          .fields({ size: true, scrollOffset: true }, (r: { height?: number; scrollHeight?: number } | null) => {
            if (r?.height && r.scrollHeight && r.scrollHeight <= r.height + 2) setRead(true);
          })
          .exec();
      } catch {
        // No layout query on this platform: reading to the end is still required.
      }
    });
  }, []);

  const sendCode = async () => {
    const m = validateMobile(phone);
    if (!m.ok) return setPhoneError(m.message);
    setPhoneError(null);
    setSending(true);
    try {
      await api.post('/api/auth/sms', { body: { phone: m.value.number, purpose: 'contract.sign' } });
      setSentTo(m.value.number);
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      if (err?.field === 'phone') setPhoneError(err.message);
      else setError(err?.message ?? zhCN.errors.generic);
    } finally {
      setSending(false);
    }
  };

  /** `stepUpCode`: resubmitting the signature after the bank asked for an SMS check. */
  const sign = async (stepUpCode?: string) => {
    if (signing) return;
    if (!/^\d{6}$/.test(code)) return setCodeError(t.smsInvalid);
    setSigning(true);
    setError(null);
    try {
      signKey.current ??= await newIdempotencyKey();
      await api.post('/api/contracts/{id}/sign', {
        params: { id: contract.id },
        body: { smsCode: code },
        risk: 'contract.sign',
        idempotencyKey: signKey.current,
        stepUpCode,
      });
      onSigned();
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      // A wrong code is answered once; the next try is a new action with a new key.
      signKey.current = null;
      if (risk.handle(e)) return;
      if (err?.field === 'smsCode' || err?.code?.startsWith('SMS')) setCodeError(err.message);
      else setError(err?.message ?? zhCN.errors.generic);
    } finally {
      setSigning(false);
    }
  };

  return (
    <View>
      <ScrollView
        id={BODY_ID}
        className="lj-contract__body"
        scrollY
        lowerThreshold={40}
        onScrollToLower={() => setRead(true)}
        data-testid="contract-body"
      >
        <View className="lj-contract__title">{t.title}</View>
        {t.body.map((p) => (
          <Text className="lj-contract__para" key={p}>
            {p}
          </Text>
        ))}
      </ScrollView>
      <Text className={read ? 'lj-contract__read' : 'lj-secondary'} data-testid="read-state">
        {read ? t.readDone : t.readHint}
      </Text>
      <View className={`lj-contract__confirm${read ? '' : ' lj-contract__confirm--locked'}`} data-testid="confirm-area">
        <FormField
          label={zhCN.apply.contract.phoneLabel}
          testId="sign-phone"
          type="tel"
          maxLength={11}
          value={phone}
          onChange={(v) => {
            setPhone(v);
            setPhoneError(null);
          }}
          hint={maskedPhone ? t.phoneHint(maskedPhone) : t.noPhone}
          error={phoneError}
          disabled={!read}
        />
        <Button
          fill="outline"
          block
          loading={sending}
          disabled={!read || sending}
          onClick={sendCode}
          data-testid="send-code"
        >
          {sending ? t.smsSending : t.smsSend}
        </Button>
        {sentTo && (
          <Text className="lj-secondary" data-testid="sms-sent">
            {t.smsSent(sentTo)}
          </Text>
        )}
        <FormField
          label={t.smsLabel}
          testId="sms-code"
          type="number"
          maxLength={6}
          value={code}
          onChange={(v) => {
            setCode(v);
            setCodeError(null);
          }}
          placeholder={t.smsPlaceholder}
          error={codeError}
          riskField="contractSmsCode"
          disabled={!read}
        />
      </View>
      <RiskChallenge
        challenge={risk.challenge}
        codeError={risk.codeError}
        onVerify={(c) => void sign(c)}
        busy={signing}
      />
      {error && (
        <Text className="lj-apply__error" data-testid="sign-error">
          {error}
        </Text>
      )}
      <View className="lj-apply__actions">
        <Button
          type="primary"
          block
          loading={signing}
          disabled={!read || !sentTo || signing}
          onClick={() => sign()}
          data-testid="sign"
        >
          {signing ? t.signing : t.sign}
        </Button>
        <Button
          block
          fill="outline"
          onClick={() => Taro.switchTab({ url: '/pages/index/index' })}
          data-testid="decline"
        >
          {t.decline}
        </Button>
      </View>
    </View>
  );
}

export default function ContractPage() {
  const id = useRouter().params.id ?? '';
  const t = zhCN.apply.contract;
  useRiskPage('apply.contract');
  const [justSigned, setJustSigned] = useState(false);
  const data = useAsync(async () => {
    if (!id) throw new ApiError(400, 'MISSING_ID', t.missingId);
    const [contract, me] = await Promise.all([loadContract(id), api.get('/api/me')]);
    return { contract, me };
  }, [id]);
  let body;
  if (data.loading) body = <LoadingState />;
  else if (data.error || !data.data)
    body = <ErrorState message={data.error ?? zhCN.errors.generic} onRetry={data.reload} />;
  else {
    const { contract, me } = data.data;
    body = (
      <View>
        <View className="lj-apply__title">{t.title}</View>
        <KeyTerms contract={contract} />
        {contract.status === 'signed' || justSigned ? (
          <Signed contractId={contract.id} justNow={justSigned} />
        ) : (
          <SignForm contract={contract} maskedPhone={me.phone} onSigned={() => setJustSigned(true)} />
        )}
      </View>
    );
  }
  return (
    <PageShell testId="page-contract">
      <StepIndicator phase={zhCN.common.phases.loan} step={LOAN_STEPS.contract} total={LOAN_STEPS.total} />
      {body}
    </PageShell>
  );
}
