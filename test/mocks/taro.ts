// A small hand-written stand-in for @tarojs/taro in jsdom tests (@tarojs/test-utils-react does
// not support Taro 4). Storage is a real in-memory map; navigation calls are recorded.
const storage = new Map<string, unknown>();
export const navigations: { kind: string; url: string }[] = [];

const record = (kind: string) => (opts: { url: string }) => {
  navigations.push({ kind, url: opts.url });
  return Promise.resolve({ errMsg: `${kind}:ok` });
};

export interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}
type Responder = (
  opts: RequestOptions,
) => { statusCode: number; data?: unknown } | Promise<{ statusCode: number; data?: unknown }>;
/** Tests set the bank's answers here; every request is also recorded. */
export const network: { respond: Responder; requests: RequestOptions[] } = {
  respond: () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } }),
  requests: [],
};

export function resetTaroMock(): void {
  storage.clear();
  navigations.length = 0;
  network.requests.length = 0;
  network.respond = () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } });
}

export const request = async (opts: RequestOptions) => {
  network.requests.push(opts);
  const res = await network.respond(opts);
  return { ...res, header: {}, errMsg: 'request:ok' };
};

// Named exports as well as the default: NutUI's UMD build reads `require('@tarojs/taro').getEnv`.
export const getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '');
export const setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
export const removeStorageSync = (key: string) => void storage.delete(key);
export const navigateTo = record('navigateTo');
export const redirectTo = record('redirectTo');
export const switchTab = record('switchTab');
export const reLaunch = record('reLaunch');
export const navigateBack = () => Promise.resolve({ errMsg: 'navigateBack:ok' });
export const showToast = () => Promise.resolve({ errMsg: 'showToast:ok' });
export const getEnv = () => 'WEB';
export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN' };
export const getSystemInfoSync = () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools' });
export const createSelectorQuery = () => ({
  select: () => ({ boundingClientRect: () => ({ exec: (cb?: (r: unknown[]) => void) => cb?.([]) }) }),
});
export const nextTick = (fn: () => void) => setTimeout(fn, 0);

const Taro = {
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  showToast,
  getEnv,
  ENV_TYPE,
  getSystemInfoSync,
  createSelectorQuery,
  nextTick,
};

export const useLaunch = (fn: () => void) => fn();
export const useDidShow = () => undefined;
export const useDidHide = () => undefined;
export const useLoad = () => undefined;
export const useRouter = () => ({ params: {} });
export default Taro;
