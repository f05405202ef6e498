import { createElement, Fragment, type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { loadElderMode } from './services/elder-mode';
import { applyConsentAtLaunch } from './services/consent';
import { OfflineNotice } from './components/offline-notice';
import { useChunkLoadFailure } from './components/offline-notice/use-chunk-failure';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    loadElderMode();
    // Starts the risk SDK only if the user already consented; before that it collects nothing.
    void applyConsentAtLaunch().catch(() => undefined);
  });
  // H5 fetches each page's code on first visit: offline, say so and offer 重试 (issue 9 point 11).
  const pageLoadFailed = useChunkLoadFailure(process.env.TARO_ENV === 'h5');
  // createElement, not JSX: this file is the app's entry and keeps its .ts name.
  return createElement(Fragment, null, children, pageLoadFailed ? createElement(OfflineNotice) : null);
}

export default App;
