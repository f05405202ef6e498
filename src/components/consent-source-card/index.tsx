import { View, Text } from '@tarojs/components';
import { Button, Tag } from '../nutui';
import { zhCN } from '../../locales/zh-CN';
import type { ConsentPurpose } from '../../services/consent';

interface ConsentSourceCardProps {
  purpose: ConsentPurpose;
  granted: boolean;
  busy: boolean;
  onChange: (granted: boolean) => void;
}

/** One data source the bank may query: what for, what exactly, how long, how to take it back. */
export function ConsentSourceCard({ purpose, granted, busy, onChange }: ConsentSourceCardProps) {
  const t = zhCN.onboarding.authorisations;
  const text = zhCN.onboarding.purposes[purpose];
  return (
    <View className="lj-onb__card" data-testid={`auth-${purpose}`}>
      <View className="lj-onb__row">
        <Text className="lj-onb__subtitle">{text.title}</Text>
        <View data-testid={`auth-${purpose}-state`}>
          <Tag type={granted ? 'success' : 'default'}>{granted ? t.granted : t.notGranted}</Tag>
        </View>
      </View>
      <Text>{text.summary}</Text>
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
