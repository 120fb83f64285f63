// One job of Workato's `GET /api/recipes/:recipe_id/jobs` page (`items[]`), field names verbatim; the extra
// fields of `GET /api/recipes/:recipe_id/jobs/:job_handle` (status, is_repeat, master_job_id…) are read when present.
import { z } from 'zod';

const text = z.union([z.string(), z.number()]).nullable().optional();

export const WorkatoJobRow = z
  .object({
    /** job handle (`j-KGAKfhsz-GYoLe`) in current pages, a number in older ones */
    id: z.union([z.string().trim().min(1), z.number()]),
    flow_run_id: text,
    started_at: z.string().nullable().optional(),
    completed_at: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    is_poll_error: z.boolean().nullable().optional(),
    /** plain text, or JSON text of `{ error_type, message, error_id, input }` */
    error: z.string().nullable().optional(),
    error_parts: z
      .object({ error_type: z.string().optional(), message: z.string().optional(), error_id: z.string().optional() })
      .passthrough()
      .nullable()
      .optional(),
    is_error: z.boolean().nullable().optional(),
    // `Get a job` fields
    handle: text,
    recipe_id: text,
    status: z.string().nullable().optional(),
    is_repeat: z.boolean().nullable().optional(),
    is_test: z.boolean().nullable().optional(),
    master_job_id: text,
    master_job_handle: text,
    calling_recipe_id: text,
    calling_job_id: text,
    calling_job_handle: text,
  })
  .passthrough();
export type WorkatoJobRow = z.infer<typeof WorkatoJobRow>;
