import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button, Cell, Switch, Tag } from '../../components/nutui';
import { ErrorState, LoadingState } from '../../components/status';
import { loginUrl, ONBOARDING_URLS } from '../../components/onboarding-flow';
import { unreadCount } from '../../components/notice-item/unread';
import { zhCN } from '../../locales/zh-CN/entry';
import { api, ApiError } from '../../services/api/client';
import { useElderMode } from '../../services/elder-mode';
import { setSessionToken, useSignedIn } from '../../services/session';
import { useAsync } from '../../services/use-async';
import './index.scss';

const go = (url: string) => () => Taro.navigateTo({ url });

export default function MePage() {
  const t = zhCN.me;
  const [elder, setElder] = useElderMode();
  const signedIn = useSignedIn();
  return (
    <PageShell testId="page-me">
      {signedIn ? <AccountCard /> : <SignedOutCard />}
      <View className="lj-me__links">
        <Cell
          title={t.elderMode}
          description={t.elderModeHint}
          extra={
            <View data-testid="elder-switch-wrap">
              <Switch checked={elder} onChange={(on: boolean) => setElder(on)} data-testid="elder-switch" />
            </View>
          }
        />
        <View data-testid="me-consent">
          <Cell title={t.consent} clickable onClick={go('/pages/consent/index?manage=1')} />
        </View>
        <NoticesCell signedIn={signedIn} />
        <View data-testid="me-contracts">
          <Cell title={zhCN.onboarding.me.contracts} clickable onClick={go('/package-account/contracts/index')} />
        </View>
        <View data-testid="me-service">
          <Cell title={t.service} clickable onClick={go('/package-account/service/index')} />
        </View>
        <View data-testid="me-settings">
          <Cell title={t.settings} clickable onClick={go('/package-account/settings/index')} />
        </View>
      </View>
    </PageShell>
  );
}

function SignedOutCard() {
  const t = zhCN.onboarding.me;
  return (
    <View className="lj-me__card" data-testid="me-signed-out">
      <Text className="lj-secondary">{t.signedOut}</Text>
      <Button type="primary" block onClick={go(loginUrl('/pages/me/index'))} data-testid="me-login">
        {t.login}
      </Button>
    </View>
  );
}

/** Unread count only when signed in; the list itself is behind login too. */
function NoticesCell({ signedIn }: { signedIn: boolean }) {
  const t = zhCN.onboarding.me;
  const count = useAsync(async () => (signedIn ? unreadCount((await api.get('/api/notices')).items) : 0), [signedIn]);
  const n = count.data ?? 0;
  return (
    <View data-testid="me-notices">
      <Cell
        title={zhCN.me.notices}
        clickable
        onClick={go('/package-account/notices/index')}
        extra={
          n > 0 ? (
            <View data-testid="me-unread">
              <Tag type="danger">{t.unread(n)}</Tag>
            </View>
          ) : undefined
        }
      />
    </View>
  );
}

function AccountCard() {
  const t = zhCN.onboarding.me;
  const account = useAsync(() => api.get('/api/me'), []);
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const logout = async () => {
    setLeaving(true);
    setError(null);
    try {
      await api.post('/api/auth/logout');
      setSessionToken(null);
    } catch (e) {
      // An expired session is already gone at the bank: the client cleared it; nothing more to do.
      setError(e instanceof ApiError ? e.message : zhCN.errors.generic);
    } finally {
      setLeaving(false);
    }
  };

  if (account.loading) return <LoadingState />;
  if (account.error) return <ErrorState message={account.error} onRetry={account.reload} />;
  const me = account.data;
  return (
    <View className="lj-me__card" data-testid="me-signed-in">
      <Text className="lj-me__phone" data-testid="me-phone">
        {me?.phone ? t.phone(me.phone) : t.noPhone}
      </Text>
      <View className="lj-me__row">
        <View data-testid="me-real-name">
          <Tag type={me?.realNameVerified ? 'success' : 'default'}>
            {me?.realNameVerified ? t.realNameDone : t.realNameTodo}
          </Tag>
        </View>
        {!me?.realNameVerified && (
          <Button size="small" fill="outline" onClick={go(ONBOARDING_URLS.realName)}>
            {t.realNameCta}
          </Button>
        )}
      </View>
      {error && <Text className="lj-me__error">{error}</Text>}
      <Button fill="outline" block loading={leaving} onClick={logout} data-testid="me-logout">
        {t.logout}
      </Button>
    </View>
  );
}
