import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button, Input } from '../../components/nutui';
import { zhCN } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { useSignedIn } from '../../services/session';
import './index.scss';

/**
 * Human review (PIPL Art. 24) and complaints. A signed-in customer asks for a person to look again
 * at a rejected application here (POST /api/reviews) and follows the answer; complaints go through
 * the listed channels.
 */
export default function ServicePage() {
  const t = zhCN.onboarding.service;
  const signedIn = useSignedIn();
  const loaded = useAsync(
    async () =>
      signedIn
        ? { apps: (await api.get('/api/applications')).items, reviews: (await api.get('/api/reviews')).items }
        : null,
    [signedIn],
  );
  const [reason, setReason] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const reviews = loaded.data?.reviews ?? [];
  const open = new Set(reviews.filter((r) => r.status !== 'answered').map((r) => r.applicationId));
  const rejected = (loaded.data?.apps ?? []).filter((a) => a.status === 'rejected' && !open.has(a.id));

  const submit = async (applicationId: string) => {
    const text = (reason[applicationId] ?? '').trim();
    if (!text) return setMessage(t.reasonRequired);
    try {
      await api.post('/api/reviews', { body: { applicationId, reason: text } });
      setMessage(t.submitted);
      loaded.reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : zhCN.errors.generic);
    }
  };

  return (
    <PageShell testId="page-service">
      <View className="lj-onb__title">{t.title}</View>
      <View className="lj-onb__card" data-testid="service-review">
        <Text className="lj-onb__subtitle">{t.reviewTitle}</Text>
        <Text>{t.reviewBody}</Text>
        <Text className="lj-secondary">{signedIn ? t.reviewOnline : t.signInForReview}</Text>
        {rejected.map((a) => (
          <View key={a.id} className="lj-service__channel" data-testid="service-reviewable">
            <Text>{t.rejected((a.amountFen / 100).toLocaleString('zh-CN'), a.createdAt.slice(0, 10))}</Text>
            <Input
              placeholder={t.reasonPlaceholder}
              value={reason[a.id] ?? ''}
              onChange={(v: string) => setReason((r) => ({ ...r, [a.id]: v }))}
              data-testid="service-review-reason"
            />
            <Button type="primary" size="small" onClick={() => submit(a.id)} data-testid="service-review-submit">
              {t.submit}
            </Button>
          </View>
        ))}
        {message && <Text data-testid="service-review-message">{message}</Text>}
        {reviews.length > 0 && <Text className="lj-onb__subtitle">{t.myReviews}</Text>}
        {reviews.map((r) => (
          <View key={r.id} className="lj-service__channel" data-testid="service-review-item" data-status={r.status}>
            <Text className="lj-service__name">{t.statuses[r.status] ?? r.status}</Text>
            <Text className="lj-secondary">{r.reason}</Text>
            {r.verdict && <Text>{`${t.verdicts[r.verdict]}：${r.answer ?? ''}`}</Text>}
          </View>
        ))}
      </View>
      <View className="lj-onb__card" data-testid="service-complaint">
        <Text className="lj-onb__subtitle">{t.complaintTitle}</Text>
        <Text>{t.complaintBody}</Text>
      </View>
      <View className="lj-onb__card" data-testid="service-channels">
        <Text className="lj-onb__subtitle">{t.channelsTitle}</Text>
        {t.channels.map((c) => (
          <View key={c.name} className="lj-service__channel">
            <Text className="lj-service__name">{c.name}</Text>
            <Text>{c.value}</Text>
            <Text className="lj-secondary">{c.hours}</Text>
          </View>
        ))}
        <Text className="lj-onb__sandbox" data-testid="service-not-online">
          {t.notOnline}
        </Text>
        <Text className="lj-secondary">{t.regulator}</Text>
      </View>
    </PageShell>
  );
}
