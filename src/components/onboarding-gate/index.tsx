import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from '../nutui';
import { EmptyState, ErrorState, LoadingState } from '../status';
import { loginUrl, openUrl } from '../onboarding-flow';
import { zhCN } from '../../locales/zh-CN';

interface GateProps {
  signedIn: boolean;
  /** Where to come back to after login. */
  here: string;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  children: ReactNode;
}

/**
 * What every signed-in screen shows before its content: a way to log in, the wait, or the error
 * with a retry. Keeps those states identical across the journey.
 */
export function SignedInGate({ signedIn, here, loading, error, onRetry, children }: GateProps) {
  const t = zhCN.onboarding.common;
  if (!signedIn)
    return (
      <EmptyState
        title={t.needLogin}
        action={
          <View>
            <Button type="primary" onClick={() => openUrl(loginUrl(here))} data-testid="gate-login">
              {t.loginCta}
            </Button>
          </View>
        }
      />
    );
  if (loading) return <LoadingState />;
  if (error) return <ErrorState message={error} onRetry={onRetry} />;
  return <>{children}</>;
}
