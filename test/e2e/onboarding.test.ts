import type { Browser } from 'playwright-core';
import type { Sandbox } from '../../server/src/sandbox';
import { DEMO } from '../../server/src/seed';
import { launchBrowser, phonePage, settledScreenshot } from './browser';
import { startE2eSandbox } from './sandbox';
import { fillField, smsCode, visiblePage } from './session';

jest.setTimeout(180_000);

describe('onboarding in the H5 app against the sandbox bank', () => {
  let browser: Browser;
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startE2eSandbox();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('a fresh visitor who declines consent goes back and nothing is collected', async () => {
    const page = await phonePage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${sandbox.url}/`);
    await visiblePage(page, 'page-home').locator('[data-testid="estimate-cta"]').click();
    const consent = visiblePage(page, 'page-consent');
    await consent.waitFor();
    await settledScreenshot(page, 'onboarding-consent');
    await consent.locator('[data-testid="consent-decline"]').click();
    await visiblePage(page, 'page-home').waitFor();
    await page.waitForTimeout(1500); // give any collector a chance to send, so the check means something
    expect(requests.filter((p) => p.startsWith('/api/risk/'))).toEqual([]);
    await expect(page.evaluate(() => localStorage.getItem('lj.consent'))).resolves.toBeNull();
    await page.context().close();
  });

  it('home → consent → login with SMS → real-name (saved) → enterprise → authorisations', async () => {
    const page = await phonePage(browser);
    await page.goto(`${sandbox.url}/`);
    await visiblePage(page, 'page-home').locator('[data-testid="estimate-cta"]').click();

    const consent = visiblePage(page, 'page-consent');
    await consent.waitFor();
    await consent.locator('[data-testid="consent-risk_device-details-toggle"]').click();
    await expect(consent.locator('[data-testid="risk-signals"]').innerText()).resolves.toContain('保存180天');
    await consent.getByText('我同意：个人信息处理').click();
    await consent.getByText('我同意：风控设备与行为数据').click();
    await consent.getByText('我同意：个人征信查询授权').click(); // required to apply for a credit loan
    // Accept and decline side by side at the end of the notice: both must be plainly visible.
    await consent.locator('[data-testid="consent-decline"]').scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'onboarding-consent-ticked');
    await consent.locator('[data-testid="consent-accept"]').click();

    const login = visiblePage(page, 'page-login');
    await login.waitFor();
    await expect(login.locator('[data-testid="login-sandbox-wechat"]').innerText()).resolves.toContain(
      '沙箱环境：模拟微信登录',
    );
    // The seeded demo customer (a plain 模拟微信登录 would make this browser a new customer).
    await login.locator('[data-testid="login-demo"]').click();
    await login.locator('[data-testid="login-phone-step"]').waitFor();
    await fillField(visiblePage(page, 'page-login'), 'login-phone', '12345678901');
    await login.locator('[data-testid="login-send-sms"]').click();
    await login.locator('[data-testid="login-phone-error"]').waitFor();
    await fillField(visiblePage(page, 'page-login'), 'login-phone', DEMO.phone);
    await login.locator('[data-testid="login-send-sms"]').click();
    await login.locator('[data-testid="login-sms-sent"]').waitFor();
    const code = await smsCode(sandbox, DEMO.phone, 'login');
    expect(code).toMatch(/^\d{6}$/);
    await fillField(visiblePage(page, 'page-login'), 'login-sms', code);
    await settledScreenshot(page, 'onboarding-login');
    await login.locator('[data-testid="login-confirm"]').click();

    const realName = visiblePage(page, 'page-real-name');
    await realName.waitFor();
    await expect(realName.locator('[data-testid="step-indicator"]').innerText()).resolves.toContain('第1步');
    await expect(realName.locator('[data-testid="real-name-saved-name"]').innerText()).resolves.toBe(DEMO.name);
    await expect(realName.locator('[data-testid="real-name-saved-id"]').innerText()).resolves.not.toContain(
      DEMO.idNumber,
    );
    await settledScreenshot(page, 'onboarding-real-name');
    await realName.locator('[data-testid="real-name-next"]').click();

    const enterprise = visiblePage(page, 'page-enterprise');
    await enterprise.waitFor();
    await enterprise.locator('[data-testid="enterprise-item"]').first().waitFor();
    await fillField(visiblePage(page, 'page-enterprise'), 'enterprise-uscc', '91350100M000100Y44');
    await enterprise.locator('[data-testid="enterprise-submit"]').click();
    await expect(enterprise.locator('[data-testid="enterprise-uscc-error"]').innerText()).resolves.toContain('校验位');
    await settledScreenshot(page, 'onboarding-enterprise');
    await enterprise.locator('[data-testid="enterprise-next"]').click();

    const auth = visiblePage(page, 'page-authorisations');
    await auth.waitFor();
    await expect(auth.locator('[data-testid="step-indicator"]').innerText()).resolves.toContain('第3步');
    await auth.locator('[data-testid="auth-tax"]').waitFor();
    await settledScreenshot(page, 'onboarding-authorisations');
    // The consents given before login are now on the bank's record.
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('lj.session') ?? '{}').data as string);
    const state = await sandbox.app.inject({
      method: 'GET',
      url: '/api/consents',
      headers: { authorization: `Bearer ${token}` },
    });
    const current = (state.json() as { current: { purpose: string; granted: boolean }[] }).current;
    expect(current.find((c) => c.purpose === 'risk_device')?.granted).toBe(true);
    await page.context().close();
  });
});
