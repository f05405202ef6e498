import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { Button, Input } from '../../components/nutui';
import { zhCN } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { useSignedIn } from '../../services/session';
import { ComplaintForm } from './complaint-form';
import './index.scss';

/**
 * Human review (PIPL Art. 24) and complaints. A signed-in customer asks for a person to look again
 * at a rejected application here (POST /api/reviews), files a complaint (POST /api/complaints) and
 * follows the answers; the listed channels work without signing in. Opened from a decision screen
 * with `?applicationId=`, that application is put first with its number filled in.
 */
export default function ServicePage() {
  const t = zhCN.onboarding.service;
  const signedIn = useSignedIn();
  const prefilled = useRouter().params.applicationId || undefined;
  const loaded = useAsync(
    async () =>
      signedIn
        ? { apps: (await api.get('/api/applications')).items, reviews: (await api.get('/api/reviews')).items }
        : null,
    [signedIn],
  );
  const [reason, setReason] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const all = loaded.data?.reviews ?? [];
  const reviews = all.filter((r) => r.kind !== 'complaint');
  const complaints = all.filter((r) => r.kind === 'complaint');
  const open = new Set(reviews.filter((r) => r.status !== 'answered').map((r) => r.applicationId));
  const rejected = (loaded.data?.apps ?? [])
    .filter((a) => a.status === 'rejected' && !open.has(a.id))
    // The application the customer came from goes first.
    .sort((a, b) => Number(b.id === prefilled) - Number(a.id === prefilled));
  const prefilledReviewable = !!prefilled && rejected.some((a) => a.id === prefilled);

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
        {prefilled && loaded.data && (
          <Text className="lj-secondary" data-testid="service-prefilled">
            {prefilledReviewable ? t.prefilled(prefilled) : t.prefilledNotRejected(prefilled)}
          </Text>
        )}
        {rejected.map((a) => (
          <View
            key={a.id}
            className="lj-service__channel"
            data-testid="service-reviewable"
            data-application-id={a.id}
            data-prefilled={a.id === prefilled ? 'true' : undefined}
          >
            <Text>{t.rejected((a.amountFen / 100).toLocaleString('zh-CN'), a.createdAt.slice(0, 10))}</Text>
            <Text className="lj-secondary" data-testid="service-reviewable-no">{`${t.applicationNo} ${a.id}`}</Text>
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
        {signedIn ? (
          <ComplaintForm applicationId={prefilled} onSubmitted={loaded.reload} />
        ) : (
          <Text className="lj-secondary">{t.signInForComplaint}</Text>
        )}
        {complaints.length > 0 && <Text className="lj-onb__subtitle">{t.myComplaints}</Text>}
        {complaints.map((c) => (
          <View key={c.id} className="lj-service__channel" data-testid="service-complaint-item" data-status={c.status}>
            <Text className="lj-service__name">
              {`${t.complaintCategories[c.category ?? 'other'] ?? c.category} · ${t.statuses[c.status] ?? c.status}`}
            </Text>
            <Text className="lj-secondary">{c.reason}</Text>
            {c.answer && <Text>{t.complaintAnswer(c.answer)}</Text>}
          </View>
        ))}
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
