import { View, Text } from '@tarojs/components';
import { Button } from '../nutui';
import { zhCN } from '../../locales/zh-CN/entry';
import './index.scss';

/** Reloading fetches the page again and puts the tab bar back in step with the page shown. */
const reload = () => window.location.reload();

/**
 * Shown on H5 when a page could not be loaded (offline while switching tabs): says why and offers
 * 重试, instead of webpack's "Loading CSS chunk … failed" and a tab bar pointing at a page that
 * never opened.
 */
export function OfflineNotice({ onRetry = reload }: { onRetry?: () => void }) {
  return (
    <View className="lj-offline-notice" role="alert" data-testid="offline-notice">
      <Text className="lj-offline-notice__text">{zhCN.errors.pageLoadOffline}</Text>
      <Button type="primary" size="small" onClick={onRetry} data-testid="offline-notice-retry">
        {zhCN.common.retry}
      </Button>
    </View>
  );
}
