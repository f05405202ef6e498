import { defineModel } from './model';
import { paramsSchema } from './params';
import { GENUINE_STYLE } from './genuine';
import { humanActor } from './styles';

interface TamperParams {
  /** The request whose body is changed after sealing (the amount is multiplied by ten). */
  target: 'apply' | 'drawdown';
}

/**
 * Seals a modest request, then rewrites the amount in the body on the way out (an intercepting
 * proxy). The token's bizHash no longer matches: the verifier must refuse it (BIZ_MISMATCH).
 */
export const tamper = defineModel<TamperParams>({
  name: 'tamper',
  summary: 'protocol attacker: changes the amount in the body after the token was sealed',
  human: true,
  params: paramsSchema({ target: 'apply' }, { literals: { target: ['apply', 'drawdown'] } }),
  defaults: { target: 'apply' },
  actor: (p, rng) => ({ ...humanActor(GENUINE_STYLE, rng), attack: { kind: 'tamper', target: p.target } }),
});
