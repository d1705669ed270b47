import { z } from 'zod';

import { ShortTextSchema, TimestampSchema } from './common';

/** A blob-storage connection record. Holds secrets, so only admins ever receive one. */
export const BlobSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    storageAccount: z.string(),
    containerName: z.string(),
    connectionStrings: z.array(z.string()),
    tokens: z.array(z.string()).nullable(),
    users: z.array(z.string()).nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Blob' });
export type Blob = z.infer<typeof BlobSchema>;

const SecretListSchema = z.array(z.string().max(65536)).max(100);

export const CreateBlobRequestSchema = z
  .object({
    type: ShortTextSchema.min(1),
    storageAccount: ShortTextSchema.min(1),
    containerName: ShortTextSchema.min(1),
    connectionStrings: SecretListSchema,
    tokens: SecretListSchema.nullable().optional(),
    users: z.array(ShortTextSchema).max(10000).nullable().optional(),
  })
  .meta({ id: 'CreateBlobRequest' });
export type CreateBlobRequest = z.infer<typeof CreateBlobRequestSchema>;

export const UpdateBlobRequestSchema = CreateBlobRequestSchema.partial().meta({ id: 'UpdateBlobRequest' });
export type UpdateBlobRequest = z.infer<typeof UpdateBlobRequestSchema>;

/** Filters of `GET /storages/blobs`; `user` and `username` both mean "lists this user". */
export const BlobListQuerySchema = z
  .object({
    type: ShortTextSchema.optional(),
    storageAccount: ShortTextSchema.optional(),
    containerName: ShortTextSchema.optional(),
    user: ShortTextSchema.optional(),
    username: ShortTextSchema.optional(),
  })
  .meta({ id: 'BlobListQuery' });
export type BlobListQuery = z.infer<typeof BlobListQuerySchema>;
