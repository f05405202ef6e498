import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { SIGNALS } from '@lingjie/risk-sdk';
import { Button, Checkbox, Tag } from '../nutui';
import { zhCN } from '../../locales/zh-CN/entry';
import type { ConsentPurpose } from '../../services/consent';
import './index.scss';

interface ConsentPurposeCardProps {
  purpose: ConsentPurpose;
  /** Shown as 必选 with the reason, when the purpose is needed to apply online. */
  required?: boolean;
  checked: boolean;
  /** First run: a checkbox. Management: the current state and one button to withdraw or grant. */
  mode: 'choose' | 'manage';
  onChange: (granted: boolean) => void;
  busy?: boolean;
}

/** One purpose of the layered notice: a short summary, the full text on demand, its own choice. */
export function ConsentPurposeCard({ purpose, required, checked, mode, onChange, busy }: ConsentPurposeCardProps) {
  const t = zhCN.onboarding.consent;
  const text = zhCN.onboarding.purposes[purpose];
  const [open, setOpen] = useState(false);
  return (
    <View className="lj-consent-card" data-testid={`consent-${purpose}`}>
      <View className="lj-consent-card__head">
        <Text className="lj-consent-card__title">{text.title}</Text>
        {mode === 'choose' ? (
          <Tag type={required ? 'primary' : 'default'}>{required ? t.required : t.optional}</Tag>
        ) : (
          <View data-testid={`consent-${purpose}-state`}>
            <Tag type={checked ? 'success' : 'default'}>{checked ? t.granted : t.notGranted}</Tag>
          </View>
        )}
      </View>
      <Text className="lj-consent-card__summary">{text.summary}</Text>
      {required && 'requiredReason' in text && <Text className="lj-secondary">{text.requiredReason}</Text>}
      <View
        className="lj-consent-card__toggle lj-tap"
        data-testid={`consent-${purpose}-details-toggle`}
        onClick={() => setOpen(!open)}
      >
        {t.details}
        {open ? ' ▲' : ' ▼'}
      </View>
      {open && (
        <View className="lj-consent-card__details" data-testid={`consent-${purpose}-details`}>
          <Text className="lj-consent-card__label">{t.collectedLabel}</Text>
          <Text>{text.collected}</Text>
          <Text className="lj-consent-card__label">{t.whyLabel}</Text>
          <Text>{text.why}</Text>
          <Text className="lj-consent-card__label">{t.retentionLabel}</Text>
          <Text>{text.retention}</Text>
          {purpose === 'risk_device' && <SignalList />}
        </View>
      )}
      {mode === 'choose' ? (
        <View className="lj-consent-card__choice">
          <Checkbox
            checked={checked}
            onChange={(on: boolean) => onChange(on)}
            data-testid={`consent-${purpose}-check`}
            label={t.agreeTo(text.title)}
          />
        </View>
      ) : (
        <Button
          fill="outline"
          block
          loading={busy}
          onClick={() => onChange(!checked)}
          data-testid={`consent-${purpose}-${checked ? 'withdraw' : 'grant'}`}
        >
          {checked ? t.withdraw : t.grant}
        </Button>
      )}
    </View>
  );
}

/** The risk SDK's own declaration of every signal, so the notice cannot drift from the code. */
function SignalList() {
  const t = zhCN.onboarding.purposes.risk_device;
  return (
    <View className="lj-consent-card__signals" data-testid="risk-signals">
      <Text className="lj-consent-card__label">{t.signalsTitle}</Text>
      {SIGNALS.map((s) => (
        <View key={s.name} className="lj-consent-card__signal">
          <Text>{s.purpose['zh-CN']}</Text>
          <Text className="lj-secondary">{t.signalRetention(s.retentionDays)}</Text>
        </View>
      ))}
    </View>
  );
}
