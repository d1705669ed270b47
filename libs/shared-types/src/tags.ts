import { z } from 'zod';

import { ShortTextSchema, TimestampSchema } from './common';

export const TagSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    color: z.string().nullable(),
    description: z.string().nullable(),
    extras: z.string().nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Tag' });
export type Tag = z.infer<typeof TagSchema>;

export const CreateTagRequestSchema = z
  .object({
    name: ShortTextSchema.min(1),
    color: ShortTextSchema.nullable().optional(),
    description: ShortTextSchema.nullable().optional(),
    extras: z.string().max(65536).nullable().optional(),
  })
  .meta({ id: 'CreateTagRequest' });
export type CreateTagRequest = z.infer<typeof CreateTagRequestSchema>;

export const UpdateTagRequestSchema = CreateTagRequestSchema.partial().meta({ id: 'UpdateTagRequest' });
export type UpdateTagRequest = z.infer<typeof UpdateTagRequestSchema>;

/** A tag as listed by `GET /items/{itemId}/tag`, with the link row the original nested in it. */
export const LinkedTagSchema = TagSchema.extend({
  ItemTagRelation: z.object({
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    MarketplaceItemId: z.string(),
    ItemTagId: z.string(),
  }),
}).meta({ id: 'LinkedTag' });
export type LinkedTag = z.infer<typeof LinkedTagSchema>;
