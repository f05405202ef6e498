import { Tag } from 'antd';
import { zhCN } from '../locale/zh-CN';

const COLOURS: Record<string, string> = {
  approve: 'green',
  allow: 'green',
  review: 'gold',
  'step-up': 'gold',
  hold: 'orange',
  reject: 'red',
  block: 'red',
};

/** An outcome as a coloured tag, with its machine value kept in a data attribute for tests. */
export function OutcomeTag({ outcome }: { outcome: string }) {
  return (
    <Tag color={COLOURS[outcome] ?? 'default'} data-outcome={outcome}>
      {zhCN.outcomes[outcome] ?? outcome}
    </Tag>
  );
}
