/*
 * Access control as a matrix: who gets what from every endpoint that reads, changes or reveals
 * something about an item. access-matrix.integration-spec.ts runs one test per cell against
 * the real server; access-matrix.spec.ts checks that every item route of the API is here.
 * Cells: 6 roles x 4 visibilities x 22 endpoints = 528, plus 6 roles x 2 earlier states x 3
 * history endpoints = 36.
 *
 * The rule behind the grids (item-access.ts has it in code):
 *   - every route except health and the development user list needs a valid bearer token;
 *   - a caller sees an item when they are an admin or its author, or when it is not private and
 *     is public or shared with one of the caller's groups;
 *   - a caller may change an item when they are an admin, or its author while it is not in the
 *     `official example` category;
 *   - an earlier state of an item (a revision) follows the same rule, applied to the item as it
 *     was in that state.
 *
 * Outcomes, and what each cell asserts besides the status:
 *   unauthenticated  401, the same response as for an unknown item id; nothing changes.
 *   shown            200 with the item; lists contain it, and `total` and facets count it once.
 *   hidden           item routes: 404, the same status, code, message, headers and body as for a
 *                    random unknown id, and none of the item's id, name, summary, description,
 *                    tag or category in the body. Lists: 200 without the item, and `total` and
 *                    facets do not count it. Nothing changes either way.
 *   done             the success status; the change is made (then undone for the next cell).
 *   denied           403 `item_edit_forbidden`; the author reads the item afterwards and finds
 *                    nothing changed (nor its links, stars, uses, copies or revisions).
 */

