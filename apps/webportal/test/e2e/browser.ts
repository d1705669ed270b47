import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { chromium, type Browser } from 'playwright-core';

import type { Stack } from './stack';

/** Where the browser suites save their screenshots. */
export const SCREENSHOTS = resolve(__dirname, '../../../../reports/screenshots');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Tells whether the browser suites can run. Without Chromium they are skipped with a notice, except
 * under CI=true, where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`Chromium is missing at ${CHROMIUM}; CI must install it (apt-get install chromium)`);
  }
  process.stderr.write(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
}

/**
 * Starts the stack and Chromium before the suite and stops both after it. Returns a getter,
 * because the browser exists only once `beforeAll` has run.
 */
export function useStackAndBrowser(stack: Stack): () => Browser {
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await stack.start();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  }, 60_000);

  return () => browser!;
}
