import { z } from 'zod';

import { ShortTextSchema, TimestampSchema } from './common';

/** `template`: a job template; `data`: a data template; `old`: a legacy example kept for reference. */
export const ITEM_TYPES = ['template', 'data', 'old'] as const;
export const ItemTypeSchema = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof ItemTypeSchema>;

/** `pai`: saved from OpenPAI's job submission page; `marketplace`: created in the marketplace. */
export const ITEM_SOURCES = ['marketplace', 'pai'] as const;
export const ItemSourceSchema = z.enum(ITEM_SOURCES);
export type ItemSource = z.infer<typeof ItemSourceSchema>;

export const ITEM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ItemStatusSchema = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

/**
 * Largest protocol accepted, in characters. Real protocols are a few kilobytes; checking one
 * near a megabyte takes seconds of CPU, so the limit stays well below that.
 */
export const MAX_PROTOCOL_LENGTH = 256 * 1024;
/** Largest description accepted, in characters. */
export const MAX_DESCRIPTION_LENGTH = 512 * 1024;

const GroupListSchema = z.array(ShortTextSchema.min(1)).max(1000);
const LabelListSchema = z.array(ShortTextSchema).max(1000);

/**
 * Actions the caller may take on an item, computed by the server so that clients never
 * re-implement the access rules.
 */
export const ItemPermissionsSchema = z
  .object({
    edit: z.boolean().describe('May change the item with PUT and link tags or categories'),
    delete: z.boolean().describe('May delete the item'),
    share: z.boolean().describe('May change isPublic, isPrivate and groupList'),
  })
  .meta({ id: 'ItemPermissions' });
export type ItemPermissions = z.infer<typeof ItemPermissionsSchema>;

/** Columns of an item row, under the original server's field names. */
export const ItemSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    author: z.string().nullable(),
    type: z.string().nullable(),
    source: ItemSourceSchema,
    isPublic: z.boolean(),
    isPrivate: z.boolean(),
    groupList: z.array(z.string()),
    dataType: z.string().nullable(),
    dataUrl: z.string().nullable(),
    useBlob: z.boolean().nullable(),
    categories: z.array(z.string()).nullable().describe('Free labels stored with the item; the category filter uses the linked categories instead'),
    tags: z.array(z.string()).nullable().describe('Free labels stored with the item; the tag filter uses the linked tags instead'),
    summary: z.string().nullable(),
    description: z.string().nullable(),
    protocol: z.string(),
    useNumber: z.number().int(),
    starNumber: z.number().int(),
    status: ItemStatusSchema.nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    copiedFrom: z.string().nullable().describe('Id of the item this one was copied from, if any; the source may since have been deleted'),
    permissions: ItemPermissionsSchema,
    starred: z.boolean().optional().describe('Whether the caller starred the item; sent by GET /items/{itemId} only'),
  })
  .meta({ id: 'Item' });
export type Item = z.infer<typeof ItemSchema>;

/** An element of `GET /items`: the item with its linked tags and categories. */
export const ListedItemSchema = ItemSchema.extend({
  ItemTags: z.array(z.object({ id: z.string(), name: z.string(), color: z.string().nullable() })),
  ItemCategories: z.array(z.object({ id: z.string(), name: z.string() })),
}).meta({ id: 'ListedItem' });
export type ListedItem = z.infer<typeof ListedItemSchema>;

const itemFields = {
  name: ShortTextSchema.min(1),
  type: ItemTypeSchema,
  source: ItemSourceSchema.optional(),
  isPublic: z.boolean().optional(),
  isPrivate: z.boolean().optional(),
  groupList: GroupListSchema.nullable().optional(),
  dataType: ShortTextSchema.nullable().optional(),
  dataUrl: ShortTextSchema.nullable().optional(),
  useBlob: z.boolean().nullable().optional(),
  categories: LabelListSchema.nullable().optional(),
  tags: LabelListSchema.nullable().optional(),
  summary: ShortTextSchema.nullable().optional(),
  description: z.string().max(MAX_DESCRIPTION_LENGTH).nullable().optional(),
  protocol: z.string().max(MAX_PROTOCOL_LENGTH).describe('OpenPAI job protocol (version 2) as YAML text'),
  status: ItemStatusSchema.nullable().optional(),
};

