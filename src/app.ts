import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { loadElderMode } from './services/elder-mode';
import { applyConsentAtLaunch } from './services/consent';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    loadElderMode();
    // Starts the risk SDK only if the user already consented; before that it collects nothing.
    void applyConsentAtLaunch().catch(() => undefined);
  });
  return children;
}

export default App;
