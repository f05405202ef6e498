import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useElderMode } from '../../services/elder-mode';
import './index.scss';

interface PageShellProps {
  /** Test id of the page root, so end-to-end tests can find the visible page (Taro H5 keeps earlier pages in the DOM). */
  testId: string;
}

/** Root of every page: background, padding and the elder-mode class. */
export function PageShell({ testId, children }: PropsWithChildren<PageShellProps>) {
  const [elder] = useElderMode();
  return (
    <View className={`lj-page${elder ? ' lj-elder' : ''}`} data-testid={testId}>
      {children}
    </View>
  );
}
