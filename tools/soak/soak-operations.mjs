// The soak's mix of requests. Each operation builds one HTTP request for one user, names the
// status a healthy server returns, and updates what the soak remembers once the request succeeds.
import { itemUpdateRequest, newItemRequest, pickRandom, SEARCH_WORDS } from './soak-items.mjs';

/** Bounds on each user's own items, so that list responses stay the same size over a long run. */
const MIN_OWN_ITEMS = 3;
const MAX_OWN_ITEMS = 40;

const isArray = (body) => (Array.isArray(body) ? undefined : 'expected a JSON array');
const hasId = (body) => (typeof body?.id === 'string' && body.id !== '' ? undefined : 'expected {"id": "<new id>"}');
const isPage = (body) => (Array.isArray(body?.items) && Number.isInteger(body?.total) ? undefined : 'expected a page {"items": [...], "total": n, ...}');
const isText = (expected) => (body) => (body === expected ? undefined : `expected the text ${JSON.stringify(expected)}`);
const isStarState = (starred) => (body) => (body?.starred === starred && Number.isInteger(body?.starNumber) ? undefined : `expected {"starred": ${starred}, "starNumber": n}`);

function read(operation, user, path, check, itemId) {
  return { operation, user, method: 'GET', path, expectStatus: 200, check, itemId };
}

const hasText = (marker) => (body) => (typeof body === 'string' && body.includes(marker) ? undefined : `expected a text containing ${JSON.stringify(marker)}`);

/** Reads a file of the web portal, when the soak started one (`context.portalUrl`). */
function portalRead(operation, path, check) {
  return (context, user) => (context.portalUrl ? { ...read(operation, user, path, check), baseUrl: context.portalUrl } : undefined);
}

/** Builds a write to one of the user's own items and marks the item `busy` until the response arrives. */
function ownItemWrite(operation, user, item, request) {
  item.busy = true;
  return { operation, user, itemId: item.id, onSettled: () => (item.busy = false), ...request };
}

const itemPath = (item) => `/items/${encodeURIComponent(item.id)}`;

function visibleItem(context, user) {
  const visible = context.items.visibleTo(user);
  return visible.length > 0 ? pickRandom(visible) : undefined;
}

function idleOwnItem(context, user) {
  const own = context.items.ownedBy(user).filter((item) => !item.busy);
  return own.length > 0 ? pickRandom(own) : undefined;
}

function createItem(context, user) {
  if (context.items.ownedBy(user).length >= MAX_OWN_ITEMS) {
    return deleteItem(context, user);
  }
  const serial = context.items.nextSerial();
  const body = newItemRequest(user, serial);
  return {
    operation: 'create item', user, method: 'POST', path: '/items', body, expectStatus: 201, check: hasId,
    onSuccess: (created) => context.items.add(created.id, user.username, body, serial),
  };
}

function deleteItem(context, user) {
  if (context.items.ownedBy(user).length <= MIN_OWN_ITEMS) {
    return createItem(context, user);
  }
  const item = idleOwnItem(context, user);
  if (!item) {
    return undefined;
  }
  context.items.markDeleted(item.id);
  return ownItemWrite('delete item', user, item, { method: 'DELETE', path: itemPath(item), expectStatus: 200, check: isText('deleted') });
}

function copyItem(context, user) {
  const source = visibleItem(context, user);
  if (!source || context.items.ownedBy(user).length >= MAX_OWN_ITEMS) {
    return undefined;
  }
  const serial = context.items.nextSerial();
  return {
    operation: 'copy item', user, method: 'POST', path: `${itemPath(source)}/copy`, itemId: source.id, expectStatus: 201, check: hasId,
    // A copy is private to the user who made it.
    onSuccess: (created) => context.items.add(created.id, user.username, { isPublic: false, isPrivate: true, groupList: [] }, serial),
  };
}

function updateItem(context, user) {
  const item = idleOwnItem(context, user);
  if (!item) {
    return undefined;
  }
  item.edits += 1;
  return ownItemWrite('update item', user, item, { method: 'PUT', path: itemPath(item), body: itemUpdateRequest(item.serial, item.edits), expectStatus: 200, check: isText('updated') });
}

