import Taro from '@tarojs/taro';
import { createRiskClient, type RiskClient, type RiskClientOptions } from '@lingjie/risk-sdk/taro';

/**
 * WeChat mini-program: the split device/window/app-base APIs, wx.getRandomValues, wx storage. The
 * SDK is in the main package (imported statically); the promise is only for the H5 twin's sake.
 */
export function createPlatformRiskClient(options: Omit<RiskClientOptions, 'platform'>): Promise<RiskClient> {
  return Promise.resolve(createRiskClient({ ...options, taro: Taro }));
}

/** The mini-program has the SDK already: no reason to wait. */
export function afterFirstScreen(task: () => void): void {
  task();
}
