import Taro from '@tarojs/taro';
import { randomId } from '../../services/random-id';

/** The demo customer's sandbox WeChat code (server/src/seed.ts DEMO.loginCode). */
export const DEMO_WECHAT_CODE = 'demo';
const STORAGE_KEY = 'lj.sandboxWechatCode';

/**
 * H5 has no WeChat. The sandbox bank's code2Session names one user per code, so a browser that
 * always sent the demo code made every visitor the demo customer. Instead each browser keeps its
 * own random code: a new visitor becomes a new customer, and stays that customer when they come
 * back (like an openid per device). The demo customer stays one tap away (使用演示账户).
 */
export async function sandboxWechatCode(): Promise<string> {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY);
    if (typeof stored === 'string' && /^h5-[0-9a-f]{32}$/.test(stored)) return stored;
  } catch {
    // storage unavailable: a code for this run only
  }
  const code = `h5-${await randomId()}`;
  try {
    Taro.setStorageSync(STORAGE_KEY, code);
  } catch {
    // best effort: without storage the next visit is a new sandbox customer
  }
  return code;
}
