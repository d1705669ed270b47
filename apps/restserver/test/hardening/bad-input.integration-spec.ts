import type { AddressInfo } from 'node:net';

import { ErrorBodySchema, type ErrorBody } from '@openpai-marketplace/shared-types';

import { API_ROUTES } from '../../src/openapi/api-routes';
import { itemBody } from '../factories';
import { snapshotDatabase } from '../legacy/snapshot';
import { startTestApp, type TestApp, type TestUser } from '../test-app';
import { ACCEPTED_INPUT_CASES, EXACT_FILTERS, METACHARACTERS, PLAIN_ITEM, metacharacterItem } from './accepted-input-cases';
import { BAD_INPUT_CASES, BODY_LIMIT_BYTES, TAKEN_TAG_NAME, type BadInputCase } from './bad-input-cases';
import { sendRaw, type RawResponse } from './raw-request';

/**
 * The echo rule: an error body repeats at most this many characters of a client-supplied
 * value, and never a control character, a bidirectional control or raw markup.
 */
const MAX_ECHOED_CHARACTERS = 80;
// eslint-disable-next-line no-control-regex -- control characters are what this matches.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

interface ListedRow {
  id: string;
  name: string | null;
  author: string | null;
  summary: string | null;
  ItemTags: { name: string }[];
  ItemCategories: { name: string }[];
}

