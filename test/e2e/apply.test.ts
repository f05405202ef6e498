import type { Browser, Page } from 'playwright-core';
import type { Sandbox } from '../../server/src/sandbox';
import { DEMO } from '../../server/src/seed';
import { launchBrowser, phonePage, screenshot } from './browser';
import { startE2eSandbox } from './sandbox';
import { signInAsDemo, visiblePage } from './session';

jest.setTimeout(180_000);

/** Taro H5 wraps each input in taro-input-core: fill the real input inside. */
const fill = (scope: ReturnType<typeof visiblePage>, testId: string, value: string) =>
  scope.locator(`[data-testid="${testId}-input"] input`).fill(value);

describe('apply → decision → sign → draw down, in Chromium against the sandbox bank', () => {
  let browser: Browser;
  let page: Page;
  let sandbox: Sandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startE2eSandbox();
    browser = await launchBrowser();
    page = await phonePage(browser);
    token = await signInAsDemo(page, sandbox);
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('estimates a limit range that says it is not an approval', async () => {
    await page.goto(`${sandbox.url}/#/package-apply/estimate/index`);
    const estimate = visiblePage(page, 'page-estimate');
    await estimate.locator('[data-testid="estimate-range"]').waitFor();
    await expect(estimate.locator('[data-testid="step-indicator"]').innerText()).resolves.toContain('第4步');
    await expect(estimate.locator('[data-testid="estimate-range"]').innerText()).resolves.toMatch(/万元–.*万元/);
    await expect(estimate.locator('[data-testid="not-approval"]').innerText()).resolves.toContain(
      '测额结果不是审批结果，最终额度以审批为准',
    );
    await screenshot(page, 'apply-1-estimate');
    await estimate.locator('[data-testid="continue"]').click();
  });

  it('fills the application with a live plan preview and submits it', async () => {
    const app = visiblePage(page, 'page-application');
    await app.locator('[data-testid="amount-input"] input').waitFor();
    await fill(app, 'amount', '100000');
    await app.locator('[data-testid="term-12"]').click();
    await app.locator('[data-testid="method-EQUAL_INSTALMENT"]').click();
    await app.locator('[data-testid="purpose-WORKING_CAPITAL"]').click();
    await expect(app.locator('[data-testid="plan-instalment"]').innerText()).resolves.toBe('¥8,530.99');
    await expect(app.locator('[data-testid="plan-apr"]').innerText()).resolves.toBe('4.35%');
    await app.locator('[data-testid="plan-preview"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'apply-2-application');
    await app.locator('[data-testid="submit"]').click();
    // Either the decision opens or the form says why not (shown here if the test fails).
    const next = page.locator(
      '[data-testid="page-decision"]:visible, [data-testid="page-application"]:visible [data-testid$="-error"]',
    );
    await next.first().waitFor();
    if ((await next.first().getAttribute('data-testid')) !== 'page-decision')
      throw new Error(await next.first().innerText());
  });

  it('shows the decision (approved) and accepts the offer', async () => {
    const decision = visiblePage(page, 'page-decision');
    const outcome = decision.locator(
      '[data-testid="decision-approved"], [data-testid="decision-review"], [data-testid="decision-rejected"], [data-testid="error-state"]',
    );
    await outcome.first().waitFor();
    expect(await outcome.first().getAttribute('data-testid')).not.toBe('error-state');
    // The engine saw what drove this application: a scripted browser (see E2E_RULE_SETS).
    const [decided] = await sandbox.engine.decisions({ action: 'loan.apply', limit: 1 });
    expect(decided.reasons).toContain('WEB_AUTOMATION');
    expect(decided.features['web.webdriver']).toBe(true);
    expect(decided.outcome).toBe('review');
    if ((await outcome.first().getAttribute('data-testid')) === 'decision-review') {
      // The sandbox back office: a human underwriter approves the application in review.
      const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
      const r = await sandbox.app.inject({
        method: 'POST',
        url: `/api/dev/applications/${id}/decide`,
        payload: { decision: 'approve' },
      });
      expect(r.statusCode).toBe(200);
      await decision.locator('[data-testid="refresh"]').click();
    }
    await decision.locator('[data-testid="offer-limit"]').waitFor();
    await expect(decision.locator('[data-testid="offer-limit"]').innerText()).resolves.toBe('¥100,000.00');
    await expect(decision.locator('[data-testid="offer-fees"]').innerText()).resolves.toContain('0元');
    await expect(decision.locator('[data-testid="offer-penalty"]').innerText()).resolves.toContain('1.5');
    await page.waitForTimeout(500); // let Taro's page slide-in finish before the picture
    await screenshot(page, 'apply-3-decision');
    await decision.locator('[data-testid="accept"]').click();
  });

  it('reads the contract to the end, confirms with the SMS code and signs', async () => {
    const contract = visiblePage(page, 'page-contract');
    await contract.locator('[data-testid="key-terms"]').waitFor();
    await expect(contract.locator('[data-testid="term-apr"]').innerText()).resolves.toBe('4.35%');
    await expect(contract.locator('[data-testid="read-state"]').innerText()).resolves.toBe('请阅读至合同末尾后再签署');
    await contract.locator('[data-testid="contract-body"]').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new Event('scroll'));
    });
    await contract.getByText('已阅读至合同末尾').waitFor();
    await fill(contract, 'sign-phone', DEMO.phone);
    await contract.locator('[data-testid="send-code"]').click();
    await contract.locator('[data-testid="sms-sent"]').waitFor();
    const inbox = await sandbox.app.inject({ url: `/api/dev/sms/${DEMO.phone}` });
    const code = (inbox.json() as { messages: Array<{ purpose: string; code: string; used: boolean }> }).messages.find(
      (m) => m.purpose === 'contract.sign' && !m.used,
    )?.code;
    expect(code).toMatch(/^\d{6}$/);
    await fill(contract, 'sms-code', code as string);
    await screenshot(page, 'apply-4-contract');
    await contract.locator('[data-testid="sign"]').click();
    // Issue #9 point 19: 签署成功, then on to the drawdown.
    await expect(contract.locator('[data-testid="sign-success"]').innerText()).resolves.toContain('签署成功');
    await contract.locator('[data-testid="to-drawdown"]').click();
  });

  it('draws down to an existing account and lands on the new loan', async () => {
    const drawdown = visiblePage(page, 'page-drawdown');
    await drawdown.locator('[data-testid="available"]').waitFor();
    await expect(drawdown.locator('[data-testid="available"]').innerText()).resolves.toBe('¥100,000.00');
    await expect(drawdown.locator('[data-testid="anti-scam"]').innerText()).resolves.toContain(
      '本行不会收取任何放款前费用',
    );
    await fill(drawdown, 'draw-amount', '50000');
    await drawdown.locator('[data-testid="account"] .lj-choice__option').first().click();
    await expect(drawdown.locator('[data-testid="plan-instalment"]').innerText()).resolves.toBe('¥4,265.50');
    await screenshot(page, 'apply-5-drawdown');
    await drawdown.locator('[data-testid="draw"]').click();
    // Issue #9 point 19: 放款成功 with the amount and the masked account, then the new loan.
    await expect(drawdown.locator('[data-testid="success-amount"]').innerText()).resolves.toBe('¥50,000.00');
    await expect(drawdown.locator('[data-testid="success-account"]').innerText()).resolves.toMatch(/\*{4}/);
    await screenshot(page, 'apply-5b-drawdown-success');
    await drawdown.locator('[data-testid="to-loan"]').click();
    await page.waitForURL(/#\/package-loan\/detail\/index\?id=/);
    const loanId = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
    const loan = await sandbox.app.inject({
      url: `/api/loans/${loanId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(loan.statusCode).toBe(200);
    expect(loan.json()).toMatchObject({ principalFen: 5_000_000, termMonths: 12, method: 'EQUAL_INSTALMENT' });
  });

  it('shows the application in elder mode with larger text', async () => {
    const elder = await phonePage(browser);
    await elder.addInitScript(() => localStorage.setItem('lj.elderMode', JSON.stringify({ data: '1' })));
    await signInAsDemo(elder, sandbox);
    await elder.goto(`${sandbox.url}/#/package-apply/application/index`);
    const app = visiblePage(elder, 'page-application');
    await app
      .locator('[data-testid="amount-input"] input')
      .waitFor({ timeout: 10_000 })
      .catch(async (e) => {
        await screenshot(elder, 'apply-debug-elder');
        throw e;
      });
    await expect(app.evaluate((el) => el.className)).resolves.toContain('lj-elder');
    await fill(app, 'amount', '100000');
    await app.locator('[data-testid="term-12"]').click();
    await app.locator('[data-testid="method-EQUAL_INSTALMENT"]').click();
    const size = await app.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    await screenshot(elder, 'apply-6-application-elder');
    await elder.close();
  });
});
