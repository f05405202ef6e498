import { api } from '../../services/api/client';
import { sessionToken } from '../../services/session';
import {
  consentChoices,
  saveConsent,
  CONSENT_PURPOSES,
  NOTICE_VERSION,
  type ConsentChoices,
  type ConsentPurpose,
} from '../../services/consent';

/**
 * Records at the bank what changed between two sets of choices: a grant for each newly granted
 * purpose, a withdrawal for each newly withdrawn one. The bank keeps the history (PIPL: proof of
 * consent), the device keeps what drives the risk SDK; both must agree.
 */
export async function recordAtBank(before: ConsentChoices, after: ConsentChoices): Promise<void> {
  if (!sessionToken()) return; // recorded after login by recordAllAtBank
  for (const purpose of CONSENT_PURPOSES) {
    if (after[purpose] && !before[purpose]) {
      await api.post('/api/consents', { body: { purpose, version: NOTICE_VERSION } });
    } else if (!after[purpose] && before[purpose]) {
      await api.post('/api/consents/{purpose}/withdraw', { params: { purpose } });
    }
  }
}

/** After login: the choices made before signing in are recorded at the bank. */
export async function recordAllAtBank(): Promise<void> {
  await recordAtBank({}, consentChoices() ?? {});
}

/**
 * One purpose granted or withdrawn: applied on the device first (a withdrawal of risk_device must
 * stop collection at once, even offline), then recorded at the bank.
 */
export async function setPurpose(purpose: ConsentPurpose, granted: boolean): Promise<void> {
  const before = consentChoices() ?? {};
  const after = { ...before, [purpose]: granted };
  await saveConsent(after);
  await recordAtBank(before, after);
}
