import Taro from '@tarojs/taro';

/**
 * A random 128-bit id in hex (idempotency keys), from the platform CSPRNG: Web Crypto on H5,
 * wx.getRandomValues on WeChat. Never Math.random.
 */
export async function randomId(): Promise<string> {
  const bytes = new Uint8Array(16);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
    crypto.getRandomValues(bytes);
  } else {
    // WeChat's CSPRNG is asynchronous and lives on the user crypto manager.
    const values = await new Promise<ArrayBuffer>((resolve, reject) => {
      Taro.getUserCryptoManager().getRandomValues({
        length: 16,
        success: (r) => resolve(r.randomValues),
        fail: reject,
      });
    });
    bytes.set(new Uint8Array(values));
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One key per user action: keep it across retries of that action so money moves once. */
export const newIdempotencyKey = randomId;
