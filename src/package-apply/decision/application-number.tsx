import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { zhCN } from '../../locales/zh-CN';
import './application-number.scss';

/**
 * The application number on every decision screen (issue #8 point 8): the customer quotes it to
 * 人工服务, in a complaint or a request for human review, so it can be copied in one tap.
 */
export function ApplicationNumber({ id }: { id: string }) {
  const t = zhCN.apply.decision;
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onCopy = async () => {
    try {
      await Taro.setClipboardData({ data: id });
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <View className="lj-apply__appno" data-testid="application-no">
      <View className="lj-apply__fact">
        <Text>{t.applicationNo}</Text>
        <Text className="lj-apply__appno-value" data-testid="application-no-value">
          {id}
        </Text>
        <Text className="lj-apply__appno-copy" onClick={onCopy} data-testid="application-no-copy">
          {copy === 'copied' ? t.copied : t.copy}
        </Text>
      </View>
      {copy === 'failed' && (
        <Text className="lj-apply__error" data-testid="application-no-copy-failed">
          {t.copyFailed}
        </Text>
      )}
      <Text className="lj-secondary">{t.applicationNoHint}</Text>
    </View>
  );
}