describe('bad input', () => {
  let t: TestApp;
  let port: number;
  const fixtureIds: Record<string, string> = {};

  beforeAll(async () => {
    // Rate limits are off: this suite sends a few hundred requests in seconds, and its subject is input.
    t = await startTestApp({ RATE_LIMIT: '0' });
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    await createFixtureRows();
  });

  afterAll(async () => {
    await t.close();
  });

  /** Alice's public item linked to a tag and a category, edited once, a blob record and a taken tag name. */
  async function createFixtureRows(): Promise<void> {
    fixtureIds.item = (await t.as('alice').post('/items').send(itemBody('alice')).expect(201)).body.id;
    fixtureIds.tag = (await t.as('alice').post('/tags').send({ name: 'fixture-tag' }).expect(201)).body.id;
    await t.as('alice').post('/tags').send({ name: TAKEN_TAG_NAME }).expect(201);
    fixtureIds.category = (await t.as('admin').post('/categories').send({ name: 'fixture-category' }).expect(201)).body.id;
    fixtureIds.blob = (
      await t.as('admin').post('/storages/blobs').send({ type: 'azureBlob', storageAccount: 'fixtureaccount', containerName: 'data', connectionStrings: ['secret'] }).expect(201)
    ).body.id;

    await t.as('alice').post(`/items/${fixtureIds.item}/tag/${fixtureIds.tag}`).expect(200);
    await t.as('admin').post(`/items/${fixtureIds.item}/category/${fixtureIds.category}`).expect(200);
    await t.as('alice').put(`/items/${fixtureIds.item}`).send({ summary: 'edited once' }).expect(200);
  }

  function send(badCase: BadInputCase): Promise<RawResponse> {
    const headers: Record<string, string> = {};
    const caller = badCase.as ?? 'alice';
    if (caller !== 'anonymous') {
      headers.Authorization = `Bearer ${t.openPai.tokens[caller]}`;
    }

    let body: string | undefined;
    if (badCase.json !== undefined || badCase.raw !== undefined) {
      body = badCase.json !== undefined ? JSON.stringify(badCase.json) : badCase.raw;
      headers['Content-Type'] = 'application/json';
    }
    for (const [name, value] of Object.entries(badCase.headers ?? {})) {
      // An empty value in the table means "send no such header".
      if (value === '') {
        delete headers[name];
      } else {
        headers[name] = value;
      }
    }

    const path = badCase.path.replace(/\{(item|tag|category|blob)\}/g, (_placeholder, name: string) => fixtureIds[name]);
    return sendRaw(port, { method: badCase.method, path, headers, body });
  }

  describe('the case table', () => {
    it('holds at least 60 cases with distinct names', () => {
      const names = BAD_INPUT_CASES.map((badCase) => badCase.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.length).toBeGreaterThanOrEqual(60);
    });

    it('covers every route that takes a token, a parameter or a body', () => {
      const covered = new Set(BAD_INPUT_CASES.map((badCase) => badCase.route));
      const routes = API_ROUTES.filter((route) => !route.public).map((route) => `${route.method} ${route.path}`);
      expect(routes.filter((route) => !covered.has(route))).toEqual([]);
      expect([...covered].filter((route) => !routes.includes(route))).toEqual([]);
    });

    it('runs the server with the documented body limit', () => {
      expect(t.config.http.bodyLimitBytes).toBe(BODY_LIMIT_BYTES);
    });
  });

  describe.each(BAD_INPUT_CASES.map((badCase) => [`${badCase.method} ${badCase.route}: ${badCase.name}`, badCase] as const))('%s', (_name, badCase) => {
    let before: Awaited<ReturnType<typeof snapshotDatabase>>;
    let response: RawResponse;
    let body: ErrorBody;

    beforeAll(async () => {
      before = await snapshotDatabase(t.dataSource);
      response = await send(badCase);
      body = JSON.parse(response.text || 'null');
    });

    it(`answers ${badCase.status} ${badCase.code}`, () => {
      expect({ status: response.status, code: body?.code }).toEqual({ status: badCase.status, code: badCase.code });
    });

    it('answers the shared error shape as JSON', () => {
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(ErrorBodySchema.strict().safeParse(body).error).toBeUndefined();
    });

    it('names the field and what was expected', () => {
      const errorText = errorBodyText(body);
      expect(errorText).toContain(badCase.field);
      expect(errorText).toMatch(badCase.expectation);
    });

    it('repeats no injected value raw', () => {
      expectNoRawEcho(response.text, errorBodyText(body), badCase.injected);
    });

    it('changes nothing stored', async () => {
      expect(await snapshotDatabase(t.dataSource)).toEqual(before);
    });
  });

  describe('after the bad input', () => {
    it('leaves Object.prototype unpolluted', () => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('still serves requests', async () => {
      await t.anonymous.get('/healthz').expect(200);
      const response = await t.as('alice').get(`/items/${fixtureIds.item}`).expect(200);
      expect(response.body.summary).toBe('edited once');
    });
  });

  describe('unusual input that is valid', () => {
    it.each(ACCEPTED_INPUT_CASES.map((accepted) => [accepted.name, accepted] as const))('%s is stored and read back exactly', async (_name, accepted) => {
      const created = await sendAs(accepted.as, 'POST', accepted.path, accepted.raw);
      expect(created.status).toBe(201);

      const { id } = JSON.parse(created.text) as { id: string };
      const readBack = await t.as(accepted.as).get(`${accepted.path}/${id}`).expect(200);
      expect(readBack.body).toEqual(expect.objectContaining(accepted.readBack));
      expect(readBack.body).not.toHaveProperty('polluted');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('keeps the items table after a name that looks like SQL', async () => {
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM "MarketplaceItems"`);
      expect(count).toBeGreaterThan(0);
    });
  });

  describe('metacharacters in text filters', () => {
    const seededIds = new Map<string, string>();
    let allVisible: ListedRow[];

    beforeAll(async () => {
      for (const character of METACHARACTERS) {
        seededIds.set(character, await seedFilterItem(metacharacterItem(character)));
      }
      seededIds.set('plain', await seedFilterItem(PLAIN_ITEM));
      allVisible = (await t.as('alice').get('/items').expect(200)).body;
    });

    /** Creates a public item as admin, hands it to `author` and links a new tag and category. */
    async function seedFilterItem(row: typeof PLAIN_ITEM): Promise<string> {
      const id = (await t.as('admin').post('/items').send(itemBody('admin', { name: row.name, summary: row.summary })).expect(201)).body.id;
      await t.as('admin').put(`/items/${id}`).send({ author: row.author }).expect(200);
      const tagId = (await t.as('admin').post('/tags').send({ name: row.tag }).expect(201)).body.id;
      const categoryId = (await t.as('admin').post('/categories').send({ name: row.category }).expect(201)).body.id;
      await t.as('admin').post(`/items/${id}/tag/${tagId}`).expect(200);
      await t.as('admin').post(`/items/${id}/category/${categoryId}`).expect(200);
      return id;
    }

    async function listIds(query: Record<string, string>): Promise<string[]> {
      const response = await t.as('alice').get('/items').query(query);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 200, code: undefined });
      return (response.body as ListedRow[]).map((row) => row.id).sort();
    }

    const idsWhere = (matches: (row: ListedRow) => boolean) => allVisible.filter(matches).map((row) => row.id).sort();

    it.each(METACHARACTERS)('keyword=%s matches only rows containing it literally', async (character) => {
      const contains = (text: string | null) => (text ?? '').toLowerCase().includes(character.toLowerCase());
      const expected = idsWhere((row) => contains(row.name) || contains(row.author) || contains(row.summary));

      expect(await listIds({ keyword: character })).toEqual(expected);
      expect(expected).toContain(seededIds.get(character));
      expect(expected).not.toContain(seededIds.get('plain'));
    });

    const exactCases = METACHARACTERS.flatMap((character) => EXACT_FILTERS.map((filter) => [filter, character] as const));

    it.each(exactCases)('%s equal to the row value containing %s matches that row only', async (filter, character) => {
      const value = metacharacterItem(character)[filter];
      expect(await listIds({ [filter]: value })).toEqual([seededIds.get(character)]);
    });

    it.each(exactCases)('%s equal to the bare %s matches nothing', async (filter, character) => {
      const valuesOf = (row: ListedRow): (string | null)[] =>
        filter === 'tag' ? row.ItemTags.map((tag) => tag.name) : filter === 'category' ? row.ItemCategories.map((category) => category.name) : [row[filter]];
      expect(idsWhere((row) => valuesOf(row).includes(character))).toEqual([]);

      expect(await listIds({ [filter]: character })).toEqual([]);
    });

    it.each(METACHARACTERS)('q=%s, which holds no word, matches nothing', async (character) => {
      expect(await listIds({ q: character })).toEqual([]);
    });

    it.each(METACHARACTERS)('storageAccount=%s on blob records matches nothing', async (character) => {
      const response = await t.as('admin').get('/storages/blobs').query({ storageAccount: character });
      expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: [] });
    });
  });

  function sendAs(user: TestUser, method: string, path: string, raw: string): Promise<RawResponse> {
    return sendRaw(port, { method, path, headers: { Authorization: `Bearer ${t.openPai.tokens[user]}`, 'Content-Type': 'application/json' }, body: raw });
  }
});

/** The text of an error body a client may show: code, message and every detail. */
function errorBodyText(body: ErrorBody | null): string {
  if (!body) {
    return '';
  }
  const details = (body.details ?? []).flatMap((detail) => [detail.field ?? '', detail.message]);
  return [body.code, body.message, ...details].join(' | ');
}

function expectNoRawEcho(responseText: string, errorText: string, injected: string | undefined): void {
  expect(errorText).not.toMatch(UNSAFE_CHARACTERS);
  if (injected === undefined) {
    return;
  }

  expect(errorText).not.toContain(injected);
  for (const tag of injected.match(/<[a-z]+/gi) ?? []) {
    expect(errorText.toLowerCase()).not.toContain(tag.toLowerCase());
    expect(responseText.toLowerCase()).not.toContain(tag.toLowerCase());
  }
  if (injected.length > MAX_ECHOED_CHARACTERS) {
    expect(errorText).not.toContain(injected.slice(0, MAX_ECHOED_CHARACTERS + 1));
    expect(errorText).not.toContain(injected.slice(-MAX_ECHOED_CHARACTERS - 1));
  }
}
