import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button, Tag } from '../../components/nutui';
import { EmptyState, ErrorState, LoadingState } from '../../components/status';
import { SignedInGate } from '../../components/onboarding-gate';
import { zhCN } from '../../locales/zh-CN';
import { formatYuan } from '../../domain';
import { api } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { useSignedIn } from '../../services/session';
import { keyTermRows, ruleTexts } from './contract-terms';
import './index.scss';

const HERE = '/package-account/contracts/index';

export default function ContractsPage() {
  const t = zhCN.onboarding.contracts;
  const signedIn = useSignedIn();
  const [openId, setOpenId] = useState<string | null>(useRouter().params.id ?? null);
  const list = useAsync(async () => (signedIn ? (await api.get('/api/contracts')).items : []), [signedIn]);

  return (
    <PageShell testId="page-contracts">
      <View className="lj-onb__title">{t.title}</View>
      <SignedInGate signedIn={signedIn} here={HERE} loading={list.loading} error={list.error} onRetry={list.reload}>
        {openId ? (
          <ContractDetail id={openId} onBack={() => setOpenId(null)} />
        ) : (list.data ?? []).length === 0 ? (
          <EmptyState title={t.empty} hint={t.emptyHint} />
        ) : (
          (list.data ?? []).map((c) => {
            const limit = typeof c.terms.limitFen === 'number' ? c.terms.limitFen : null;
            return (
              <View key={c.id} className="lj-onb__card" data-testid="contract-item">
                <View className="lj-onb__row">
                  <Text className="lj-onb__subtitle">{limit === null ? c.id : formatYuan(limit)}</Text>
                  <Tag type={c.status === 'signed' ? 'success' : 'warning'}>{t.status[c.status] ?? c.status}</Tag>
                </View>
                <Text className="lj-secondary">
                  {c.signedAt ? t.signedAt(c.signedAt.slice(0, 10)) : t.createdAt(c.createdAt.slice(0, 10))}
                </Text>
                <Button fill="outline" block onClick={() => setOpenId(c.id)} data-testid="contract-open">
                  {t.open}
                </Button>
              </View>
            );
          })
        )}
      </SignedInGate>
    </PageShell>
  );
}

/** One contract's key terms, loaded on its own so a deep link (?id=) works without the list. */
function ContractDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const t = zhCN.onboarding.contracts;
  const c = useAsync(() => api.get('/api/contracts/{id}', { params: { id } }), [id]);
  if (c.loading) return <LoadingState />;
  if (c.error || !c.data) return <ErrorState message={c.error ?? zhCN.errors.generic} onRetry={c.reload} />;
  const terms = c.data.terms as Record<string, unknown>;
  return (
    <View data-testid="contract-detail">
      <View className="lj-onb__card">
        <View className="lj-onb__row">
          <Tag type={c.data.status === 'signed' ? 'success' : 'warning'}>
            {t.status[c.data.status] ?? c.data.status}
          </Tag>
        </View>
        {keyTermRows(terms).map((r) => (
          <View key={r.key} className="lj-onb__row" data-testid={`contract-term-${r.key}`}>
            <Text className="lj-secondary">{r.label}</Text>
            <Text className="lj-contracts__value">{r.value}</Text>
          </View>
        ))}
      </View>
      <View className="lj-onb__card">
        <Text className="lj-onb__subtitle">{t.otherTerms}</Text>
        {ruleTexts(terms).map((s) => (
          <Text key={s}>{s}</Text>
        ))}
      </View>
      <Button fill="outline" block onClick={onBack} data-testid="contract-back">
        {t.back}
      </Button>
    </View>
  );
}
