import { createElement, Fragment, type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { loadElderMode } from './services/elder-mode';
import { applyConsentAtLaunch } from './services/consent';
import { preloadRiskAfterFirstScreen } from './services/risk';
import { OfflineNotice } from './components/offline-notice';
import { useChunkLoadFailure } from './components/offline-notice/use-chunk-failure';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    loadElderMode();
    // Starts the risk SDK only if the user already consented; before that it collects nothing.
    applyConsentAtLaunch();
    // On H5 the SDK is a chunk of its own, fetched once the home screen is up so it never delays it.
    preloadRiskAfterFirstScreen();
  });
  // H5 fetches each page's code on first visit: offline, say so and offer 重试 (issue 9 point 11).
  const pageLoadFailed = useChunkLoadFailure(process.env.TARO_ENV === 'h5');
  // createElement, not JSX: this file is the app's entry and keeps its .ts name.
  return createElement(Fragment, null, children, pageLoadFailed ? createElement(OfflineNotice) : null);
}

export default App;
