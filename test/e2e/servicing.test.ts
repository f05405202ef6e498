import type { Browser, Page } from 'playwright-core';
import type { Sandbox } from '../../server/src/sandbox';
import { launchBrowser, phonePage, screenshot as takeScreenshot } from './browser';
import { startE2eSandbox } from './sandbox';
import { signInAsDemo, visiblePage } from './session';
import { formatYuan } from '../../src/domain';

jest.setTimeout(180_000);

interface LoanListItem {
  id: string;
  status: string;
  deferral: unknown;
  outstandingPrincipalFen: number;
}

/** Taro H5 slides pages in: let the transition finish so the screenshot shows one page. */
async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(600);
  return takeScreenshot(page, name);
}

/** Waits for the submit to finish; a refusal fails the test with the bank's own message. */
async function settled(scope: ReturnType<typeof visiblePage>, success: string, failure: string) {
  const outcome = scope.locator(`[data-testid="${success}"], [data-testid="${failure}"]`).first();
  await outcome.waitFor();
  if ((await outcome.getAttribute('data-testid')) === failure) throw new Error(await outcome.innerText());
}

describe('my loans → detail → repay → defer, in Chromium against the sandbox bank', () => {
  let browser: Browser;
  let page: Page;
  let sandbox: Sandbox;
  let token: string;
  let onTimeId: string;

  beforeAll(async () => {
    sandbox = await startE2eSandbox();
    browser = await launchBrowser();
    page = await phonePage(browser);
    token = await signInAsDemo(page, sandbox, { consent: true });
    const res = await sandbox.app.inject({
      method: 'GET',
      url: '/api/loans',
      headers: { authorization: `Bearer ${token}` },
    });
    const items = (res.json() as { items: LoanListItem[] }).items;
    // The seeded on-time loan that has not been deferred (the deferred one cannot defer again).
    onTimeId = items.find((l) => l.status === 'active' && !l.deferral)?.id ?? '';
    expect(onTimeId).not.toBe('');
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('home: the signed-in summary warns about the overdue loan and shows the next due', async () => {
    await page.goto(`${sandbox.url}/#/pages/index/index`);
    const home = visiblePage(page, 'page-home');
    await home.locator('[data-testid="home-loan-summary"]').waitFor();
    await expect(home.locator('[data-testid="home-overdue"]').innerText()).resolves.toMatch(
      /您有 1 笔贷款已逾期，应还 ¥[\d,]+\.\d\d（含罚息）/,
    );
    await expect(home.locator('[data-testid="home-next-due"]').innerText()).resolves.toMatch(
      /下期还款日 \d{4}-\d\d-\d\d/,
    );
    await home.locator('[data-testid="home-loan-summary"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'servicing-0-home');
  });

  it('lists the seeded loans grouped as overdue, active and settled', async () => {
    await page.goto(`${sandbox.url}/#/pages/loans/index`);
    const loans = visiblePage(page, 'page-loans');
    await loans.locator('[data-testid="loans-group-overdue"]').waitFor();
    await expect(loans.locator('[data-testid="loans-group-active"] [data-status="active"]').count()).resolves.toBe(2);
    await expect(loans.locator('[data-testid="loans-group-settled"] [data-status="settled"]').count()).resolves.toBe(1);
    await expect(loans.locator('[data-testid="loan-overdue"]').innerText()).resolves.toMatch(
      /逾期应还（含罚息）[\s\S]*¥[\d,]+\.\d\d[\s\S]*其中罚息 ¥[\d,.]+，共逾期 2 期/,
    );
    await screenshot(page, 'servicing-1-loans');
  });

  it('repays the overdue loan with the penalty shown separately', async () => {
    await page.goto(`${sandbox.url}/#/pages/loans/index`);
    const loans = visiblePage(page, 'page-loans');
    await loans.locator('[data-testid="loans-group-overdue"] [data-status="overdue"]').click();
    const detail = visiblePage(page, 'page-loanDetail');
    await detail.locator('[data-testid="detail-overdue"]').waitFor();
    await detail.locator('[data-testid="detail-repay"]').click();

    const repay = visiblePage(page, 'page-repay');
    await repay.locator('[data-testid="overdue-breakdown"]').waitFor();
    await expect(repay.locator('[data-testid="step-indicator"]').innerText()).resolves.toContain('第1步 / 共2步');
    const penalty = await repay.locator('[data-testid="repay-penalty"]').innerText();
    expect(penalty).toMatch(/^¥\d+\.\d\d$/);
    expect(penalty).not.toBe('¥0.00');
    await expect(repay.locator('[data-testid="penalty-rule"]').innerText()).resolves.toContain('合同利率 × 1.5');
    const total = await repay.locator('[data-testid="overdue-total"]').innerText();
    await screenshot(page, 'servicing-2-repay-overdue');

    await repay.locator('[data-testid="repay-submit"]').click();
    await settled(repay, 'repay-success', 'repay-error');
    await expect(repay.locator('[data-testid="repay-success-amount"]').innerText()).resolves.toBe(`已还 ${total}`);
    await expect(repay.locator('[data-testid="step-indicator"]').innerText()).resolves.toContain('第2步 / 共2步');
    await screenshot(page, 'servicing-3-repay-success');
  });

  it('opens an on-time loan: schedule rows, chart and the interest conventions', async () => {
    await page.goto(`${sandbox.url}/#/pages/loans/index`);
    const loans = visiblePage(page, 'page-loans');
    await loans.locator(`[data-testid="loan-card-${onTimeId}"]`).click();
    const detail = visiblePage(page, 'page-loanDetail');
    await detail.locator('[data-testid="schedule-table"]').waitFor();
    await expect(detail.locator('[data-testid^="schedule-row-"]').count()).resolves.toBeGreaterThanOrEqual(12);
    await expect(detail.locator('[data-testid="schedule-mark-1"]').innerText()).resolves.toBe('第1期 已还');
    await expect(detail.locator('[data-testid^="chart-row-"]').count()).resolves.toBe(12);
    await expect(detail.locator('[data-testid="detail-conventions"]').innerText()).resolves.toContain('一年按360天');
    await screenshot(page, 'servicing-4-detail');
    await detail.locator('[data-testid="principal-interest-chart"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'servicing-4b-detail-chart');
  });

  it('previews a partial prepayment (shorten the term) with the bank quote', async () => {
    const detail = visiblePage(page, 'page-loanDetail');
    await detail.locator('[data-testid="detail-repay"]').click();
    const repay = visiblePage(page, 'page-repay');
    await repay.locator('[data-testid="repay-kind-partial"]').click();
    await repay.locator('[data-testid="partial-amount-input"] input').fill('50000');
    await repay.locator('[data-testid="partial-option-SHORTEN_TERM"]').click();
    await repay.locator('[data-testid="partial-preview"]').click();
    await repay.locator('[data-testid="partial-preview-result"]').waitFor();
    await expect(repay.locator('[data-testid="preview-periods"]').innerText()).resolves.toMatch(/^\d+ 期$/);
    await expect(repay.locator('[data-testid="preview-saved"]').innerText()).resolves.toMatch(/^¥[\d,]+\.\d\d$/);
    await screenshot(page, 'servicing-5-partial-preview');
  });

  it('shows the three deferral options and submits one', async () => {
    await page.goto(`${sandbox.url}/#/package-loan/deferral/index?id=${onTimeId}`);
    const deferral = visiblePage(page, 'page-deferral');
    await deferral.locator('[data-testid="deferral-options"]').waitFor();
    for (const o of ['INTEREST_ONLY', 'RESPREAD', 'FULL_DEFERRAL']) {
      await expect(deferral.locator(`[data-testid="deferral-extra-${o}"]`).innerText()).resolves.toMatch(
        /^¥[\d,]+\.\d\d$/,
      );
    }
    await screenshot(page, 'servicing-6-deferral-options');
    await deferral.locator('[data-testid="deferral-option-RESPREAD"]').click();
    await deferral.locator('[data-testid="deferral-submit"]').click();
    await settled(deferral, 'deferral-success', 'deferral-error');
    await expect(deferral.locator('[data-testid="servicing-records"]').innerText()).resolves.toContain('已生效');
    await screenshot(page, 'servicing-7-deferral-success');

    const res = await sandbox.app.inject({
      method: 'GET',
      url: `/api/loans/${onTimeId}/deferrals`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect((res.json() as { items: { option: string; status: string }[] }).items).toEqual([
      expect.objectContaining({ option: 'RESPREAD', status: 'applied' }),
    ]);
  });

  it('shows my loans in elder mode', async () => {
    await page.evaluate(() => localStorage.setItem('lj.elderMode', JSON.stringify({ data: '1' })));
    await page.goto(`${sandbox.url}/#/pages/loans/index`);
    await page.reload();
    const loans = visiblePage(page, 'page-loans');
    await loans.locator('[data-testid="loans-group-active"]').waitFor();
    await expect(loans.getAttribute('class')).resolves.toContain('lj-elder');
    await screenshot(page, 'servicing-8-loans-elder');
  });

  it("opens a loan by its link while another loan's detail is in the page stack, and shows the linked loan", async () => {
    const res = await sandbox.app.inject({
      method: 'GET',
      url: '/api/loans',
      headers: { authorization: `Bearer ${token}` },
    });
    const items = (res.json() as { items: LoanListItem[] }).items;
    const first = items.find((l) => l.id === onTimeId);
    const second = items.find((l) => l.outstandingPrincipalFen !== first?.outstandingPrincipalFen);
    if (!first || !second) throw new Error('the seed needs two loans with different outstanding principal');

    await page.goto(`${sandbox.url}/#/pages/loans/index`);
    await visiblePage(page, 'page-loans').locator(`[data-testid="loan-card-${first.id}"]`).click();
    const detail = visiblePage(page, 'page-loanDetail');
    await expect(detail.locator('[data-testid="detail-outstanding"]').innerText()).resolves.toBe(
      formatYuan(first.outstandingPrincipalFen),
    );
    await detail.locator('[data-testid="detail-repay"]').click();
    await visiblePage(page, 'page-repay').locator('[data-testid="repay-submit"]').waitFor();
    // The link (same document: Taro's router matches it to the detail page already in its stack).
    await page.goto(`${sandbox.url}/#/package-loan/detail/index?id=${second.id}`);
    const shown = visiblePage(page, 'page-loanDetail').locator('[data-testid="detail-outstanding"]');
    const wanted = formatYuan(second.outstandingPrincipalFen);
    // The page is shown first and then follows the link: wait for it, then say what it shows instead.
    await shown
      .filter({ hasText: wanted })
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await expect(shown.innerText()).resolves.toBe(wanted);
    await screenshot(page, 'servicing-8b-detail-by-link');
  });

  // Last: it withdraws the demo customer's risk-data consent at the bank. A fresh phone (own storage),
  // and same-document navigation only after the withdrawal: signInAsDemo's init script would write
  // every consent back onto the device on the next document load.
  it('repays the current instalment after the risk-data consent is withdrawn (no risk token)', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const loans = (
      (await sandbox.app.inject({ method: 'GET', url: '/api/loans', headers: auth })).json() as {
        items: LoanListItem[];
      }
    ).items;
    let loanId = '';
    for (const l of loans.filter((x) => x.status === 'active')) {
      const res = await sandbox.app.inject({
        method: 'GET',
        url: `/api/loans/${l.id}/repayment-options`,
        headers: auth,
      });
      if ((res.json() as { current: { available: boolean } }).current.available) {
        loanId = l.id;
        break;
      }
    }
    expect(loanId).not.toBe('');
    const repaymentsBefore = await repaymentCount(loanId);

    const phone = await phonePage(browser);
    await signInAsDemo(phone, sandbox, { consent: true });
    await phone.goto(`${sandbox.url}/#/pages/consent/index?manage=1`);
    const consent = visiblePage(phone, 'page-consent-manage');
    await consent.locator('[data-testid="consent-risk_device-withdraw"]').click();
    await expect(consent.locator('[data-testid="consent-message"]').innerText()).resolves.toContain(
      '已撤回：风控设备与行为数据',
    );
    await consent.locator('[data-testid="consent-risk_device-grant"]').waitFor();
    const atBank = (await sandbox.app.inject({ method: 'GET', url: '/api/consents', headers: auth })).json() as {
      current: { purpose: string; granted: boolean }[];
    };
    expect(atBank.current.find((c) => c.purpose === 'risk_device')?.granted).not.toBe(true);
    await screenshot(phone, 'servicing-9-risk-consent-withdrawn');

    const sent: { url: string; riskToken: string | undefined }[] = [];
    phone.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/repayments')) {
        sent.push({ url: r.url(), riskToken: r.headers()['x-risk-token'] });
      }
    });
    await phone.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/package-loan/repay/index?id=${loanId}`);
    const repay = visiblePage(phone, 'page-repay');
    await repay.locator('[data-testid="repay-kind-current"]').click();
    await repay.locator('[data-testid="repay-submit"]').click();
    await settled(repay, 'repay-success', 'repay-error');
    await expect(repay.locator('[data-testid="repay-success-amount"]').innerText()).resolves.toMatch(
      /^已还 ¥[\d,]+\.\d\d$/,
    );
    await screenshot(phone, 'servicing-10-repay-without-risk-consent');
    // The request went out without a token (nothing may be sealed now) and the bank booked it.
    expect(sent).toEqual([{ url: expect.stringContaining(`/api/loans/${loanId}/repayments`), riskToken: undefined }]);
    await expect(repaymentCount(loanId)).resolves.toBe(repaymentsBefore + 1);
    await phone.context().close();

    async function repaymentCount(id: string) {
      const res = await sandbox.app.inject({ method: 'GET', url: `/api/loans/${id}/repayments`, headers: auth });
      return (res.json() as { items: unknown[] }).items.length;
    }
  });
});