/**
 * Body of `POST /items`. Unknown fields are dropped, as the original did (its web portal sends
 * a `category` field that was never stored). `isPrivate: true` wins over `isPublic: true`.
 */
export const CreateItemRequestSchema = z
  .object({ ...itemFields, author: ShortTextSchema.min(1) })
  .meta({ id: 'CreateItemRequest' });
export type CreateItemRequest = z.infer<typeof CreateItemRequestSchema>;

/**
 * Body of `PUT /items/{itemId}`: any subset of the create fields. `author` may be changed by
 * admins only. `useNumber` and `starNumber` are counted by the server and ignored here.
 */
export const UpdateItemRequestSchema = z
  .object({
    ...itemFields,
    name: itemFields.name.optional(),
    type: itemFields.type.optional(),
    protocol: itemFields.protocol.optional(),
    author: ShortTextSchema.min(1).optional(),
  })
  .meta({ id: 'UpdateItemRequest' });
export type UpdateItemRequest = z.infer<typeof UpdateItemRequestSchema>;

/** Largest page of `GET /items`; a larger `limit` is refused, never cut silently. */
export const MAX_PAGE_SIZE = 100;

export const ITEM_SORTS = ['relevance', 'newest', 'updated', 'stars', 'uses'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

/** A whole number sent as query text, within bounds. */
const PageNumberSchema = (minimum: number, maximum: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: `must be a whole number from ${minimum} to ${maximum}` })
    .transform(Number)
    .refine((value) => value >= minimum && value <= maximum, { error: `must be a whole number from ${minimum} to ${maximum}` });

/** Maximum length of a list filter value, in characters. */
export const MAX_FILTER_LENGTH = 255;
const FilterSchema = z.string().max(MAX_FILTER_LENGTH);

/**
 * Filters of `GET /items`. Each filter narrows the list; `tag` and `category` take
 * comma-separated names and keep the items linked to every one of them.
 */
export const ItemListQuerySchema = z
  .object({
    name: FilterSchema.optional().describe('Exact, case-sensitive item name'),
    author: FilterSchema.optional().describe('Exact, case-sensitive author'),
    type: z.enum(['all', ...ITEM_TYPES]).optional().describe('`all` means no filter'),
    source: ItemSourceSchema.optional(),
    keyword: FilterSchema.optional().describe(
      'Case-insensitive literal substring of name, author or summary (`%` and `_` match themselves)',
    ),
    tag: FilterSchema.optional().describe('Comma-separated tag names; an item must carry all of them'),
    category: FilterSchema.optional().describe('Comma-separated category names; an item must carry all of them'),
    q: FilterSchema.optional().describe(
      'Ranked full-text search over name, summary, description, tags, categories and author, with prefix matching and, where pg_trgm is installed, tolerance for typos in names',
    ),
    sort: z.enum(ITEM_SORTS).optional().describe('Order of the results; `relevance` needs `q`. Default: relevance with `q`, newest otherwise'),
    limit: PageNumberSchema(1, MAX_PAGE_SIZE).optional().describe(`Page size, at most ${MAX_PAGE_SIZE}; switches the answer to an ItemPage`),
    offset: PageNumberSchema(0, 10_000_000).optional().describe('Items to skip; switches the answer to an ItemPage'),
    facets: z.enum(['true', 'false']).optional().describe('With paging: also count results by type, source, tag and category'),
  })
  .meta({ id: 'ItemListQuery' });

/**
 * Most results a page's total counts exactly. Counting every match of a common word at 100,000
 * items would cost more than the page itself; beyond this, a client says "more than 1,000".
 */
