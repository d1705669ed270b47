// The soak's steps before and after the measured load: finding its users, creating the tags and
// items the workload starts from, and on a server it did not start, deleting what it created.
import { SoakItems, newItemRequest } from './soak-items.mjs';

const INITIAL_ITEMS_PER_USER = 8;
const TAGS_PER_RUN = 4;
const SETUP_REQUEST_TIMEOUT_MS = 60_000;

/** Users of the fake OpenPAI the soak starts: the same names and groups as the Jest suites' fake. */
export const STARTED_STACK_USERS = [
  { username: 'admin', admin: true, groups: ['default', 'admingroup'], token: 'soak-token-admin' },
  { username: 'alice', admin: false, groups: ['default', 'vision'], token: 'soak-token-alice' },
  { username: 'bob', admin: false, groups: ['default', 'nlp'], token: 'soak-token-bob' },
  { username: 'carol', admin: false, groups: ['default', 'vision'], token: 'soak-token-carol' },
];

/** Sends one request outside the measured load; returns `{ status, body }` with JSON parsed. */
export async function apiRequest(baseUrl, user, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(user ? { Authorization: `Bearer ${user.token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(SETUP_REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  return { status: response.status, body: isJson && text !== '' ? JSON.parse(text) : text };
}

async function expectStatus(expected, what, pending) {
  const { status, body } = await pending;
  if (status !== expected) {
    throw new Error(`${what} failed: expected HTTP ${expected}, got ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body;
}

/**
 * Returns the soak's users with the groups and admin flag that `GET /auth/me` returns for each. With no
 * `tokens`, takes the development users the server lists at `GET /auth/dev-users`.
 */
export async function resolveUsers(baseUrl, tokens) {
  let pairs = tokens;
  if (!pairs) {
    const { status, body } = await apiRequest(baseUrl, undefined, 'GET', '/auth/dev-users');
    if (status !== 200) {
      throw new Error(`GET /auth/dev-users returned ${status}, so the server does not run its development identity provider: pass --tokens user:token,...`);
    }
    pairs = body.map((user) => ({ username: user.username, token: user.token }));
  }

  const users = [];
  for (const pair of pairs) {
    const caller = await expectStatus(200, `GET /auth/me as ${pair.username} (check the token)`, apiRequest(baseUrl, pair, 'GET', '/auth/me'));
    users.push({ username: caller.username, admin: caller.admin, groups: caller.groups, token: pair.token });
  }
  return users;
}

/**
 * Creates the tags the workload links and a few items per user, outside the measured load.
 * `runId` keeps the tag names of one run apart from those of earlier runs on the same server.
 */
export async function createStartingData(baseUrl, users, runId) {
  const tags = [];
  for (let index = 1; index <= TAGS_PER_RUN; index++) {
    const created = await expectStatus(201, 'POST /tags', apiRequest(baseUrl, users[0], 'POST', '/tags', { name: `soak-${runId}-${index}` }));
    tags.push({ id: created.id });
  }

  const items = new SoakItems();
  await Promise.all(users.map(async (user) => {
    for (let index = 0; index < INITIAL_ITEMS_PER_USER; index++) {
      const serial = items.nextSerial();
      const request = newItemRequest(user, serial);
      const created = await expectStatus(201, `POST /items as ${user.username}`, apiRequest(baseUrl, user, 'POST', '/items', request));
      items.add(created.id, user.username, request, serial);
    }
  }));
  return { items, tags };
}

/**
 * Deletes the items the soak left on a server it did not start, each as its owner, and its tags
 * when one of the users is an admin. Returns what was deleted and what failed.
 */
export async function deleteSoakData(baseUrl, users, items, tags) {
  const usersByName = new Map(users.map((user) => [user.username, user]));
  const admin = users.find((user) => user.admin);
  const outcome = { itemsDeleted: 0, itemsAlreadyGone: 0, tagsDeleted: 0, failures: 0, tagsLeft: admin ? 0 : tags.length };

  for (const item of items.remaining()) {
    const { status } = await apiRequest(baseUrl, usersByName.get(item.owner), 'DELETE', `/items/${encodeURIComponent(item.id)}`);
    if (status === 200) outcome.itemsDeleted += 1;
    else if (status === 404) outcome.itemsAlreadyGone += 1;
    else outcome.failures += 1;
  }
  for (const tag of admin ? tags : []) {
    const { status } = await apiRequest(baseUrl, admin, 'DELETE', `/tags/${encodeURIComponent(tag.id)}`);
    if (status === 200) outcome.tagsDeleted += 1;
    else outcome.failures += 1;
  }
  return outcome;
}
