import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROFILES } from '@lingjie/risk-sdk/virtual';
import { startSandbox, type Sandbox } from '../../server/src/sandbox';
import { DEMO } from '../../server/src/seed';
import { systemClock } from '../../server/src/clock';
import { sandboxDevice, sealedPost } from '../../server/src/sandbox-client';
import { currentTotp, type StaffLogin } from '../../server/src/staff/staff-accounts';
import { sealOnVirtualDevice, manualClock } from '../../sdk/src/server/engine/features/test-sealed-payloads';
import { launchBrowser, phonePage, screenshot } from './browser';
import { signInAsDemo, visiblePage } from './session';

// The risk-operations console in Chromium against the real sandbox bank (in-memory PGlite, demo
// data, the engine on the SQL store): staff sign in with a TOTP, watch decisions arrive, start the
// surge-demo scenario from 模拟运行 and watch its alert and lockdown, stop the run, lift the
// lockdown, answer a review the customer then sees in the H5 app, backtest a stricter rule set, and
// find every action in the audit log.
jest.setTimeout(300_000);

const CONSOLE = path.resolve(__dirname, '../../dist/console/index.html');

/** Waits until a condition holds (jest has no expect.poll). */
async function until(check: () => Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} not met in time`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('the risk-operations console', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let supervisor: Page;
  let analyst: Page;
  const login = (username: string) => sandbox.staffLogins.find((l) => l.username === username) as StaffLogin;
  /** A TOTP code is good once: each sign-in of a user takes the next unused 30-second step. */
  const usedStep = new Map<string, number>();
  function totpFor(l: StaffLogin): string {
    const step = Math.max(Math.floor(Date.now() / 30_000), (usedStep.get(l.username) ?? 0) + 1);
    usedStep.set(l.username, step);
    return currentTotp(l.totpSecret, step * 30_000);
  }

  async function desktopPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    return context.newPage();
  }

  async function signIn(page: Page, username: string, totp?: string) {
    const l = login(username);
    await page.goto(`${sandbox.url}/console/`);
    await page.getByTestId('login-username').fill(l.username);
    await page.getByTestId('login-password').fill(l.password);
    await page.getByTestId('login-totp').fill(totp ?? totpFor(l));
    await page.getByTestId('login-submit').click();
  }

  const tokenOf = async (page: Page) =>
    JSON.parse((await page.evaluate(() => sessionStorage.getItem('lj.console.session'))) ?? '{}').token as string;
  const api = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    sandbox.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  /** A decision made by the bank's engine in process, on a real SDK token sealed on a virtual phone. */
  async function decide(profile: object, n: number, channelIp: string) {
    const sealed = await sealOnVirtualDevice({ profile, clock: manualClock(Date.now()) });
    return sandbox.app.riskEngine.decide({
      token: sealed.token,
      context: {
        action: 'loan.apply',
        ip: `${channelIp}.${n % 250}`,
        userId: `e2e-user-${channelIp}-${n}`,
        amountFen: 20_000_000,
        identities: { residentId: `11010519850615${String(1000 + n).slice(-4)}`, phone: `1390000${String(1000 + n)}` },
      },
    });
  }

  beforeAll(async () => {
    if (!fs.existsSync(CONSOLE)) throw new Error('dist/console is missing: run npm run build:console first');
    sandbox = await startSandbox({ port: 0, dataDir: null, logger: false });
    browser = await launchBrowser();
    supervisor = await desktopPage();
    analyst = await desktopPage();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await sandbox?.close();
  });

  it('a supervisor signs in with password and TOTP; a wrong code is refused', async () => {
    const l = login('supervisor');
    const right = totpFor(l);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await signIn(supervisor, 'supervisor', wrong);
    await expect(supervisor.getByTestId('login-error').innerText()).resolves.toContain('不正确');
    await screenshot(supervisor, 'console-login-refused');
    await supervisor.getByTestId('login-totp').fill(right);
    await supervisor.getByTestId('login-submit').click();
    await supervisor.getByTestId('page-decisions').waitFor();
    await expect(supervisor.getByTestId('whoami-role').innerText()).resolves.toBe('主管');
    await supervisor.getByTestId('stream-open').waitFor();
  });

  it('a decision made in the bank appears live and opens with its reasons, evidence, features and device', async () => {
    const decision = await decide({ ...PROFILES.iphone }, 1, '10.1.1');
    const row = supervisor.locator(`[data-testid="decision-row"][data-decision-id="${decision.record.decisionId}"]`);
    await row.waitFor();
    await screenshot(supervisor, 'console-decisions-live');
    const farm = await decide({ ...PROFILES.farmPhone }, 2, '10.2.2');
    await supervisor.locator(`[data-decision-id="${farm.record.decisionId}"]`).click();
    await supervisor.getByTestId('page-decision').waitFor();
    const reasons = supervisor.getByTestId('decision-reason');
    await reasons.first().waitFor();
    expect(await reasons.count()).toBe(farm.reasons.filter((r) => r.weight > 0).length);
    await expect(supervisor.getByTestId('decision-reasons').innerText()).resolves.toContain('证据');
    await expect(supervisor.getByTestId('decision-rule-set').innerText()).resolves.toContain('loan.apply@');
    await expect(supervisor.getByTestId('decision-device').innerText()).resolves.toContain('该设备上出现过');
    await screenshot(supervisor, 'console-decision-detail');
  });

  it('the supervisor runs surge-demo from 模拟运行: the gang shows as an alert and a lockdown, is stopped and lifted', async () => {
    // What a newcomer does: start the article's event from the console, in real time, and watch it.
    await supervisor.getByTestId('nav-simulations').click();
    await supervisor.getByTestId('page-simulations').waitFor();
    await expect(supervisor.getByTestId('simulation-pace').innerText()).resolves.toContain('实时');
    await supervisor.getByTestId('simulation-start').click();
    await supervisor.locator('[data-testid="simulation-row"][data-status="running"]').waitFor();
    await screenshot(supervisor, 'console-simulation-running');

    // The gang arrives a simulated (= real) minute in; the alert and the lockdown follow.
    await supervisor.getByTestId('nav-channels').click();
    const card = supervisor.locator('[data-testid="channel-card"][data-channel="partner-x"]');
    await until(async () => (await card.getAttribute('data-state')) === 'lockdown', 240_000, 'partner-x in lockdown');
    for (const other of ['organic', 'wechat-ads', 'branch-qr']) {
      expect((await sandbox.engine.channels.status(other)).state).not.toBe('lockdown');
    }
    await card.click();
    await supervisor
      .locator('[data-testid="alert-item"][data-kind="surge"][data-channel="partner-x"]')
      .first()
      .waitFor();
    await supervisor
      .locator('[data-testid="alert-item"][data-kind="lockdown"][data-channel="partner-x"]')
      .first()
      .waitFor();
    await expect(supervisor.getByTestId('channel-condition').innerText()).resolves.toContain('自动');
    await supervisor.waitForTimeout(500); // the chart's first frame
    await screenshot(supervisor, 'console-channel-lockdown');

    // Stop the run (the owners would take minutes more); its report covers what finished.
    await supervisor.getByTestId('nav-simulations').click();
    await supervisor.getByTestId('simulation-stop').click();
    await supervisor.locator('[data-testid="simulation-row"][data-status="stopped"]').waitFor({ timeout: 60_000 });
    await supervisor.getByTestId('simulation-report').waitFor();
    await screenshot(supervisor, 'console-simulation-report');
    const runs = JSON.parse((await api(await tokenOf(supervisor), 'GET', '/api/staff/simulations')).body).items;
    const checks = runs[0].summary.checks as Array<{ name: string; pass: boolean; detail: string }>;
    expect(checks.find((c) => c.name === 'surge detected in time')).toMatchObject({ pass: true });
    expect(checks.find((c) => c.name === 'other channels unaffected')).toMatchObject({ pass: true });
    expect(runs[0].summary.pace).toBe('realtime');

    await supervisor.getByTestId('nav-channels').click();
    await card.click();
    await supervisor.getByTestId('channel-lift').click();
    await supervisor.getByTestId('lift-dialog-reason').fill('已确认团伙设备，恢复正常客户申请');
    await supervisor.getByTestId('lift-dialog-ok').click();
    await until(async () => (await card.getAttribute('data-state')) !== 'lockdown', 20_000, 'lockdown lifted');
    expect((await sandbox.engine.channels.status('partner-x')).condition).toBeNull();
    await screenshot(supervisor, 'console-channel-lifted');
  });

  it("an analyst cannot do a supervisor's action", async () => {
    await signIn(analyst, 'analyst');
    await analyst.getByTestId('page-decisions').waitFor();
    await expect(analyst.getByTestId('whoami-role').innerText()).resolves.toBe('分析员');
    await analyst.getByTestId('nav-channels').click();
    await analyst.locator('[data-testid="channel-card"][data-channel="partner-x"]').click();
    const lock = analyst.getByTestId('channel-lockdown');
    await lock.waitFor();
    expect(await lock.isDisabled()).toBe(true);
    const refused = await api(await tokenOf(analyst), 'POST', '/api/staff/risk/channels/partner-x/lockdown', {
      mode: 'reject',
      reason: '分析员尝试封控',
    });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'STAFF_FORBIDDEN']);
    await analyst.getByTestId('nav-rules').click();
    const upload = analyst.locator('[data-rule-set="loan.apply"] [data-testid="rules-upload"]');
    await upload.waitFor();
    expect(await upload.isDisabled()).toBe(true);
    await screenshot(analyst, 'console-analyst-rules');
  });

  it('an analyst answers a review and the customer sees the answer in the H5 app', async () => {
    // The demo customer applies while their channel is locked down: a real automated rejection.
    const customer = await sandbox.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { code: DEMO.loginCode },
    });
    const auth = { authorization: `Bearer ${customer.json().token}` };
    const keys = (await sandbox.app.inject({ url: '/api/risk/keys' })).json().keys[0];
    const device = await sandboxDevice(sandbox.app, systemClock, keys);
    const enterpriseId = (await sandbox.app.inject({ url: '/api/enterprises', headers: auth })).json().items[0].id;
    const sup = await tokenOf(supervisor);
    await api(sup, 'POST', '/api/staff/risk/channels/organic/lockdown', {
      mode: 'reject',
      minutes: 5,
      reason: 'e2e：制造一笔自动拒绝',
    });
    const applied = await sealedPost(sandbox.app, { auth, device, ip: '10.7.7.7' }, '/api/applications', 'loan.apply', {
      enterpriseId,
      amountFen: 5_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      purpose: 'WORKING_CAPITAL',
    });
    await api(sup, 'POST', '/api/staff/risk/channels/organic/lift', { reason: 'e2e：恢复' });
    expect(applied.json().status).toBe('rejected');
    const asked = await sandbox.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: auth,
      payload: { applicationId: applied.json().id, reason: '我的店铺经营正常，请人工复核' },
    });
    expect(asked.statusCode).toBe(201);
    const reviewId = asked.json().id;

    await analyst.getByTestId('nav-reviews').click();
    const row = analyst.locator(`[data-testid="review-row"][data-review-id="${reviewId}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('张*');
    await row.getByTestId('review-claim').click();
    await until(async () => (await row.getAttribute('data-status')) === 'in_review', 20_000, 'review claimed');
    await row.getByTestId('review-answer').click();
    await analyst.getByTestId('answer-dialog').getByText('撤销原决定').click();
    await analyst.getByTestId('answer-dialog-reason').fill('渠道封控期间的自动拒绝，经核实经营正常，予以撤销');
    await analyst.getByTestId('answer-dialog-ok').click();
    await until(async () => (await row.getAttribute('data-status')) === 'answered', 20_000, 'review answered');
    await screenshot(analyst, 'console-review-answered');

    // The customer, on their phone: the answer on the service page and a notice.
    const phone = await phonePage(browser);
    contexts.push(phone.context());
    await signInAsDemo(phone, sandbox);
    await phone.goto(`${sandbox.url}/#/package-account/service/index`);
    const item = visiblePage(phone, 'page-service').locator(
      `[data-testid="service-review-item"][data-status="answered"]`,
    );
    await item.first().waitFor();
    await expect(item.first().innerText()).resolves.toContain('已撤销原决定');
    await screenshot(phone, 'console-customer-review-answer');
    const notices = (await sandbox.app.inject({ url: '/api/notices', headers: auth })).json().items;
    expect(notices.map((n: { title: string }) => n.title)).toContain('人工复核结果：撤销原决定');
    const app = (await sandbox.app.inject({ url: `/api/applications/${applied.json().id}`, headers: auth })).json();
    expect(app.status).toBe('approved');
  });

  it('a backtest of a stricter rule set shows changed outcomes; a second supervisor activates it', async () => {
    await supervisor.getByTestId('nav-rules').click();
    const set = supervisor.locator('[data-testid="rule-set"][data-rule-set="loan.apply"]');
    await set.getByTestId('rules-upload').click();
    const editor = supervisor.getByTestId('rules-file');
    await until(async () => (await editor.inputValue()).includes('"loan.apply"'), 20_000, 'template loaded');
    const file = JSON.parse(await editor.inputValue());
    // Stricter: every score goes to review at least, and any risk at all is a rejection.
    await editor.fill(
      JSON.stringify({ ...file, thresholds: { review: 0, reject: 1 }, description: 'e2e：更严格' }, null, 2),
    );
    await supervisor.getByTestId('rules-validate').click();
    await expect(supervisor.getByTestId('rules-problems').innerText()).resolves.toContain('校验通过');
    await supervisor.getByTestId('rules-upload-submit').click();
    const candidate = set.locator(`[data-testid="rule-version"][data-version="${file.version}"]`);
    await candidate.waitFor();
    await candidate.getByTestId('rules-backtest').click();
    await supervisor.getByTestId('backtest-run').click();
    const changed = supervisor.getByTestId('backtest-changed');
    await changed.waitFor();
    expect(Number((await changed.innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    await screenshot(supervisor, 'console-backtest');
    await supervisor.keyboard.press('Escape');

    await candidate.getByTestId('rules-propose').click();
    await supervisor.getByTestId('rules-propose-dialog-reason').fill('团伙设备绕过，收紧阈值');
    await supervisor.getByTestId('rules-propose-dialog-ok').click();
    await set.getByTestId('rules-pending').waitFor();
    expect(await set.getByTestId('rules-approve').isDisabled()).toBe(true); // not their own

    const second = await desktopPage();
    await signIn(second, 'supervisor2');
    await second.getByTestId('nav-rules').click();
    const set2 = second.locator('[data-testid="rule-set"][data-rule-set="loan.apply"]');
    await set2.getByTestId('rules-approve').click();
    await second.getByTestId('rules-decide-reason').fill('已看回测，同意');
    await second.getByTestId('rules-decide-ok').click();
    await until(async () => (await set2.getByTestId('rules-active-version').innerText()).includes(`v${file.version}`));
    expect(sandbox.engine.ruleSetFor('loan.apply').ref.version).toBe(file.version);
    await screenshot(second, 'console-rules-activated');
  });

  it('every action appears in the audit log', async () => {
    await supervisor.getByTestId('nav-audit').click();
    await supervisor.getByTestId('page-audit').waitFor();
    const seen = async () =>
      supervisor
        .locator('[data-testid="audit-row"]')
        .evaluateAll((rows) =>
          rows.map(
            (r) => `${r.getAttribute('data-actor')} ${r.getAttribute('data-action')} ${r.getAttribute('data-outcome')}`,
          ),
        );
    const expected = [
      'staff:supervisor auth.login failed',
      'staff:supervisor auth.login ok',
      'staff:supervisor simulation.start ok',
      'staff:supervisor simulation.stop ok',
      'staff:supervisor channel.lift ok',
      'staff:analyst auth.login ok',
      'staff:analyst channel.lockdown denied',
      'staff:analyst review.claim ok',
      'staff:analyst review.answer ok',
      'staff:supervisor rules.validate ok',
      'staff:supervisor rules.upload ok',
      'staff:supervisor rules.backtest ok',
      'staff:supervisor rules.propose ok',
      'staff:supervisor2 rules.approve ok',
    ];
    await until(
      async () => {
        const rows = await seen();
        return expected.every((e) => rows.includes(e));
      },
      20_000,
      'every action in the audit log',
    );
    expect(await seen()).toEqual(expect.arrayContaining(expected));
    await screenshot(supervisor, 'console-audit');
  });
});
