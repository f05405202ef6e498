/**
 * What the customer is told: a plain category per reason family, never the rule, its threshold or
 * its evidence (PIPL Art. 24 asks for an explanation a person can act on, not a key to the lock).
 */
import type { ReasonCategory } from './types';

const APPLICATION: Record<ReasonCategory, string> = {
  device: '本次申请的设备环境存在安全风险',
  behaviour: '本次申请的操作过程存在异常，需进一步核实',
  identity: '申请身份信息需要进一步核实',
  velocity: '近期申请过于频繁',
  channel: '当前申请渠道暂停受理，请稍后再试',
  protocol: '安全校验未通过',
};

const MONEY: Record<ReasonCategory, string> = {
  device: '本次操作的设备环境存在安全风险',
  behaviour: '本次操作过程存在异常，需进一步核实',
  identity: '账户信息需要进一步核实',
  velocity: '近期操作过于频繁',
  channel: '当前渠道暂停受理',
  protocol: '安全校验未通过',
};

export function customerText(category: ReasonCategory, kind: 'application' | 'money'): string {
  return (kind === 'application' ? APPLICATION : MONEY)[category];
}
