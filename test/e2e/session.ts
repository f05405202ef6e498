import type { Page } from 'playwright-core';
import type { Sandbox } from '../../server/src/sandbox';
import { DEMO } from '../../server/src/seed';
import { NOTICE_VERSION, CONSENT_PURPOSES } from '../../src/services/consent-purposes';

/** Taro H5 keeps storage values wrapped as {"data": value} in localStorage. */
const taroStored = (value: string) => JSON.stringify({ data: value });

/**
 * Starts the page as the seeded demo customer: a real bank session from the sandbox's login
 * route, and (by default) every consent given, so journeys that need risk tokens can run. The
 * login and consent screens themselves have their own tests.
 */
export async function signInAsDemo(page: Page, sandbox: Sandbox, opts: { consent?: boolean } = {}): Promise<string> {
  const res = await sandbox.app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: DEMO.loginCode } });
  if (res.statusCode !== 200) throw new Error(`demo login failed: ${res.statusCode} ${res.body}`);
  const token = (res.json() as { token: string }).token;
  const consent =
    opts.consent === false
      ? null
      : JSON.stringify({
          version: NOTICE_VERSION,
          choices: Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, true])),
        });
  // navigator.webdriver stays as Playwright's Chromium reports it (true): the e2e sandbox caps the
  // automated outcomes instead of hiding what the engine sees (see E2E_RULE_SETS in sandbox.ts).
  await page.addInitScript(
    ([session, consentJson]) => {
      localStorage.setItem('lj.session', session);
      if (consentJson) localStorage.setItem('lj.consent', consentJson);
    },
    [taroStored(token), consent ? taroStored(consent) : null] as const,
  );
  return token;
}

/** The visible Taro page (earlier pages stay in the DOM, hidden). */
export function visiblePage(page: Page, testId: string) {
  return page.locator(`[data-testid="${testId}"]:visible`);
}