export const ROLES = ['anonymous', 'invalid token', 'user', 'group member', 'author', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who plays each role: a user of the fake OpenPAI (test/fake-openpai.ts), or none. Every item
 * of the matrix is authored by alice, and the group-shared one is shared with `vision`.
 */
export const PLAYERS: Record<Role, { username?: 'admin' | 'alice' | 'bob' | 'carol'; token?: string; who: string }> = {
  anonymous: { who: 'no Authorization header' },
  'invalid token': { token: 'token-nobody', who: 'a bearer token the identity provider rejects with 401' },
  user: { username: 'bob', who: 'bob, groups default and nlp: not the author, not in vision' },
  'group member': { username: 'carol', who: 'carol, groups default and vision: not the author, in vision' },
  author: { username: 'alice', who: 'alice, the author of every item in the matrix' },
  admin: { username: 'admin', who: 'admin, an OpenPAI admin' },
};

export const VISIBILITIES = ['public', 'private', 'group-shared', 'official example'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** How each kind of item is stored, as the create request and the links that make it. */
export const VISIBILITY_SETTINGS: Record<Visibility, { isPublic: boolean; isPrivate: boolean; groupList: string[]; officialExample: boolean }> = {
  public: { isPublic: true, isPrivate: false, groupList: [], officialExample: false },
  private: { isPublic: false, isPrivate: true, groupList: [], officialExample: false },
  'group-shared': { isPublic: false, isPrivate: false, groupList: ['vision'], officialExample: false },
  // An item of alice's that an admin put in the `official example` category; public, as the
  // seeded examples are.
  'official example': { isPublic: true, isPrivate: false, groupList: [], officialExample: true },
};

export type Outcome = 'unauthenticated' | 'shown' | 'hidden' | 'done' | 'denied';

/** One role's outcomes, in the order of VISIBILITIES, and the reason behind them. */
export interface GridRow {
  role: Role;
  cells: [publicItem: Outcome, privateItem: Outcome, groupShared: Outcome, officialExample: Outcome];
  reason: string;
}

/** Reading an item, its links and its history, and finding it in lists, searches and counts. */
export const SEE: GridRow[] = [
  //                                public             private            group-shared       official example
  { role: 'anonymous',     cells: ['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated'], reason: 'the original also refused requests without a token' },
  { role: 'invalid token', cells: ['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated'], reason: 'every token is checked with OpenPAI, even for reads, unlike the original' },
  { role: 'user',          cells: ['shown',           'hidden',          'hidden',          'shown'], reason: '404 rather than the original\'s 403, so a refusal never confirms that a hidden item exists' },
  { role: 'group member',  cells: ['shown',           'hidden',          'shown',           'shown'], reason: 'members see group-shared items in lists too, where the original never matched the group' },
  { role: 'author',        cells: ['shown',           'shown',           'shown',           'shown'], reason: 'authors always read their own items, official examples included' },
  { role: 'admin',         cells: ['shown',           'shown',           'shown',           'shown'], reason: 'admins moderate, so they see everything' },
];

/** Copying, starring and launching: allowed on whatever the caller can see. */
export const ACT_ON: GridRow[] = [
  //                                public             private            group-shared       official example
  { role: 'anonymous',     cells: ['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated'], reason: 'a star or a launch belongs to a user' },
  { role: 'invalid token', cells: ['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated'], reason: 'as for reads' },
  { role: 'user',          cells: ['done',            'hidden',          'hidden',          'done'], reason: 'refused exactly where reading is, with the same 404; copying an official example leaves the category behind' },
  { role: 'group member',  cells: ['done',            'hidden',          'done',            'done'], reason: 'a member may copy a group-shared item into a private item of their own' },
  { role: 'author',        cells: ['done',            'done',            'done',            'done'], reason: 'as for reads' },
  { role: 'admin',         cells: ['done',            'done',            'done',            'done'], reason: 'as for reads' },
];

/** Changing an item, its tags or its categories, or deleting it. */
export const EDIT: GridRow[] = [
  //                                public             private            group-shared       official example
  { role: 'anonymous',     cells: ['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated'], reason: 'as for reads' },
  { role: 'invalid token', cells: ['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated'], reason: 'as for reads' },
  { role: 'user',          cells: ['denied',          'hidden',          'hidden',          'denied'], reason: '403 only where the caller already sees the item; elsewhere the 404 of an unknown id' },
  { role: 'group member',  cells: ['denied',          'hidden',          'denied',          'denied'], reason: 'sharing grants reading, never editing' },
  { role: 'author',        cells: ['done',            'done',            'done',            'denied'], reason: 'an official example is locked to admins, even for its author' },
  { role: 'admin',         cells: ['done',            'done',            'done',            'done'], reason: 'admins may change any item' },
];

export type EndpointName =
  | 'list'
  | 'list filters'
  | 'paged search'
  | 'facets'
  | 'keyword'
  | 'starred list'
  | 'get'
  | 'item tags'
  | 'item categories'
  | 'revisions'
  | 'revision'
  | 'diff'
  | 'copy'
  | 'star'
  | 'unstar'
  | 'use'
  | 'update'
  | 'link tag'
  | 'unlink tag'
  | 'link category'
  | 'unlink category'
  | 'delete';

export interface MatrixEndpoint {
  name: EndpointName;
  /** Method and path as api-routes.ts writes them. */
  route: string;
  grid: GridRow[];
  /** The request each cell sends and what a `shown` or `done` cell checks. */
  checks: string;
  reason?: string;
}

/** Every endpoint of the matrix, reads first; `delete` comes last because it recreates its item. */
export const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'list', route: 'GET /items', grid: SEE, checks: 'no parameters: the bare array holds the item once' },
  {
    name: 'list filters',
    route: 'GET /items',
    grid: SEE,
    checks: 'name, author, tag and category filters one at a time: each bare array holds the item',
    reason: 'OpenPAI\'s submission page lists templates with ?author=',
  },
  { name: 'paged search', route: 'GET /items', grid: SEE, checks: '?q=<a word only this item has>&limit=5: `total` is 1 and the page holds the item' },
  {
    name: 'facets',
    route: 'GET /items',
    grid: SEE,
    checks: '?q=<its word>&limit=1&facets=true counts it once by type, source, tag and category; an unfiltered facet request counts its own tag and category once',
  },
  { name: 'keyword', route: 'GET /items', grid: SEE, checks: '?keyword=<its word, in upper case>: the bare array is exactly the item' },
  {
    name: 'starred list',
    route: 'GET /stars',
    grid: SEE,
    checks: 'the caller has a star on the item, stored directly: the list holds it',
    reason: 'a star given while the item was visible stays in the table after the item is hidden',
  },
  { name: 'get', route: 'GET /items/{itemId}', grid: SEE, checks: 'the item, with `permissions` granting edit and delete exactly where the EDIT grid says done' },
  { name: 'item tags', route: 'GET /items/{itemId}/tag', grid: SEE, checks: 'the list holds the item\'s own tag' },
  { name: 'item categories', route: 'GET /items/{itemId}/category', grid: SEE, checks: 'the list holds the item\'s own category' },
  { name: 'revisions', route: 'GET /items/{itemId}/revisions', grid: SEE, checks: 'revision 1, replaced by the author' },
  { name: 'revision', route: 'GET /items/{itemId}/revisions/{revision}', grid: SEE, checks: 'revision 1 holds the first description' },
  { name: 'diff', route: 'GET /items/{itemId}/diff', grid: SEE, checks: '?from=1&to=current: the description lines removed and added' },
  {
    name: 'copy',
    route: 'POST /items/{itemId}/copy',
    grid: ACT_ON,
    checks: '201 and a new private item of the caller\'s that names the source in `copiedFrom` (deleted again)',
  },
  { name: 'star', route: 'PUT /items/{itemId}/star', grid: ACT_ON, checks: 'the caller\'s star is stored (removed again)' },
  {
    name: 'unstar',
    route: 'DELETE /items/{itemId}/star',
    grid: ACT_ON,
    checks: 'with a star stored beforehand, the star is removed',
    reason: 'a caller who can no longer see the item cannot remove an old star: answering 200 would confirm that the item exists, and GET /stars already leaves it out',
  },
  { name: 'use', route: 'POST /items/{itemId}/use', grid: ACT_ON, checks: 'the launch is recorded for the caller' },
  { name: 'update', route: 'PUT /items/{itemId}', grid: EDIT, checks: '{"description": …}: the author reads the new description (restored afterwards)' },
  { name: 'link tag', route: 'POST /items/{itemId}/tag/{tagId}', grid: EDIT, checks: 'a spare tag becomes linked (unlinked afterwards)' },
  { name: 'unlink tag', route: 'DELETE /items/{itemId}/tag/{tagId}', grid: EDIT, checks: 'the item\'s own tag is unlinked (linked again afterwards)' },
  {
    name: 'link category',
    route: 'POST /items/{itemId}/category/{categoryId}',
    grid: EDIT,
    checks: 'a spare, ordinary category becomes linked (unlinked afterwards)',
    reason: 'linking `official example` itself needs an admin whoever the author is; item-links.integration-spec.ts covers that',
  },
  { name: 'unlink category', route: 'DELETE /items/{itemId}/category/{categoryId}', grid: EDIT, checks: 'the item\'s own category is unlinked (linked again afterwards)' },
  { name: 'delete', route: 'DELETE /items/{itemId}', grid: EDIT, checks: 'the item is gone for its author too (then created again)' },
];

