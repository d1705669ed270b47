import { z } from 'zod';

/**
 * Identifier of an item, tag, category or blob record. The original server seeded rows with
 * short ids such as "1"; rows created here get UUIDs. Control characters, markup, path
 * separators and the names "." and ".." are rejected so that an id can be echoed in an error
 * message safely.
 */
export const ResourceIdSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._~-]+$/, 'must contain only letters, digits, ".", "_", "~" and "-"')
  .refine((id) => !/^\.+$/.test(id), 'must not consist of dots only, because a path reads "." and ".." as folders');

/** Text column of the original schema: `character varying(255)`. */
export const ShortTextSchema = z.string().max(255);

/** Timestamps are sent as ISO-8601 UTC strings with milliseconds. */
export const TimestampSchema = z.iso.datetime();

/** Body of every 4xx and 5xx response. */
export const ErrorBodySchema = z
  .object({
    code: z.string().describe('Stable machine-readable code, e.g. `item_not_found`'),
    message: z.string().describe('One sentence naming the field or the problem'),
    details: z
      .array(
        z.object({
          field: z.string().optional(),
          line: z.number().int().optional(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'ErrorBody' });

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type ErrorDetail = NonNullable<ErrorBody['details']>[number];

/** Response of every create route: the id of the new row. */
export const CreatedSchema = z.object({ id: z.string() }).meta({ id: 'Created' });
export type Created = z.infer<typeof CreatedSchema>;
