import { startTestApp, type TestApp } from '../../test/test-app';
import { API_ROUTES } from './api-routes';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('documented routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('equal the routes the server registers', () => {
    const express = t.app.getHttpAdapter().getInstance() as unknown as { router: { stack: RouteLayer[] } };
    const served = express.router.stack
      .filter((layer) => layer.route && !layer.route.path.startsWith('/api-docs'))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`),
      );
    const documented = API_ROUTES.map((route) => `${route.method.toUpperCase()} ${route.path}`);

    expect([...served].sort()).toEqual([...documented].sort());
  });
});