function linkTag(context, user) {
  const item = idleOwnItem(context, user);
  const unlinked = item ? context.tags.filter((tag) => !item.tagIds.has(tag.id)) : [];
  if (unlinked.length === 0) {
    return undefined;
  }
  const tag = pickRandom(unlinked);
  return {
    ...ownItemWrite('link tag', user, item, { method: 'POST', path: `${itemPath(item)}/tag/${encodeURIComponent(tag.id)}`, expectStatus: 200, check: isText('added') }),
    onSuccess: () => item.tagIds.add(tag.id),
  };
}

function unlinkTag(context, user) {
  const item = context.items.ownedBy(user).find((candidate) => !candidate.busy && candidate.tagIds.size > 0);
  if (!item) {
    return undefined;
  }
  const tagId = pickRandom([...item.tagIds]);
  return {
    ...ownItemWrite('unlink tag', user, item, { method: 'DELETE', path: `${itemPath(item)}/tag/${encodeURIComponent(tagId)}`, expectStatus: 200, check: isText('deleted') }),
    onSuccess: () => item.tagIds.delete(tagId),
  };
}

function itemRead(operation, suffix, check) {
  return (context, user) => {
    const item = visibleItem(context, user);
    return item && read(operation, user, `${itemPath(item)}${suffix}`, check, item.id);
  };
}

function itemAction(operation, method, suffix, check) {
  return (context, user) => {
    const item = visibleItem(context, user);
    return item && { operation, user, method, path: `${itemPath(item)}${suffix}`, itemId: item.id, expectStatus: 200, check };
  };
}

function listPage(_, user) {
  return read('list page', user, `/items?limit=20&offset=${pickRandom([0, 20, 40])}&sort=newest`, isPage);
}

/**
 * The mix, as weights out of 100: about two thirds reads. Deletes balance creates and copies, so
 * the number of items stays roughly level over a long run.
 */
export const OPERATIONS = [
  { weight: 3, build: (_, user) => read('list all items', user, '/items', isArray) },
  { weight: 5, build: (_, user) => read('list own pai items', user, `/items?author=${encodeURIComponent(user.username)}&source=pai`, isArray) },
  { weight: 10, build: listPage },
  { weight: 4, build: (_, user) => read('list page with facets', user, '/items?limit=20&facets=true&type=template', isPage) },
  { weight: 5, build: (_, user) => read('keyword filter', user, `/items?keyword=${pickRandom(SEARCH_WORDS)}`, isArray) },
  { weight: 10, build: (_, user) => read('ranked search q', user, `/items?q=${encodeURIComponent(`${pickRandom(SEARCH_WORDS)} ${pickRandom(SEARCH_WORDS)}`)}&limit=20`, isPage) },
  { weight: 12, build: itemRead('get item', '', (body) => (typeof body?.id === 'string' ? undefined : 'expected an item with an id')) },
  { weight: 4, build: itemRead('list item tags', '/tag', isArray) },
  { weight: 4, build: itemRead('list revisions', '/revisions', isArray) },
  { weight: 2, build: (_, user) => read('list tags', user, '/tags', isArray) },
  { weight: 3, build: (_, user) => read('list starred', user, '/stars', isArray) },
  { weight: 6, build: createItem },
  { weight: 7, build: updateItem },
  { weight: 8, build: deleteItem },
  { weight: 2, build: copyItem },
  { weight: 4, build: itemAction('star', 'PUT', '/star', isStarState(true)) },
  { weight: 3, build: itemAction('unstar', 'DELETE', '/star', isStarState(false)) },
  { weight: 4, build: itemAction('use', 'POST', '/use', (body) => (Number.isInteger(body?.useNumber) ? undefined : 'expected {"counted": bool, "useNumber": n}')) },
  { weight: 2, build: linkTag },
  { weight: 2, build: unlinkTag },
  { weight: 2, build: portalRead('portal plugin.js', '/plugin.js', hasText('OpenPAI Marketplace plugin')) },
  { weight: 1, build: portalRead('portal page', '/', hasText('<html')) },
];

const TOTAL_WEIGHT = OPERATIONS.reduce((sum, operation) => sum + operation.weight, 0);

/**
 * Chooses a random user and operation and builds its request. When the operation does not apply
 * right now (the user has no idle item of their own, say), a page of the list is read instead.
 */
export function nextRequest(context) {
  const user = pickRandom(context.users);
  let draw = Math.random() * TOTAL_WEIGHT;
  const operation = OPERATIONS.find((candidate) => (draw -= candidate.weight) < 0) ?? OPERATIONS[0];
  return operation.build(context, user) ?? listPage(context, user);
}
