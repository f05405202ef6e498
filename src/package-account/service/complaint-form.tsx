import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '../../components/nutui';
import { Radio, RadioGroup } from '../../components/nutui-radio';
import { zhCN } from '../../locales/zh-CN';
import { api, ApiError } from '../../services/api/client';

const MAX_TEXT = 1000;
type Category = 'decision' | 'fees' | 'repayment' | 'collection' | 'privacy' | 'fraud' | 'service' | 'other';

/**
 * A complaint filed online (POST /api/complaints): a category, what happened, and optionally the
 * application it concerns (pre-filled when the customer came from a decision screen).
 */
export function ComplaintForm({ applicationId, onSubmitted }: { applicationId?: string; onSubmitted: () => void }) {
  const t = zhCN.onboarding.service;
  const [category, setCategory] = useState<Category | ''>('');
  const [text, setText] = useState('');
  const [appNo, setAppNo] = useState(applicationId ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async () => {
    if (busy) return;
    const body = text.trim();
    if (!category) return setMessage(t.complaintCategoryRequired);
    if (!body) return setMessage(t.complaintTextRequired);
    if (body.length > MAX_TEXT) return setMessage(t.complaintTooLong);
    setBusy(true);
    setMessage(null);
    try {
      const no = appNo.trim();
      await api.post('/api/complaints', { body: { category, text: body, ...(no ? { applicationId: no } : {}) } });
      setMessage(t.complaintSubmitted);
      setText('');
      setCategory('');
      onSubmitted();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : zhCN.errors.generic);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="lj-service__form" data-testid="complaint-form">
      <Text className="lj-secondary">{t.complaintOnline}</Text>
      <Text className="lj-service__name">{t.complaintCategory}</Text>
      <RadioGroup
        value={category}
        onChange={(v: string | number | boolean) => setCategory(String(v) as Category)}
        direction="horizontal"
        data-testid="complaint-category"
      >
        {Object.entries(t.complaintCategories).map(([key, label]) => (
          <Radio key={key} value={key} data-testid={`complaint-category-${key}`}>
            {label}
          </Radio>
        ))}
      </RadioGroup>
      <Input
        placeholder={t.complaintText}
        value={text}
        maxLength={MAX_TEXT}
        onChange={(v: string) => setText(v)}
        data-testid="complaint-text"
      />
      <Input
        placeholder={t.complaintApplication}
        value={appNo}
        onChange={(v: string) => setAppNo(v)}
        data-testid="complaint-application"
      />
      <Button
        type="primary"
        size="small"
        loading={busy}
        disabled={busy}
        onClick={submit}
        data-testid="complaint-submit"
      >
        {t.complaintSubmit}
      </Button>
      {message && <Text data-testid="complaint-message">{message}</Text>}
    </View>
  );
}
