import { z } from 'zod';

/** Authenticated user, with the groups and admin flag read from OpenPAI. */
export const CallerSchema = z
  .object({
    username: z.string(),
    admin: z.boolean(),
    groups: z.array(z.string()).describe("OpenPAI's `grouplist` of the user"),
  })
  .meta({ id: 'Caller' });
export type Caller = z.infer<typeof CallerSchema>;

/** A user of the development identity provider, with a token usable as `Authorization: Bearer`. */
export const DevUserSchema = CallerSchema.extend({ token: z.string() }).meta({ id: 'DevUser' });
export type DevUser = z.infer<typeof DevUserSchema>;
