import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button, Loading } from '../nutui';
import { zhCN } from '../../locales/zh-CN/entry';
import './index.scss';

/** A wait the user can see, with what is happening. */
export function LoadingState({ text = zhCN.common.loading }: { text?: string }) {
  return (
    <View className="lj-status" data-testid="loading">
      <Loading type="circular" />
      <Text className="lj-secondary">{text}</Text>
    </View>
  );
}

/** An error that says what went wrong and offers the next step. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="lj-status" data-testid="error-state">
      <Text className="lj-status__error">{message}</Text>
      {onRetry && (
        <Button fill="outline" onClick={onRetry}>
          {zhCN.common.retry}
        </Button>
      )}
    </View>
  );
}

/** Nothing here yet, and how to change that. */
export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <View className="lj-status" data-testid="empty-state">
      <Text className="lj-status__title">{title}</Text>
      {hint && <Text className="lj-secondary">{hint}</Text>}
      {action}
    </View>
  );
}
