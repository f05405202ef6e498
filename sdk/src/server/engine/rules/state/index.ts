/** State rules: velocity windows, the identity–device–account graph, token failures and channel conditions. */
import type { RuleDefinition } from '../define-rule';
import { ACCOUNT_SHARED } from './account-shared';
import { ACCOUNT_VELOCITY } from './account-velocity';
import { CHANNEL_LOCKDOWN } from './channel-lockdown';
import { DEVICE_MANY_IDENTITIES } from './device-many-identities';
import { DEVICE_MANY_USERS } from './device-many-users';
import { DEVICE_VELOCITY } from './device-velocity';
import { IDENTITY_MANY_DEVICES } from './identity-many-devices';
import { IDENTITY_VELOCITY } from './identity-velocity';
import { IP_VELOCITY } from './ip-velocity';
import { NEW_ACCOUNT_QUICK_MOVE } from './new-account-quick-move';
import { NIGHT_BURST } from './night-burst';
import { PHONE_VELOCITY } from './phone-velocity';
import { SUBNET_VELOCITY } from './subnet-velocity';
import { TOKEN_FAILURES } from './token-failures';
import { USCC_SHARED } from './uscc-shared';
import { USCC_VELOCITY } from './uscc-velocity';

export const STATE_RULES: RuleDefinition[] = [
  DEVICE_MANY_IDENTITIES,
  DEVICE_MANY_USERS,
  IDENTITY_MANY_DEVICES,
  IDENTITY_VELOCITY,
  PHONE_VELOCITY,
  USCC_VELOCITY,
  USCC_SHARED,
  DEVICE_VELOCITY,
  IP_VELOCITY,
  SUBNET_VELOCITY,
  ACCOUNT_SHARED,
  ACCOUNT_VELOCITY,
  NEW_ACCOUNT_QUICK_MOVE,
  NIGHT_BURST,
  TOKEN_FAILURES,
  CHANNEL_LOCKDOWN,
];
