import { flagRule } from './flag-rule';

/** WEB_AUTOMATION: navigator.webdriver is true — the page is driven by Selenium, Playwright or Puppeteer. */
export const webAutomationRule = flagRule({
  code: 'WEB_AUTOMATION',
  version: 1,
  category: 'device',
  feature: 'web.webdriver',
  scope: 'web',
  doc: 'H5: navigator.webdriver is true (browser automation)',
});
