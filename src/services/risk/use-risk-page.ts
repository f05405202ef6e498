import { useDidHide, useDidShow } from '@tarojs/taro';
import { risk } from '.';

/**
 * Tells the risk SDK which page is showing (dwell time, navigation sequence). A no-op until the
 * user consents to behaviour data.
 */
export function useRiskPage(name: string): void {
  useDidShow(() => risk().behaviour.pageShow(name));
  useDidHide(() => risk().behaviour.pageHide(name));
}
