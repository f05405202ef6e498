import type { Browser, Page } from 'playwright-core';
import type { Sandbox } from '../../server/src/sandbox';
import { launchBrowser, phonePage, screenshot as takeScreenshot } from './browser';
import { startE2eSandbox } from './sandbox';
import { signInAsDemo, visiblePage } from './session';

jest.setTimeout(180_000);

/** Screenshots after Taro's page slide-in has finished, so the picture shows the whole screen. */
async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(700);
  return takeScreenshot(page, name);
}

/** Waits until a condition over the page holds (jest has no expect.poll). */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('account screens for the signed-in demo customer', () => {
  let browser: Browser;
  let sandbox: Sandbox;
  let page: Page;
  const requests: { path: string; at: number }[] = [];

  beforeAll(async () => {
    sandbox = await startE2eSandbox();
    browser = await launchBrowser();
    page = await phonePage(browser);
    page.on('request', (r) => requests.push({ path: new URL(r.url()).pathname, at: Date.now() }));
    await signInAsDemo(page, sandbox);
    await page.goto(`${sandbox.url}/#/pages/me/index`);
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('我的 shows the masked phone, real-name status and unread notices', async () => {
    const me = visiblePage(page, 'page-me');
    await expect(me.locator('[data-testid="me-phone"]').innerText()).resolves.toContain('138****8000');
    await expect(me.locator('[data-testid="me-real-name"]').innerText()).resolves.toContain('已实名');
    await me.locator('[data-testid="me-unread"]').waitFor();
    await screenshot(page, 'account-me');
  });

  it('lists notices by kind and marks one read', async () => {
    await visiblePage(page, 'page-me').locator('[data-testid="me-notices"]').click();
    const notices = visiblePage(page, 'page-notices');
    await notices.locator('[data-testid="notice-filters"]').waitFor();
    const unreadBefore = await notices.locator('[data-testid="notice-mark-read"]').count();
    expect(unreadBefore).toBeGreaterThan(0);
    await notices.locator('[data-testid="notice-filter-overdue"]').click();
    await expect(notices.innerText()).resolves.toContain('逾期提醒');
    await notices.locator('[data-testid="notice-filter-all"]').click();
    await notices.locator('[data-testid="notice-mark-read"]').first().click();
    await until(async () => (await notices.locator('[data-testid="notice-mark-read"]').count()) === unreadBefore - 1);
    await screenshot(page, 'account-notices');
    await page.goBack();
    await visiblePage(page, 'page-me').waitFor();
  });

  it('withdraws risk_device consent: no telemetry is sent afterwards', async () => {
    await visiblePage(page, 'page-me').locator('[data-testid="me-consent"]').click();
    const manage = visiblePage(page, 'page-consent-manage');
    await expect(manage.locator('[data-testid="consent-risk_device-state"]').innerText()).resolves.toBe('已同意');
    await manage.locator('[data-testid="consent-risk_device-withdraw"]').click();
    await expect(manage.locator('[data-testid="consent-message"]').innerText()).resolves.toContain('已撤回');
    const withdrawnAt = Date.now();
    await expect(manage.locator('[data-testid="consent-risk_device-state"]').innerText()).resolves.toBe('未同意');
    await screenshot(page, 'account-consent-withdrawn');
    // Use the app for a while (touches, page changes) — all of it would be telemetry before.
    await page.goBack();
    await visiblePage(page, 'page-me').locator('[data-testid="me-settings"]').click();
    await visiblePage(page, 'page-settings').waitFor();
    // The SDK batches telemetry (queued at launch when consent was granted); withdrawal drops the
    // queue, so nothing may be sent however long we wait.
    await page.waitForTimeout(3000);
    expect(requests.filter((r) => r.path === '/api/risk/telemetry' && r.at > withdrawnAt)).toEqual([]);
    const stored = await page.evaluate(() => localStorage.getItem('lj.consent'));
    expect(JSON.parse(JSON.parse(stored ?? '{}').data).choices.risk_device).toBe(false);
  });

  it('settings in elder mode, the contracts archive and the service channels', async () => {
    const settings = visiblePage(page, 'page-settings');
    await settings.locator('[data-testid="settings-elder"]').click();
    await expect(settings.evaluate((el) => el.className)).resolves.toContain('lj-elder');
    await expect(settings.locator('[data-testid="settings-sandbox"]').innerText()).resolves.toContain('沙箱环境');
    await screenshot(page, 'account-settings-elder');
    await settings.locator('[data-testid="settings-contracts"]').click();
    const contracts = visiblePage(page, 'page-contracts');
    await contracts.locator('[data-testid="contract-item"]').first().waitFor();
    await contracts.locator('[data-testid="contract-open"]').first().click();
    await expect(contracts.locator('[data-testid="contract-term-rate"]').innerText()).resolves.toMatch(/\d+\.\d{2}%/);
    await screenshot(page, 'account-contract-elder');
    await page.goBack();
    await visiblePage(page, 'page-settings').locator('[data-testid="settings-service"]').click();
    const service = visiblePage(page, 'page-service');
    await expect(service.locator('[data-testid="service-review"]').innerText()).resolves.toContain('人工复核');
    await screenshot(page, 'account-service-elder');
    await page.goBack();
    await visiblePage(page, 'page-settings').locator('[data-testid="settings-elder"]').click(); // back to normal
    await page.goBack();
  });

  it('logs out', async () => {
    const me = visiblePage(page, 'page-me');
    await me.locator('[data-testid="me-logout"]').click();
    await me.locator('[data-testid="me-signed-out"]').waitFor();
    await expect(page.evaluate(() => localStorage.getItem('lj.session'))).resolves.toBeNull();
    expect(requests.some((r) => r.path === '/api/auth/logout')).toBe(true);
    await screenshot(page, 'account-logged-out');
  });
});
