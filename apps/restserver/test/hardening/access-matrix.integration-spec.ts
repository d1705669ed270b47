import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import request, { type Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';

import { startTestApp, type TestApp } from '../test-app';
import {
  EARLIER_STATES,
  ENDPOINTS,
  HISTORY_ENDPOINTS,
  PLAYERS,
  ROLES,
  VISIBILITIES,
  earlierStateOutcome,
  outcomeOf,
  type EarlierState,
  type MatrixEndpoint,
  type Outcome,
  type Role,
} from './access-matrix';
import { createEarlierStateItem, createWorld, itemState, type EarlierStateItem, type MatrixItem, type MatrixWorld } from './access-matrix.fixtures';
import { HISTORY_PROBES, PROBES, type Cell, type HistoryProbe, type ItemProbe, type ListProbe } from './access-matrix.probes';

/*
 * One test per cell of the table in access-matrix.ts: every role, on every kind of item, at every
 * endpoint that reads, changes or reveals something about an item. One server serves them all;
 * the items are created once, and a cell that changes one puts it back.
 */
describe('access matrix', () => {
  let t: TestApp;
  let world: MatrixWorld;
  let earlierStateItems: Record<EarlierState, EarlierStateItem>;
  let agents: Record<Role, TestAgent>;

  beforeAll(async () => {
    // The matrix sends a few thousand requests as the same users; rate limits are another suite's.
    t = await startTestApp({ RATE_LIMIT: '0' });
    world = await createWorld(t);
    earlierStateItems = {
      'public, once private': await createEarlierStateItem(t, 'public, once private'),
      'public, once shared with vision': await createEarlierStateItem(t, 'public, once shared with vision'),
    };
    agents = agentsFor(t);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  describe.each(ENDPOINTS.map((endpoint) => [`${endpoint.name}: ${endpoint.route}`, endpoint] as const))('%s', (_title, endpoint) => {
    const cells = ROLES.flatMap((role) => VISIBILITIES.map((visibility) => [role, visibility, outcomeOf(endpoint.grid, role, visibility)] as const));

    it.each(cells)('%s on the %s item: %s', async (role, visibility, outcome) => {
      const cell: Cell = { world, role, username: PLAYERS[role].username, agent: agents[role], item: world.items[visibility] };
      await runCell(endpoint, cell, outcome);
    });
  });

  describe.each(HISTORY_ENDPOINTS.map((endpoint) => [`earlier states, ${endpoint.name}: ${endpoint.route}`, endpoint] as const))('%s', (_title, endpoint) => {
    const cells = ROLES.flatMap((role) => EARLIER_STATES.map((state) => [role, state, earlierStateOutcome(role, state)] as const));

    it.each(cells)('%s on the item %s: %s', async (role, state, outcome) => {
      await runHistoryCell(HISTORY_PROBES[endpoint.name], agents[role], earlierStateItems[state], outcome);
    });
  });

  /** Builds each role's agent from PLAYERS: a fake OpenPAI user's token, another token, or none. */
  function agentsFor(app: TestApp): Record<Role, TestAgent> {
    const baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    const agentOf = (role: Role): TestAgent => {
      const { username, token } = PLAYERS[role];
      if (username) {
        return app.as(username);
      }
      return token ? request.agent(baseUrl).set('Authorization', `Bearer ${token}`) : app.anonymous;
    };
    return Object.fromEntries(ROLES.map((role) => [role, agentOf(role)])) as Record<Role, TestAgent>;
  }
});

async function runCell(endpoint: MatrixEndpoint, cell: Cell, outcome: Outcome): Promise<void> {
  const probe = PROBES[endpoint.name];
  await probe.prepare?.(cell);
  try {
    const before = await itemState(cell.world, cell.item.id);
    if (probe.kind === 'list') {
      await checkList(probe, cell, outcome);
    } else {
      await checkItem(probe, cell, outcome);
    }
    if (outcome !== 'done') {
      expect(await itemState(cell.world, cell.item.id)).toEqual(before);
    }
  } finally {
    await probe.cleanUp?.(cell);
  }
}

async function checkList(probe: ListProbe, cell: Cell, outcome: Outcome): Promise<void> {
  const responses = await probe.send(cell);
  for (const response of responses) {
    expect(response.status).toBe(outcome === 'unauthenticated' ? 401 : 200);
  }

  if (outcome === 'shown') {
    probe.expectShown(responses, cell);
    return;
  }
  if (outcome === 'unauthenticated') {
    for (const response of responses) {
      expect(response.body.code).toBe('unauthorized');
    }
  } else {
    probe.expectAbsent(responses, cell);
  }
  for (const response of responses) {
    expectNothingOf(cell.item, response.text);
  }
}

async function checkItem(probe: ItemProbe, cell: Cell, outcome: Outcome): Promise<void> {
  const response = await probe.send(cell, cell.item.id);

  if (outcome === 'shown' || outcome === 'done') {
    await probe.expectAllowed(response, cell);
    return;
  }
  if (outcome === 'denied') {
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('item_edit_forbidden');
    return;
  }

  expect(response.status).toBe(outcome === 'unauthenticated' ? 401 : 404);
  expect(response.body.code).toBe(outcome === 'unauthenticated' ? 'unauthorized' : 'item_not_found');
  // The same request about an id that never existed must get a response indistinguishable from
  // this one, once each id is replaced by a placeholder.
  const unknownId = randomUUID();
  const reference = await probe.send(cell, unknownId);
  expect(observable(response, (text) => text.replaceAll(cell.item.id, '<item id>'))).toEqual(
    observable(reference, (text) => text.replaceAll(unknownId, '<item id>')),
  );
  expectNothingOf(cell.item, response.text.replaceAll(cell.item.id, ''));
}

async function runHistoryCell(probe: HistoryProbe, agent: TestAgent, item: EarlierStateItem, outcome: Outcome): Promise<void> {
  const response = await probe.send(agent, item.id, 1);

  if (outcome === 'shown') {
    expect(response.status).toBe(200);
    probe.expectShown(response, item);
    return;
  }
  if (outcome === 'unauthenticated') {
    expect(response.status).toBe(401);
  } else if (probe.list) {
    expect(response.status).toBe(200);
    probe.expectAbsent?.(response);
  } else {
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('revision_not_found');
    // Revision 9 was never stored, and the hidden revision must get exactly the same response.
    const reference = await probe.send(agent, item.id, 9);
    const withoutNumber = (text: string) => text.replace(/revision \d+/, 'revision <n>');
    expect(observable(response, withoutNumber)).toEqual(observable(reference, withoutNumber));
  }
  expect(response.text).not.toContain(item.firstDescription);
}

/** Picks the parts of a response a client can tell apart, normalising what the request named. */
function observable(response: Response, normalise: (text: string) => string): unknown {
  return {
    status: response.status,
    contentType: response.headers['content-type'],
    contentLength: response.headers['content-length'],
    headerNames: Object.keys(response.headers).sort(),
    body: normalise(response.text),
  };
}

/** Fails when a body mentions anything that identifies the item or its content. */
function expectNothingOf(item: MatrixItem, body: string): void {
  for (const secret of [item.id, item.name, item.word, item.firstDescription, item.description, item.tag.name, item.category.name]) {
    expect(body).not.toContain(secret);
  }
}
