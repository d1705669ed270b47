import { join } from 'node:path';

import { browserAvailable, SCREENSHOTS, useStackAndBrowser } from './browser';
import { Stack } from './stack';

const describeWithBrowser = browserAvailable() ? describe : describe.skip;

describeWithBrowser('standalone pages with the development users', () => {
  const stack = new Stack({ developmentIdentity: true });
  const browser = useStackAndBrowser(stack);

  it('lists the examples for the picked user', async () => {
    const page = await browser().newPage({ locale: 'en-US' });
    await page.goto(`${stack.portalUrl}/`);
    const picker = page.locator('.mkt-header label', { hasText: 'User' }).locator('select');
    await picker.selectOption('bob');
    await page.locator('.mkt-user', { hasText: 'Signed in as bob' }).waitFor();
    await page.locator('.mkt-card h2').first().waitFor();
    expect(await page.locator('.mkt-card h2').count()).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: join(SCREENSHOTS, 'standalone-list.png'), fullPage: true });
    await page.close();
  });

  it('offers the protocol as a download instead of Use', async () => {
    const page = await browser().newPage({ locale: 'en-US', acceptDownloads: true });
    await page.goto(`${stack.portalUrl}/#/items/example-pytorch-mnist`);
    await page.locator('.mkt-detail > h1').waitFor();
    expect(await page.locator('a.mkt-button', { hasText: 'Use' }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button', { hasText: 'Download protocol' }).click()]);
    expect(download.suggestedFilename()).toBe('PyTorch_MNIST_on_one_GPU.yaml');
    await page.close();
  });
});
