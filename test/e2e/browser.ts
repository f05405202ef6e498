import fs from 'node:fs';
import path from 'node:path';
import { chromium, devices, type Browser, type Page } from 'playwright-core';

// Debian's Chromium, never a downloaded browser. The flags keep it off the (closed) network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const ARTIFACTS = path.resolve(__dirname, '../../artifacts');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium fonts-wqy-microhei`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** The phones the journeys are tried on (playwright-core's device descriptors). */
export type PhoneProfile = 'iPhone 12' | 'Pixel 5';

/** A phone-sized page in its own context (own storage), as an SME owner would see the H5 app. */
export async function phonePage(browser: Browser, profile: PhoneProfile = 'iPhone 12'): Promise<Page> {
  const context = await browser.newContext({ ...devices[profile], locale: 'zh-CN' });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Taro H5 slides each page in: let the transition finish so the picture shows one whole screen. */
export async function settledScreenshot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(700);
  return screenshot(page, name);
}
