import type { Page } from 'playwright-core';

import { browserAvailable, useStackAndBrowser } from './browser';
import { Stack } from './stack';

const describeWithBrowser = browserAvailable() ? describe : describe.skip;

/** Records every Content-Security-Policy violation the page reports, from its first script on. */
async function recordPolicyViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

describeWithBrowser('security headers in a browser', () => {
  const stack = new Stack();
  const browser = useStackAndBrowser(stack);

  it('sends the web portal security headers on pages and plugin files', async () => {
    for (const path of ['/', '/plugin.js', '/plugin/marketplace-plugin.js', '/runtime-config.json', '/no-such-page']) {
      const response = await fetch(`${stack.portalUrl}${path}`);

      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    }
  });

  it('runs the plugin when the host page has another origin', async () => {
    const page = await browser().newPage({ locale: 'en-US' });
    // A blocked cross-origin load shows up as a failed request; the host's missing favicon does not count.
    const failures: string[] = [];
    page.on('requestfailed', (request) => failures.push(`${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) failures.push(`${response.url()} ${response.status()}`);
    });

    // The host page is on the stack's origin; plugin.js comes straight from the web portal's.
    await page.goto(`${stack.url}/login.html`);
    await page.evaluate(
      ({ pluginUrl, restServerUri, token }) => {
        const script = document.createElement('script');
        script.src = pluginUrl;
        script.onload = () => {
          const plugin = document.createElement('pai-plugin');
          plugin.setAttribute('pai-rest-server-uri', restServerUri);
          plugin.setAttribute('pai-version', '1.8.0');
          plugin.setAttribute('pai-user', 'alice');
          plugin.setAttribute('pai-rest-server-token', token);
          document.body.appendChild(plugin);
        };
        document.head.appendChild(script);
      },
      { pluginUrl: `${stack.portalUrl}/plugin.js`, restServerUri: stack.openPai.url, token: stack.openPai.tokens.alice },
    );

    await page.locator('.mkt-card h2').first().waitFor();
    expect(await page.locator('.mkt-card h2').count()).toBeGreaterThanOrEqual(8);
    expect(new URL(page.url()).origin).not.toBe(new URL(stack.portalUrl).origin);
    expect(failures).toEqual([]);
    await page.close();
  });

  it("renders Swagger UI under the API's content security policy", async () => {
    const page = await browser().newPage({ locale: 'en-US' });
    const violations = await recordPolicyViolations(page);

    const response = await page.goto(`${stack.url}/marketplace/api/api-docs`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.swagger-ui .info .title', { hasText: 'OpenPAI Marketplace REST API' }).waitFor();
    await page.locator('.opblock').first().waitFor();

    expect(await violations()).toEqual([]);
    await page.close();
  });
});
