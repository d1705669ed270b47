import { z } from 'zod';

import { ShortTextSchema, TimestampSchema } from './common';

/** Name of the category that only admins may attach, and whose items only admins may change. */
export const OFFICIAL_EXAMPLE_CATEGORY = 'official example';

export const CategorySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    extras: z.string().nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof CategorySchema>;

export const CreateCategoryRequestSchema = z
  .object({
    name: ShortTextSchema.min(1),
    description: ShortTextSchema.nullable().optional(),
    extras: z.string().max(65536).nullable().optional(),
  })
  .meta({ id: 'CreateCategoryRequest' });
export type CreateCategoryRequest = z.infer<typeof CreateCategoryRequestSchema>;

export const UpdateCategoryRequestSchema = CreateCategoryRequestSchema.partial().meta({
  id: 'UpdateCategoryRequest',
});
export type UpdateCategoryRequest = z.infer<typeof UpdateCategoryRequestSchema>;

/** A category as listed by `GET /items/{itemId}/category`, with its link row nested. */
export const LinkedCategorySchema = CategorySchema.extend({
  ItemCategoryRelation: z.object({
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    MarketplaceItemId: z.string(),
    ItemCategoryId: z.string(),
  }),
}).meta({ id: 'LinkedCategory' });
export type LinkedCategory = z.infer<typeof LinkedCategorySchema>;
