import type { Browser, Page } from 'playwright-core';
import type { Sandbox } from '../../server/src/sandbox';
import { launchBrowser, phonePage, screenshot } from './browser';
import { startE2eSandbox } from './sandbox';

jest.setTimeout(120_000);

describe('H5 app served by the sandbox bank, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Sandbox;

  beforeAll(async () => {
    server = await startE2eSandbox();
    browser = await launchBrowser();
    page = await phonePage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the home screen with the annualised rate as the headline figure', async () => {
    await page.goto(`${server.url}/`);
    const home = page.locator('[data-testid="page-home"]');
    await home.waitFor({ state: 'visible' });
    await expect(home.locator('[data-testid="annual-rate"]').innerText()).resolves.toMatch(/^\d+\.\d{2}%$/);
    await expect(home.getByText('利率以审批结果为准').isVisible()).resolves.toBe(true);
    await expect(home.locator('[data-testid="anti-scam"]').innerText()).resolves.toContain('不会收取任何放款前费用');
    await screenshot(page, 'h5-home');
  });

  it('switches to elder mode with larger text', async () => {
    const home = page.locator('[data-testid="page-home"]');
    const before = await home.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await home.locator('[data-testid="elder-toggle"]').click();
    await expect(home.evaluate((el) => el.className)).resolves.toContain('lj-elder');
    const after = await home.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThanOrEqual(18);
    expect(after).toBeGreaterThan(before);
    await screenshot(page, 'h5-home-elder');
  });

  it('switching to a tab while offline says the network is down and offers a retry that recovers', async () => {
    // The tab's code has not been loaded yet (this page only saw 首页): offline, its chunk fails.
    await page.context().setOffline(true);
    await page.locator('.weui-tabbar__item').filter({ hasText: '我的贷款' }).click();
    const notice = page.getByTestId('offline-notice');
    await notice.waitFor({ state: 'visible', timeout: 20_000 });
    await expect(notice.innerText()).resolves.toContain('网络不可用');
    await expect(page.getByText('Loading CSS chunk').count()).resolves.toBe(0);
    await screenshot(page, 'h5-offline-tab');
    await page.context().setOffline(false);
    await page.getByTestId('offline-notice-retry').click();
    await page.locator('[data-testid="page-home"], [data-testid="page-loans"]').first().waitFor({ state: 'visible' });
    await expect(page.getByTestId('offline-notice').count()).resolves.toBe(0);
  });
});
