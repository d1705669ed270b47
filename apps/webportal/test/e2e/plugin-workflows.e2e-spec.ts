import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { seriousViolations } from './accessibility';
import { browserAvailable, SCREENSHOTS, useStackAndBrowser } from './browser';
import { Stack } from './stack';

const describeWithBrowser = browserAvailable() ? describe : describe.skip;

const PROTOCOL = 'protocolVersion: 2\nname: shared_job\ntype: job\ntaskRoles:\n  main:\n    dockerImage: img\n    resourcePerInstance: {cpu: 1, memoryMB: 512, gpu: 0}\n    commands: [echo hello]\nprerequisites:\n  - {name: img, type: dockerimage, uri: busybox}\n';

describeWithBrowser('marketplace workflows inside OpenPAI', () => {
  const stack = new Stack();
  const browser = useStackAndBrowser(stack);

  async function openAs(user: string, hash = '#/'): Promise<Page> {
    const page = await browser().newPage({ locale: 'en-US' });
    await page.goto(`${stack.url}/plugin.html?user=${user}${hash}`);
    return page;
  }

  async function createAsAlice(name: string): Promise<string> {
    const page = await openAs('alice', '#/create');
    await page.locator('.mkt-editor label', { hasText: 'Name' }).locator('input').fill(name);
    await page.locator('.mkt-code-input').fill(PROTOCOL);
    await page.locator('button[type=submit]').click();
    await page.locator('.mkt-detail > h1', { hasText: name }).waitFor();
    const id = decodeURIComponent(/#\/items\/([^/]+)/.exec(page.url())![1]);
    await page.close();
    return id;
  }

  it('edits, shares with a group, and deletes a template', async () => {
    const id = await createAsAlice('Alice shared template');

    const page = await openAs('alice', `#/items/${id}/edit`);
    await page.locator('.mkt-editor label', { hasText: 'Summary' }).locator('input').fill('Now with a summary');
    await page.locator('label', { hasText: 'These groups' }).locator('input').check();
    await page.locator('.mkt-groups label', { hasText: 'nlp' }).locator('input').check();
    await page.locator('button[type=submit]').click();
    await page.locator('.mkt-facts', { hasText: 'Groups: nlp' }).waitFor();
    await page.locator('.mkt-history', { hasText: 'Revision 1, replaced by alice' }).locator('button').click();
    expect(await page.locator('.mkt-diff').textContent()).toContain('summary');

    const bob = await openAs('bob', `#/items/${id}`);
    await bob.locator('.mkt-detail > h1', { hasText: 'Alice shared template' }).waitFor();
    expect(await bob.locator('a.mkt-button', { hasText: 'Edit' }).count()).toBe(0);
    const carol = await openAs('carol', `#/items/${id}`);
    await carol.locator('.mkt-error').waitFor();
    expect(await carol.locator('.mkt-error').textContent()).toContain('does not exist or is not visible');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('button', { hasText: 'Delete' }).click();
    await page.waitForURL(/#\/$/);
    expect((await fetch(`${stack.url}/marketplace/api/items/${id}`, { headers: { Authorization: `Bearer ${stack.openPai.tokens.alice}` } })).status).toBe(404);
    await Promise.all([page.close(), bob.close(), carol.close()]);
  });

  it('copies a template into a private one of mine', async () => {
    const page = await openAs('bob', '#/items/example-tensorflow-keras');
    await page.locator('button', { hasText: 'Copy to my templates' }).click();
    await page.locator('.mkt-facts', { hasText: 'example-tensorflow-keras' }).waitFor();
    expect(await page.locator('.mkt-detail > h1').textContent()).toBe('TensorFlow 2 Keras image classifier');
    expect(await page.locator('.mkt-facts').textContent()).toContain('Only the author and admins');
    expect(await page.locator('.mkt-facts').textContent()).toContain('bob');
    await page.close();
  });

  it('stars and unstars a template', async () => {
    const page = await openAs('carol', '#/items/example-bert-finetune');
    const star = page.locator('button[aria-pressed]');
    await star.waitFor();
    expect(await star.textContent()).toContain('Star (0)');
    await star.click();
    await page.locator('button[aria-pressed="true"]', { hasText: 'Unstar (1)' }).waitFor();
    await page.reload();
    await page.locator('button[aria-pressed="true"]').waitFor();
    await page.locator('button[aria-pressed="true"]').click();
    await page.locator('button[aria-pressed="false"]', { hasText: 'Star (0)' }).waitFor();
    await page.close();
  });

  it('counts a launch when Use is clicked', async () => {
    const page = await openAs('bob', '#/items/example-jupyterlab');
    await page.locator('a.mkt-button', { hasText: 'Use' }).click();
    await page.waitForURL(/\/submit\.html$/);
    const item = await (await fetch(`${stack.url}/marketplace/api/items/example-jupyterlab`, { headers: { Authorization: `Bearer ${stack.openPai.tokens.bob}` } })).json();
    expect(item.useNumber).toBe(1);
    await page.close();
  });

  it('starts a template from one of my OpenPAI jobs', async () => {
    const page = await openAs('alice', '#/create');
    await page.locator('label', { hasText: 'Start from one of my OpenPAI jobs' }).locator('select').selectOption('alice_resnet_run');
    await page.waitForFunction(() => document.querySelector('pai-plugin')!.shadowRoot!.querySelector('textarea.mkt-code-input')!.textContent !== '' || (document.querySelector('pai-plugin')!.shadowRoot!.querySelector('textarea.mkt-code-input') as HTMLTextAreaElement).value !== '');
    expect(await page.locator('.mkt-code-input').inputValue()).toContain('name: alice_resnet_run');
    await page.locator('button[type=submit]').click();
    await page.locator('.mkt-detail > h1', { hasText: 'alice_resnet_run' }).waitFor();
    await page.close();
  });

  it('creates a data template from a URL', async () => {
    const page = await openAs('alice', '#/create');
    await page.locator('label', { hasText: 'Kind' }).locator('select').selectOption('data');
    await page.locator('.mkt-editor label', { hasText: 'Name' }).locator('input').fill('Alice images');
    await page.locator('label', { hasText: 'Data location' }).locator('input').fill('https://data.example.test/images.tgz');
    await page.locator('button[type=submit]').click();
    await page.locator('.mkt-detail > h1', { hasText: 'Alice images' }).waitFor();
    expect(await page.locator('.mkt-facts').textContent()).toContain('https://data.example.test/images.tgz');
    await page.close();
  });

  it('lets an admin add and remove a tag', async () => {
    const page = await openAs('admin', '#/');
    await page.locator('a', { hasText: 'Admin' }).click();
    await page.locator('.mkt-admin h1').waitFor();
    await page.locator('input[aria-label="Tags: New name"]').fill('reinforcement-learning');
    await page.locator('form', { has: page.locator('input[aria-label="Tags: New name"]') }).locator('button').click();
    const tag = page.locator('.mkt-label-list li', { hasText: 'reinforcement-learning' });
    await tag.waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await tag.locator('button', { hasText: 'Delete' }).click();
    await tag.waitFor({ state: 'detached' });
    expect(await page.locator('.mkt-admin').textContent()).toContain('Only admins may put items in this category');
    await page.close();
  });

  it('hides the admin page from users', async () => {
    const page = await openAs('bob', '#/');
    await page.locator('.mkt-card h2').first().waitFor();
    expect(await page.locator('a', { hasText: 'Admin' }).count()).toBe(0);
    await page.goto(`${stack.url}/plugin.html?user=bob#/admin`);
    await page.locator('.mkt-error', { hasText: 'Only admins manage tags and categories.' }).waitFor();
    expect(await page.locator('.mkt-admin').count()).toBe(0);
    await page.close();
  });

  it('remembers the chosen language', async () => {
    const page = await openAs('alice', '#/');
    await page.locator('.mkt-header select').last().selectOption('zh-CN');
    await page.reload();
    expect(await page.locator('.mkt-title').textContent()).toBe('模板市场');
    expect(await page.locator('.mkt-app').getAttribute('lang')).toBe('zh-CN');
    await page.close();
  });

  it.each([
    ['list', '#/'],
    ['detail', '#/items/example-pytorch-mnist'],
    ['create', '#/create'],
  ])('has no serious accessibility violation on the %s page', async (name, hash) => {
    const page = await openAs('alice', hash);
    await page.locator('.mkt-app main :is(.mkt-card, h1)').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `a11y-${name}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