export const EXACT_TOTAL_LIMIT = 1000;

/** One page of `GET /items` results, when the request has `limit` or `offset`. */
export const ItemPageSchema = z
  .object({
    items: z.array(ListedItemSchema),
    total: z
      .number()
      .int()
      .describe(`Results of the whole query that the caller may see, counted up to ${EXACT_TOTAL_LIMIT}; see totalExact`),
    totalExact: z
      .boolean()
      .describe(`False when there are more than ${EXACT_TOTAL_LIMIT} results: total is then ${EXACT_TOTAL_LIMIT}, a lower bound`),
    limit: z.number().int(),
    offset: z.number().int(),
    nextOffset: z.number().int().nullable().describe('Offset of the next page; null on the last page'),
    facets: z
      .object({
        type: z.record(z.string(), z.number().int()),
        source: z.record(z.string(), z.number().int()),
        tag: z.record(z.string(), z.number().int()),
        category: z.record(z.string(), z.number().int()),
      })
      .optional(),
  })
  .meta({ id: 'ItemPage' });
export type ItemPage = z.infer<typeof ItemPageSchema>;
export type ItemListQuery = z.infer<typeof ItemListQuerySchema>;

export const TextAnswerSchema = z.string().meta({ id: 'TextAnswer' });

/** Response to starring or unstarring an item. */
export const StarStateSchema = z
  .object({ starred: z.boolean(), starNumber: z.number().int().describe('Stars the item has now, from all users') })
  .meta({ id: 'StarState' });
export type StarState = z.infer<typeof StarStateSchema>;

/** Response to recording a launch of an item. */
export const UseResultSchema = z
  .object({
    counted: z.boolean().describe('False when the same user launched this item within the counting window'),
    useNumber: z.number().int(),
  })
  .meta({ id: 'UseResult' });
export type UseResult = z.infer<typeof UseResultSchema>;

/** The fields of an item that a revision keeps. */
export const REVISED_FIELDS = [
  'name', 'author', 'type', 'isPublic', 'isPrivate', 'groupList', 'dataType', 'dataUrl', 'categories', 'tags', 'summary', 'description', 'protocol', 'status',
] as const;

export const RevisionSummarySchema = z
  .object({
    revision: z.number().int().describe('1 for the state before the first change, counting up'),
    changedBy: z.string().describe('User whose change replaced this revision'),
    changedAt: TimestampSchema.describe('When this revision was replaced'),
  })
  .meta({ id: 'RevisionSummary' });
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

export const RevisionSchema = RevisionSummarySchema.extend({
  item: z.record(z.string(), z.unknown()).describe('The item as it was: name, summary, description, protocol and the other edited fields'),
}).meta({ id: 'Revision' });
export type Revision = z.infer<typeof RevisionSchema>;

/** A line diff: each line kept (` `), removed (`-`) or added (`+`). */
export const LineDiffSchema = z.array(z.object({ op: z.enum([' ', '-', '+']), line: z.string() })).meta({ id: 'LineDiff' });
export type LineDiff = z.infer<typeof LineDiffSchema>;

export const RevisionDiffSchema = z
  .object({
    from: z.string().describe('A revision number, or `current`'),
    to: z.string(),
    protocol: LineDiffSchema,
    description: LineDiffSchema,
    changedFields: z.array(z.string()).describe('Other fields that differ'),
  })
  .meta({ id: 'RevisionDiff' });
export type RevisionDiff = z.infer<typeof RevisionDiffSchema>;

export const RevisionDiffQuerySchema = z
  .object({
    from: z.string().regex(/^(\d{1,9}|current)$/, { error: 'must be a revision number or "current"' }),
    to: z.string().regex(/^(\d{1,9}|current)$/, { error: 'must be a revision number or "current"' }).default('current'),
  })
  .meta({ id: 'RevisionDiffQuery' });
