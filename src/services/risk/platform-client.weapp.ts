import Taro from '@tarojs/taro';
import { createRiskClient, type RiskClient, type RiskClientOptions } from '@lingjie/risk-sdk/taro';

/** WeChat mini-program: the split device/window/app-base APIs, wx.getRandomValues, wx storage. */
export function createPlatformRiskClient(options: Omit<RiskClientOptions, 'platform'>): RiskClient {
  return createRiskClient({ ...options, taro: Taro });
}
