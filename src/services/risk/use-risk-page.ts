import { useDidHide, useDidShow } from '@tarojs/taro';
import { whenRiskLoaded } from '.';

/**
 * Tells the risk SDK which page is showing (dwell time, navigation sequence). A no-op until the
 * user consents to behaviour data; before the SDK has loaded (H5), replayed once it has.
 */
export function useRiskPage(name: string): void {
  useDidShow(() => whenRiskLoaded((c) => c.behaviour.pageShow(name)));
  useDidHide(() => whenRiskLoaded((c) => c.behaviour.pageHide(name)));
}
