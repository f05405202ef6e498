import { View, Text } from '@tarojs/components';
import { Tag } from '../../components/nutui';
import { zhCN } from '../../locales/zh-CN';
import type { DeferralRecord, RenewalRecord } from './deferral-types';

/** Status tracking: every deferral and renewal asked for on this loan, newest last. */
export function ServicingRecords({ deferrals, renewals }: { deferrals: DeferralRecord[]; renewals: RenewalRecord[] }) {
  const t = zhCN.servicing.deferral;
  return (
    <View className="lj-deferral__panel" data-testid="servicing-records">
      <View className="lj-deferral__title">{t.recordsTitle}</View>
      {deferrals.length + renewals.length === 0 && <Text className="lj-secondary">{t.recordsEmpty}</Text>}
      {deferrals.map((d) => (
        <View key={d.id} className="lj-deferral__line" data-testid={`record-${d.id}`}>
          <Text>
            {t.recordDeferral(t.optionLabels[d.option] ?? d.option, d.months)} · {d.createdAt.slice(0, 10)}
          </Text>
          <Tag type={d.status === 'applied' ? 'success' : 'default'}>{t.recordStatus[d.status] ?? d.status}</Tag>
        </View>
      ))}
      {renewals.map((r) => (
        <View key={r.id} className="lj-deferral__line" data-testid={`record-${r.id}`}>
          <Text>
            {t.recordRenewal(r.termMonths)} · {r.createdAt.slice(0, 10)}
          </Text>
          <Tag type={r.status === 'approved' ? 'success' : 'default'}>{t.recordStatus[r.status] ?? r.status}</Tag>
        </View>
      ))}
    </View>
  );
}
