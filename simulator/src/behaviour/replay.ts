import { defineModel } from './model';
import { paramsSchema } from './params';
import { GENUINE_STYLE } from './genuine';
import { humanActor } from './styles';

interface ReplayParams {
  /** The request whose token is captured and sent again. */
  target: 'apply' | 'drawdown';
}

/**
 * Fills the form like a person, then captures the sealed request (token + body) on the wire and
 * sends it again — a second application, or a second drawdown under a new Idempotency-Key. The
 * verifier must refuse the copy (REPLAY_NONCE).
 */
export const replay = defineModel<ReplayParams>({
  name: 'replay',
  summary: 'protocol attacker: resends a captured token with its body (apply or drawdown)',
  human: true,
  params: paramsSchema({ target: 'apply' }, { literals: { target: ['apply', 'drawdown'] } }),
  defaults: { target: 'apply' },
  actor: (p, rng) => ({ ...humanActor(GENUINE_STYLE, rng), attack: { kind: 'replay', target: p.target } }),
});
