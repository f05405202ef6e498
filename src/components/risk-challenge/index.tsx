import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { zhCN } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';
import { FormField } from '../form-field';
import { Button } from '../nutui';
import type { RiskChallengeState } from './use-risk-challenge';
import './index.scss';

export { useRiskChallenge, RISK_CHALLENGE_CODES } from './use-risk-challenge';

const SERVICE_PAGE = '/package-account/service/index';

interface RiskChallengeProps extends RiskChallengeState {
  /** Resubmit the same action with this SMS code (X-Step-Up-Code). */
  onVerify: (code: string) => void;
  /** The resubmission is in flight. */
  busy?: boolean;
}

/**
 * The bank's risk answer on a money move, in place of a plain error:
 * - RISK_STEP_UP: get an SMS code to the bound phone, enter it, the same action is resubmitted;
 * - RISK_HELD: handed to a person, what happens next;
 * - RISK_BLOCKED: the bank's message and the way to a person (人工服务).
 */
export function RiskChallenge({ challenge, codeError, onVerify, busy }: RiskChallengeProps) {
  if (!challenge) return null;
  if (challenge.code === 'RISK_STEP_UP')
    return <StepUp challenge={challenge} codeError={codeError} onVerify={onVerify} busy={busy} />;
  const t = zhCN.risk;
  const blocked = challenge.code === 'RISK_BLOCKED';
  return (
    <View
      className={`lj-risk${blocked ? ' lj-risk--blocked' : ''}`}
      data-testid={blocked ? 'risk-blocked' : 'risk-held'}
    >
      <Text className="lj-risk__title">{blocked ? t.blocked.title : t.held.title}</Text>
      <Text>{challenge.message}</Text>
      {blocked ? (
        <Button fill="outline" block onClick={() => Taro.navigateTo({ url: SERVICE_PAGE })} data-testid="risk-service">
          {t.blocked.service}
        </Button>
      ) : (
        <Text className="lj-secondary">{t.held.next}</Text>
      )}
    </View>
  );
}

function StepUp({ challenge, codeError, onVerify, busy }: RiskChallengeProps & { challenge: ApiError }) {
  const t = zhCN.risk.stepUp;
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<string | null>(null);
  // A new step-up (another decision) starts over: the old code belongs to the old one.
  useEffect(() => {
    setSentTo(null);
    setCode('');
  }, [challenge.decisionId]);

  const send = async () => {
    if (sending || !challenge.decisionId) return;
    setSending(true);
    setSendError(null);
    try {
      const r = await api.post('/api/risk/step-up/sms', { body: { decisionId: challenge.decisionId } });
      setSentTo(r.phone);
    } catch (e) {
      setSendError(e instanceof ApiError ? e.message : zhCN.errors.generic);
    } finally {
      setSending(false);
    }
  };

  const verify = () => {
    if (!/^\d{6}$/.test(code)) return setLocalError(t.codeInvalid);
    setLocalError(null);
    setSubmitted(code);
    onVerify(code);
  };

  return (
    <View className="lj-risk" data-testid="risk-step-up">
      <Text className="lj-risk__title">{t.title}</Text>
      <Text>{challenge.message}</Text>
      <Button fill="outline" block loading={sending} disabled={sending} onClick={send} data-testid="step-up-send">
        {sending ? t.sending : sentTo ? t.resend : t.send}
      </Button>
      {sentTo && (
        <Text className="lj-secondary" data-testid="step-up-sent">
          {t.sent(sentTo)}
        </Text>
      )}
      {sendError && <Text className="lj-field__error">{sendError}</Text>}
      <FormField
        label={t.codeLabel}
        testId="step-up-code"
        type="number"
        maxLength={6}
        value={code}
        onChange={(v) => {
          setCode(v);
          setLocalError(null);
        }}
        placeholder={t.codePlaceholder}
        // The bank's refusal belongs to the code it refused: typing a new one clears it.
        error={localError ?? (code === submitted ? codeError : null)}
        disabled={!sentTo}
      />
      <Button
        type="primary"
        block
        loading={busy}
        disabled={!sentTo || busy}
        onClick={verify}
        data-testid="step-up-verify"
      >
        {busy ? t.verifying : t.verify}
      </Button>
    </View>
  );
}
