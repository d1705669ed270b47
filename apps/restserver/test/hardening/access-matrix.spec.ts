import { API_ROUTES } from '../../src/openapi/api-routes';
import { ACT_ON, EDIT, ENDPOINTS, HISTORY_ENDPOINTS, ROLES, ROUTES_OUTSIDE_THE_MATRIX, SEE, SEE_EARLIER_STATE } from './access-matrix';

/** Routes that read, change or reveal something about items: under /items, and the starred list. */
const itemRoutes = API_ROUTES.filter((route) => route.path.startsWith('/items') || route.path === '/stars').map(
  (route) => `${route.method.toUpperCase()} ${route.path}`,
);
const matrixRoutes = new Set(ENDPOINTS.map((endpoint) => endpoint.route));

describe('access matrix table', () => {
  it.each(itemRoutes)('covers %s', (route) => {
    expect(matrixRoutes.has(route) || route in ROUTES_OUTSIDE_THE_MATRIX).toBe(true);
  });

  it('names only routes the server serves', () => {
    const served = API_ROUTES.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    for (const route of [...matrixRoutes, ...HISTORY_ENDPOINTS.map((endpoint) => endpoint.route), ...Object.keys(ROUTES_OUTSIDE_THE_MATRIX)]) {
      expect(served).toContain(route);
    }
  });

  // outcomeOf looks a role's row up by name, so a missing or repeated row would go unnoticed there.
  it.each([
    ['SEE', SEE],
    ['ACT_ON', ACT_ON],
    ['EDIT', EDIT],
    ['SEE_EARLIER_STATE', SEE_EARLIER_STATE],
  ] as const)('gives %s one row per role', (_name, grid) => {
    expect(grid.map((row) => row.role)).toEqual([...ROLES]);
  });
});
