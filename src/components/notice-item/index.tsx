import { View, Text } from '@tarojs/components';
import { Button, Tag } from '../nutui';
import { zhCN } from '../../locales/zh-CN';
import './index.scss';

export interface NoticeView {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
  broadcast: boolean;
}

interface NoticeItemProps {
  notice: NoticeView;
  busy: boolean;
  onRead: () => void;
}

/** One notice: its kind, whether it is read, the full text (no truncation: elder mode reads it all). */
export function NoticeItem({ notice: n, busy, onRead }: NoticeItemProps) {
  const t = zhCN.onboarding.notices;
  const unread = !n.read && !n.broadcast;
  return (
    <View className={`lj-notice${unread ? ' lj-notice--unread' : ''}`} data-testid={`notice-${n.id}`}>
      <View className="lj-notice__head">
        <Tag type={n.kind === 'overdue' || n.kind === 'anti_fraud' ? 'danger' : 'primary'}>
          {t.kinds[n.kind] ?? n.kind}
        </Tag>
        <Text className="lj-secondary">{n.createdAt.slice(0, 10)}</Text>
      </View>
      <Text className="lj-notice__title">{n.title}</Text>
      <Text>{n.body}</Text>
      {n.broadcast ? (
        <Text className="lj-secondary">{t.broadcast}</Text>
      ) : unread ? (
        <Button size="small" fill="outline" loading={busy} onClick={onRead} data-testid="notice-mark-read">
          {t.markRead}
        </Button>
      ) : (
        <Text className="lj-secondary" data-testid="notice-read">
          {t.read}
        </Text>
      )}
    </View>
  );
}
