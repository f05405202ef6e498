import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';

export const DETAIL_PATH = '/package-loan/detail/index';

/**
 * The id in the address bar when it points at this page (H5 only), else null. Taro's H5 router
 * matches an opened link against the pages already in its stack by path alone, ignoring the query:
 * opening `detail?id=B` while `detail?id=A` is in the stack brings back A's page instance, whose
 * router params still say A. The address is the only place that says which loan was asked for.
 */
export function idFromAddress(): string | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null;
  const hash = window.location.hash.replace(/^#/, '');
  const [path, query = ''] = hash.split('?');
  if (path !== DETAIL_PATH) return null;
  return new URLSearchParams(query).get('id');
}

/** The loan this page instance must show: its own router param, then the address on every show. */
export function useShownLoanId(): string {
  const own = useRouter().params.id ?? '';
  const [id, setId] = useState(() => idFromAddress() ?? own);
  useDidShow(() => {
    const asked = idFromAddress();
    if (asked && asked !== id) setId(asked);
  });
  return id;
}
