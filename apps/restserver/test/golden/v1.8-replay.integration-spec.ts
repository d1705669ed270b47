import { join } from 'node:path';

import type { Response } from 'supertest';

import { startTestApp, type TestApp } from '../test-app';
import { FIXTURES_DIR, fixturesPresent, readPlaceholders, readRecordedSession, type RecordedExchange } from './golden-corpus';
import { RECORDED_DIFFERENCES } from './recorded-differences';
import { restoreDump } from '../legacy/legacy-dump';

/*
 * Replays the session recorded from the original v1.8 server against this one. The server
 * starts on the original's database as it was right after request 21 (its dump, restored and
 * then adopted). Requests 22 to 150 are then sent in order. Each answer must match the
 * recording in status and success body, except where recorded-differences.ts lists a
 * deliberate fix. Error bodies are our own shape and are only checked for that shape.
 */

const FIRST_REPLAYED = 22;
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const describeWithFixtures = fixturesPresent ? describe : describe.skip;

describeWithFixtures(`replay of the recorded v1.8 session${fixturesPresent ? '' : ' (skipped: ../shared/fixtures is not present)'}`, () => {
  let t: TestApp;
  const ids = fixturesPresent ? readPlaceholders() : new Map<string, string>();
  const session = fixturesPresent ? readRecordedSession().filter((exchange) => exchange.seq >= FIRST_REPLAYED) : [];

  beforeAll(async () => {
    // The server starts on the restored dump as on an upgraded cluster: it adopts the database.
    t = await startTestApp({}, { beforeStart: (dataSource) => restoreDump(dataSource, join(FIXTURES_DIR, 'legacy-db', 'v1.8.0.sql')) });
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(session.map((exchange) => [`${exchange.seq} ${exchange.id}`, exchange] as const))('%s', async (_name, exchange) => {
    const response = await send(t, exchange, ids);
    const difference = RECORDED_DIFFERENCES[exchange.seq];
    const expectedStatus = difference?.status ?? exchange.response.status;

    expect({ seq: exchange.seq, status: response.status }).toEqual({ seq: exchange.seq, status: expectedStatus });

    if (exchange.id === 'items-create-public-and-private') {
      // The recording never shows this id; later requests use the one we just created.
      ids.set('<uuid:item_bob_scratch>', response.body.id);
    }

    if (expectedStatus >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      return;
    }
    if (difference?.check) {
      difference.check(response, JSON.parse(substitute(JSON.stringify(exchange.response.body), ids)), ids);
      return;
    }
    expectSameBody(exchange, response, ids);
  });
});

async function send(t: TestApp, exchange: RecordedExchange, ids: Map<string, string>): Promise<Response> {
  const { request } = exchange;
  const path = substitute(request.path, ids);
  let call = t.anonymous[request.method.toLowerCase() as 'get'](path).query(request.query);

  const user = request.user;
  if (user === 'admin' || user === 'alice' || user === 'bob') {
    call = call.set('Authorization', `Bearer ${t.openPai.tokens[user]}`);
  } else if (user?.startsWith('raw-authorization:')) {
    call = call.set('Authorization', user.slice('raw-authorization:'.length).replace(/<token:(\w+)>/, (_match, name: string) => t.openPai.tokens[name]));
  } else if (user !== null) {
    // unknown, garbage and nousername: tokens OpenPAI does not know.
    call = call.set('Authorization', `Bearer recorded-${user}-token`);
  }

  if (request.raw_body !== undefined) {
    return call.set('Content-Type', request.content_type ?? 'application/json').send(request.raw_body);
  }
  if (request.content_type?.startsWith('text/plain')) {
    return call.set('Content-Type', request.content_type).send(String(request.body));
  }
  if (request.body !== null) {
    return call.send(JSON.parse(substitute(JSON.stringify(request.body), ids)) as object);
  }
  return call;
}

function expectSameBody(exchange: RecordedExchange, response: Response, ids: Map<string, string>): void {
  const recorded = exchange.response;
  if (recorded.body_kind === 'text') {
    expect(response.text).toBe(recorded.body);
    return;
  }
  const expected = withTimestampMatchers(JSON.parse(substitute(JSON.stringify(recorded.body), ids)));
  expect(canonical(withoutAdditions(response.body))).toEqual(canonical(expected));
}

function substitute(text: string, ids: Map<string, string>): string {
  return text.replace(/<uuid:[^>]+>/g, (placeholder) => ids.get(placeholder) ?? placeholder);
}

/** Drops the fields this server adds to the original's rows: permissions, copy source and star. */
function withoutAdditions(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutAdditions);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !['permissions', 'copiedFrom', 'starred'].includes(key)).map(([key, inner]) => [key, withoutAdditions(inner)]));
  }
  return value;
}

function withTimestampMatchers(value: unknown): unknown {
  if (value === '<timestamp>') {
    return expect.stringMatching(ISO_TIMESTAMP);
  }
  if (Array.isArray(value)) {
    return value.map(withTimestampMatchers);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withTimestampMatchers(inner)]));
  }
  return value;
}

/** Lists of rows carry no order in the original (no ORDER BY), so compare them sorted by id. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.every((item) => item && typeof item === 'object' && 'id' in item)
      ? [...items].sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)))
      : items;
  }
  if (value && typeof value === 'object' && !('asymmetricMatch' in value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, canonical(inner)]));
  }
  return value;
}