/*
 * Earlier states: an item's history also shows what it was before. A second, smaller grid covers
 * items that are public now but began private or shared with `vision`; each was edited once as it
 * was made public, so revision 1 contains the unpublished state.
 */

export const EARLIER_STATES = ['public, once private', 'public, once shared with vision'] as const;
export type EarlierState = (typeof EARLIER_STATES)[number];

/** How each item began, before alice made it public. */
export const EARLIER_STATE_SETTINGS: Record<EarlierState, { isPublic: boolean; isPrivate: boolean; groupList: string[] }> = {
  'public, once private': { isPublic: false, isPrivate: true, groupList: [] },
  'public, once shared with vision': { isPublic: false, isPrivate: false, groupList: ['vision'] },
};

export interface EarlierStateRow {
  role: Role;
  cells: [oncePrivate: Outcome, onceShared: Outcome];
  reason: string;
}

/** Reading revision 1, the state before publication. */
export const SEE_EARLIER_STATE: EarlierStateRow[] = [
  //                                once private       once shared with vision
  { role: 'anonymous',     cells: ['unauthenticated', 'unauthenticated'], reason: 'as for reads' },
  { role: 'invalid token', cells: ['unauthenticated', 'unauthenticated'], reason: 'as for reads' },
  { role: 'user',          cells: ['hidden',          'hidden'], reason: 'bob could not see either draft, and publishing the item later does not publish its drafts' },
  { role: 'group member',  cells: ['hidden',          'shown'], reason: 'carol is in vision, so she could read the shared draft at the time' },
  { role: 'author',        cells: ['shown',           'shown'], reason: 'alice wrote both drafts' },
  { role: 'admin',         cells: ['shown',           'shown'], reason: 'admins see everything' },
];

export type HistoryEndpointName = 'revisions' | 'revision' | 'diff';

/** The history endpoints on earlier states; `hidden` cells compare with revision 9, which does not exist. */
export const HISTORY_ENDPOINTS: { name: HistoryEndpointName; route: string; checks: string }[] = [
  { name: 'revisions', route: 'GET /items/{itemId}/revisions', checks: 'the list holds revision 1, or leaves it out' },
  { name: 'revision', route: 'GET /items/{itemId}/revisions/{revision}', checks: 'revision 1 holds the first description, or gets the 404 of revision 9' },
  { name: 'diff', route: 'GET /items/{itemId}/diff', checks: '?from=1 removes the first description, or gets the 404 of ?from=9' },
];

/** Returns a role's outcome on one earlier state. */
export function earlierStateOutcome(role: Role, state: EarlierState): Outcome {
  const row = SEE_EARLIER_STATE.find((candidate) => candidate.role === role);
  if (!row) {
    throw new Error(`The earlier-state grid has no row for the role "${role}".`);
  }
  return row.cells[EARLIER_STATES.indexOf(state)];
}

/** Routes under /items and /stars that are deliberately outside the matrix, with the reason. */
export const ROUTES_OUTSIDE_THE_MATRIX: Record<string, string> = {
  'POST /items': 'creates a new item, so there is no existing item whose visibility could leak; items.integration-spec.ts checks that the author must be the caller',
};

/** Returns a role's outcome for one visibility on one grid. */
export function outcomeOf(grid: GridRow[], role: Role, visibility: Visibility): Outcome {
  const row = grid.find((candidate) => candidate.role === role);
  if (!row) {
    throw new Error(`The grid has no row for the role "${role}".`);
  }
  return row.cells[VISIBILITIES.indexOf(visibility)];
}
