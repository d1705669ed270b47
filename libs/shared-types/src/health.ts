import { z } from 'zod';

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'not ready']),
    checks: z
      .record(z.string(), z.object({ ok: z.boolean(), message: z.string().optional() }))
      .optional(),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;
