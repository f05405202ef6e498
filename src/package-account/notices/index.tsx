import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button } from '../../components/nutui';
import { EmptyState } from '../../components/status';
import { SignedInGate } from '../../components/onboarding-gate';
import { NoticeItem } from '../../components/notice-item';
import { zhCN } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { useSignedIn } from '../../services/session';
import './index.scss';

const HERE = '/package-account/notices/index';
/** Filter order: money first (what is due, what is late), then decisions, then the rest. */
const KIND_ORDER = ['due_soon', 'overdue', 'decision', 'drawdown', 'servicing', 'policy', 'anti_fraud'];

export default function NoticesPage() {
  const t = zhCN.onboarding.notices;
  const signedIn = useSignedIn();
  const loaded = useAsync(async () => (signedIn ? (await api.get('/api/notices')).items : []), [signedIn]);
  const [kind, setKind] = useState('all');
  const [readNow, setReadNow] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = (loaded.data ?? []).map((n) => (readNow.has(n.id) ? { ...n, read: true } : n));
  const kinds = KIND_ORDER.filter((k) => items.some((n) => n.kind === k));
  const shown = kind === 'all' ? items : items.filter((n) => n.kind === kind);

  const markRead = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await api.post('/api/notices/{id}/read', { params: { id } });
      setReadNow((s) => new Set(s).add(id));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : zhCN.errors.generic);
    } finally {
      setBusy(null);
    }
  };

  return (
    <PageShell testId="page-notices">
      <View className="lj-notices__title">{t.title}</View>
      <SignedInGate
        signedIn={signedIn}
        here={HERE}
        loading={loaded.loading}
        error={loaded.error}
        onRetry={loaded.reload}
      >
        {items.length === 0 ? (
          <EmptyState title={t.empty} hint={t.emptyHint} />
        ) : (
          <>
            <View className="lj-notices__filters" data-testid="notice-filters">
              {['all', ...kinds].map((k) => (
                <Button
                  key={k}
                  size="small"
                  type="primary"
                  fill={k === kind ? 'solid' : 'outline'}
                  onClick={() => setKind(k)}
                  data-testid={`notice-filter-${k}`}
                >
                  {t.kinds[k] ?? k}
                </Button>
              ))}
            </View>
            {error && (
              <Text className="lj-notices__error" data-testid="notice-error">
                {error}
              </Text>
            )}
            {shown.length === 0 ? (
              <EmptyState title={t.emptyKind} />
            ) : (
              shown.map((n) => <NoticeItem key={n.id} notice={n} busy={busy === n.id} onRead={() => markRead(n.id)} />)
            )}
          </>
        )}
      </SignedInGate>
    </PageShell>
  );
}
