import { itemBody } from '../factories';
import type { TestUser } from '../test-app';

/**
 * Unusual input that is valid: each row is created, then read back, and every field sent must
 * come back exactly as it was sent.
 */
export interface AcceptedInputCase {
  name: string;
  as: TestUser;
  /** Create route; its response is `201 {"id"}` and the row is read back at `${path}/${id}`. */
  path: '/items' | '/tags' | '/categories';
  /** Sent as the raw JSON body, so it may contain keys such as `__proto__`. */
  raw: string;
  /** Fields the row read back must contain with exactly these values. */
  readBack: Record<string, unknown>;
}

const item = (overrides: Record<string, unknown>) => ({ ...itemBody('alice'), ...overrides });

const UNICODE_NAME = 'Données d\u2019entraînement \u6570\u636e\u96c6 \ud83d\ude80 e\u0301';
const ARABIC_NAME = '\u0645\u062c\u0645\u0648\u0639\u0629 \u0628\u064a\u0627\u0646\u0627\u062a';
const HEBREW_SUMMARY = '\u05ea\u05d1\u05e0\u05d9\u05ea \u05dc\u05d0\u05d9\u05de\u05d5\u05df 2 GPU';
const SQL_NAME = `Robert'); DROP TABLE "MarketplaceItems"; --`;
const NAME_OF_255 = `${'\u00e9'.repeat(200)}${'n'.repeat(55)}`;

export const ACCEPTED_INPUT_CASES: AcceptedInputCase[] = [
  {
    name: 'item name in several scripts with emoji and a combining accent',
    as: 'alice',
    path: '/items',
    raw: JSON.stringify(item({ name: UNICODE_NAME, tags: ['\u6df1\u5ea6\u5b66\u4e60', '\ud83e\udde0'] })),
    readBack: { name: UNICODE_NAME, tags: ['\u6df1\u5ea6\u5b66\u4e60', '\ud83e\udde0'] },
  },
  {
    name: 'item name and summary written right to left',
    as: 'alice',
    path: '/items',
    raw: JSON.stringify(item({ name: ARABIC_NAME, summary: HEBREW_SUMMARY })),
    readBack: { name: ARABIC_NAME, summary: HEBREW_SUMMARY },
  },
  {
    name: 'item name of exactly 255 two-byte characters',
    as: 'alice',
    path: '/items',
    raw: JSON.stringify(item({ name: NAME_OF_255 })),
    readBack: { name: NAME_OF_255 },
  },
  {
    name: 'item name and summary that look like SQL',
    as: 'alice',
    path: '/items',
    raw: JSON.stringify(item({ name: SQL_NAME, summary: `100% of ' and _ and \\ -- ;` })),
    readBack: { name: SQL_NAME, summary: `100% of ' and _ and \\ -- ;` },
  },
  {
    name: 'item description with markup, kept as text',
    as: 'alice',
    path: '/items',
    raw: JSON.stringify(item({ description: '# Title\n\n<script>alert(1)</script>\n' })),
    readBack: { description: '# Title\n\n<script>alert(1)</script>\n' },
  },
  {
    name: 'tag name written right to left',
    as: 'bob',
    path: '/tags',
    raw: JSON.stringify({ name: ARABIC_NAME, description: HEBREW_SUMMARY }),
    readBack: { name: ARABIC_NAME, description: HEBREW_SUMMARY },
  },
  {
    name: 'tag body with __proto__ and constructor keys, which are ignored',
    as: 'bob',
    path: '/tags',
    raw: '{"name": "proto-tag", "__proto__": {"polluted": "yes", "color": "#bad"}, "constructor": {"prototype": {"polluted": "yes"}}}',
    readBack: { name: 'proto-tag', color: null },
  },
  {
    name: 'category name in CJK with an emoji',
    as: 'admin',
    path: '/categories',
    raw: JSON.stringify({ name: '\u8ba1\u7b97\u673a\u89c6\u89c9 \ud83d\udc41\ufe0f', description: ARABIC_NAME }),
    readBack: { name: '\u8ba1\u7b97\u673a\u89c6\u89c9 \ud83d\udc41\ufe0f', description: ARABIC_NAME },
  },
];

/** The characters SQL, LIKE patterns and the tsquery syntax give a meaning to. */
export const METACHARACTERS = ["'", '%', '_', '\\', '--', ';'] as const;

/**
 * One public item for each metacharacter, carrying it in its name, author, summary, tag and
 * category, so each text filter has exactly one row it must match literally.
 */
export function metacharacterItem(character: (typeof METACHARACTERS)[number]) {
  return {
    name: `name ${character} item`,
    author: `author${character}x`,
    summary: `summary ${character} text`,
    tag: `tag${character}x`,
    category: `category${character}x`,
  };
}

/** A public item with none of the metacharacters, which no metacharacter filter may match. */
export const PLAIN_ITEM = { name: 'plain name', author: 'plainauthor', summary: 'plain summary', tag: 'plaintag', category: 'plaincategory' };

/** Filters that compare whole values: the value of the row matches, the bare character never does. */
export const EXACT_FILTERS = ['name', 'author', 'tag', 'category'] as const;
