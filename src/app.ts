import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { loadElderMode } from './services/elder-mode';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    loadElderMode();
  });
  return children;
}

export default App;
