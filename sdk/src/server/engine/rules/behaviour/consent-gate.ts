import { Exit, bool } from '../define-rule';
import type { FeatureVector, Measurement } from '../../types';

/**
 * Behaviour rules judge only what the customer agreed to share. Without the behaviour summary
 * (consent declined, or no token) they exit as missing input — absence is not evidence of a bot;
 * NO_BEHAVIOUR reports the absence itself, with its own small weight.
 */
export function behaviourMissing(f: FeatureVector): Measurement | null {
  return bool(f, 'behaviour.present') === true ? null : { exit: Exit.missingFeature };
}
