import type { Locator, Page } from 'playwright-core';
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

/** Fills a Taro input inside `scope` (taro-input-core wraps the real <input>; its test id ends in -input). */
export function fillField(scope: Locator, testId: string, value: string): Promise<void> {
  return scope.locator(`[data-testid="${testId}-input"] input`).fill(value);
}

/** The newest unused sandbox SMS code sent to `phone` for `purpose` (the sandbox's dev inbox). */
export async function smsCode(sandbox: Sandbox, phone: string, purpose: string): Promise<string> {
  const inbox = (await sandbox.app.inject({ url: `/api/dev/sms/${phone}` })).json() as {
    messages: { purpose: string; code: string; used: boolean }[];
  };
  const code = inbox.messages.find((m) => m.purpose === purpose && !m.used)?.code; // newest first
  if (!code || !/^\d{6}$/.test(code)) throw new Error(`no ${purpose} SMS code for ${phone}`);
  return code;
}

/** The bank session token the app keeps on this browser. */
export function sessionOf(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('lj.session') ?? '{}').data as string);
}
