import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { browserAvailable, SCREENSHOTS, useStackAndBrowser } from './browser';
import { Stack } from './stack';

const describeWithBrowser = browserAvailable() ? describe : describe.skip;

describeWithBrowser('marketplace inside a host page like OpenPAI', () => {
  const stack = new Stack();
  const browser = useStackAndBrowser(stack);

  async function openAs(user: string): Promise<Page> {
    const page = await browser().newPage({ locale: 'en-US' });
    await page.goto(`${stack.url}/plugin.html?user=${user}#/`);
    return page;
  }

  it('lists the official examples', async () => {
    const page = await openAs('alice');
    await page.locator('.mkt-card h2').first().waitFor();
    expect(await page.locator('.mkt-card h2').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.mkt-count').textContent()).toMatch(/\d+ templates/);
    await page.screenshot({ path: join(SCREENSHOTS, 'plugin-list.png'), fullPage: true });
    await page.close();
  });

  it('keeps the host page styles out', async () => {
    const page = await openAs('alice');
    const title = page.locator('.mkt-title');
    await title.waitFor();
    expect(await title.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(50, 49, 48)');
    expect(await page.locator('nav').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(255, 0, 0)');
    expect(await page.locator('pai-plugin').getAttribute('data-marketplace-version')).toMatch(/^\d+\.\d+\.\d+/);
    await page.close();
  });

  it('searches, opens a template and hands it to the submission page', async () => {
    const page = await openAs('alice');
    const search = page.locator('.mkt-search');
    await search.fill('MNIST');
    await search.press('Enter');
    await page.waitForURL(/q=MNIST/);
    await page.locator('.mkt-header ~ main select').first().locator('option', { hasText: /\(\d+\)/ }).first().waitFor({ state: 'attached' });
    await page.locator('.mkt-card h2', { hasText: 'PyTorch MNIST on one GPU' }).click();
    await page.locator('.mkt-detail > h1', { hasText: 'PyTorch MNIST on one GPU' }).waitFor();
    expect(page.url()).toContain('#/items/example-pytorch-mnist');
    await page.screenshot({ path: join(SCREENSHOTS, 'plugin-detail.png'), fullPage: true });

    await page.locator('a.mkt-button', { hasText: 'Use' }).click();
    await page.waitForURL(/\/submit\.html$/);
    const handedOver = JSON.parse((await page.locator('#handed-over').textContent()) ?? 'null');
    expect(handedOver).toMatchObject({ protocolVersion: 2, name: 'pytorch_mnist', type: 'job' });

    await page.goBack();
    await page.locator('.mkt-detail > h1', { hasText: 'PyTorch MNIST on one GPU' }).waitFor();
    await page.close();
  });

  it('renders a hostile description inert', async () => {
    const created = await fetch(`${stack.url}/marketplace/api/items`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.openPai.tokens.bob}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Hostile description',
        author: 'bob',
        type: 'template',
        description: '# Hi\n\n<img src=x onerror="window.__pwned=1"> [click](javascript:window.__pwned=2) <script>window.__pwned=3</script>',
        protocol: 'protocolVersion: 2\nname: hostile\ntype: job\ntaskRoles:\n  main:\n    dockerImage: img\n    resourcePerInstance: {cpu: 1, memoryMB: 512, gpu: 0}\n    commands: [echo]\nprerequisites:\n  - {name: img, type: dockerimage, uri: busybox}\n',
      }),
    });
    const { id } = (await created.json()) as { id: string };
    const page = await openAs('alice');
    await page.goto(`${stack.url}/plugin.html?user=alice#/items/${id}`);
    await page.locator('.mkt-markdown h1').waitFor();
    await page.locator('.mkt-markdown a', { hasText: 'click' }).click().catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.mkt-markdown a', { hasText: 'click' }).getAttribute('href')).toBeNull();
    await page.close();
  });

  it('creates a template after showing the line of a protocol error', async () => {
    const page = await openAs('alice');
    await page.locator('a.mkt-button', { hasText: 'Create a template' }).click();
    await page.locator('.mkt-editor').waitFor();
    await page.locator('.mkt-editor input').first().fill('Alice browser template');
    const protocol = 'protocolVersion: 2\nname: my job\ntype: job\ntaskRoles:\n  main:\n    dockerImage: img\n    resourcePerInstance: {cpu: 1, memoryMB: 512, gpu: 0}\n    commands: [echo hello]\nprerequisites:\n  - {name: img, type: dockerimage, uri: busybox}\n';
    await page.locator('.mkt-code-input').fill(protocol);
    await page.locator('button[type=submit]').click();
    const problems = page.locator('.mkt-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('line 2');
    await page.screenshot({ path: join(SCREENSHOTS, 'plugin-create-error.png'), fullPage: true });

    await page.locator('.mkt-code-input').fill(protocol.replace('name: my job', 'name: my_job'));
    await page.locator('button[type=submit]').click();
    await page.locator('.mkt-detail > h1', { hasText: 'Alice browser template' }).waitFor();
    expect(await page.locator('.mkt-facts').textContent()).toContain('Only the author and admins');
    await page.close();
  });

  it('switches to Simplified Chinese', async () => {
    const page = await openAs('alice');
    await page.locator('.mkt-header select').selectOption('zh-CN');
    expect(await page.locator('.mkt-title').textContent()).toBe('模板市场');
    await page.close();
  });

  it('starts in Chinese for a Chinese browser', async () => {
    const page = await browser().newPage({ locale: 'zh-CN' });
    await page.goto(`${stack.url}/plugin.html?user=alice#/`);
    expect(await page.locator('.mkt-title').textContent()).toBe('模板市场');
    await page.close();
  });

  it('asks for sign-in without a token', async () => {
    const page = await openAs('anonymous');
    const signIn = page.locator('a', { hasText: 'Sign in to OpenPAI' });
    await signIn.waitFor();
    expect(await signIn.getAttribute('href')).toBe(`${stack.url}/login.html`);
    await page.close();
  });

  it('unmounts when the host removes the element', async () => {
    const page = await openAs('alice');
    await page.locator('.mkt-title').waitFor();
    const shadowChildren = await page.evaluate(() => {
      const element = document.querySelector('pai-plugin')!;
      element.remove();
      return element.shadowRoot!.querySelector('.mkt-app') === null;
    });
    expect(shadowChildren).toBe(true);
    await page.close();
  });

  it('names the API URL on the standalone page when it cannot list', async () => {
    const page = await browser().newPage({ locale: 'en-US' });
    await page.goto(`${stack.portalUrl}/`);
    const error = page.locator('.mkt-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('/marketplace/api/items');
    await page.screenshot({ path: join(SCREENSHOTS, 'standalone-error.png'), fullPage: true });
    await page.close();
  });
});
