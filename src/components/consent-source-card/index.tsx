import { View, Text } from '@tarojs/components';
import { Button, Tag } from '../nutui';
import { zhCN } from '../../locales/zh-CN';
import type { ConsentPurpose } from '../../services/consent';

interface ConsentSourceCardProps {
  purpose: ConsentPurpose;
  granted: boolean;
  busy: boolean;
  /** Needed to apply at all (the credit-report query for a credit loan): tagged 必选 with the reason. */
  required?: boolean;
  onChange: (granted: boolean) => void;
}

/** One data source the bank may query: what for, what exactly, how long, how to take it back. */
export function ConsentSourceCard({ purpose, granted, busy, required, onChange }: ConsentSourceCardProps) {
  const t = zhCN.onboarding.authorisations;
  const text = zhCN.onboarding.purposes[purpose];
  return (
    <View className="lj-onb__card" data-testid={`auth-${purpose}`}>
      <View className="lj-onb__row">
        <Text className="lj-onb__subtitle">{text.title}</Text>
        <View className="lj-onb__tags">
          <View data-testid={`auth-${purpose}-need`}>
            <Tag type={required ? 'primary' : 'default'}>{required ? t.required : t.optional}</Tag>
          </View>
          <View data-testid={`auth-${purpose}-state`}>
            <Tag type={granted ? 'success' : 'default'}>{granted ? t.granted : t.notGranted}</Tag>
          </View>
        </View>
      </View>
      <Text>{text.summary}</Text>
      {required && 'requiredReason' in text && <Text className="lj-secondary">{text.requiredReason}</Text>}
      <Text className="lj-secondary">
        {t.purposeLabel}
        {text.why}
      </Text>
      <Text className="lj-secondary">
        {t.scopeLabel}
        {text.collected}
      </Text>
      <Text className="lj-secondary">
        {t.validityLabel}
        {t.validity}
      </Text>
      <Text className="lj-secondary">
        {t.revocationLabel}
        {t.revocation}
      </Text>
      <Button
        type="primary"
        fill={granted ? 'outline' : 'solid'}
        block
        loading={busy}
        onClick={() => onChange(!granted)}
        data-testid={`auth-${purpose}-${granted ? 'withdraw' : 'grant'}`}
      >
        {granted ? t.withdraw : t.grant}
      </Button>
    </View>
  );
}
