// One Zap run of Zapier's `GET /v2/zap-runs` page (`ZapRun` in the Partner API schema), field names verbatim.
import { z } from 'zod';

export const ZapRunStep = z
  .object({
    status: z.string().nullable().optional(),
    start_time: z.string().nullable().optional(),
  })
  .passthrough();

export const ZapRun = z
  .object({
    /** Zap Run ID (uuid) */
    id: z.string().trim().min(1),
    /** Associated Zap ID */
    zap_id: z.union([z.number().int(), z.string().trim().min(1)]),
    start_time: z.string().nullable().optional(),
    end_time: z.string().nullable().optional(),
    /** lower-case API status (`success`, `error`, `halted`…); the Zap history UI's names are accepted too */
    status: z.string().trim().min(1),
    /** the title of the Zap at the time it ran */
    zap_title: z.string().nullable().optional(),
    steps: z.array(ZapRunStep).nullable().optional(),
    data_in: z.unknown().optional(),
    data_out: z.unknown().optional(),
  })
  .passthrough();
export type ZapRun = z.infer<typeof ZapRun>;

/** The documented example wraps each page in an array: `[{ links, meta, data: [ZapRun…] }]`. */
export const ZapRunsPage = z
  .object({
    data: z.array(z.unknown()),
    links: z.unknown().optional(),
    meta: z.unknown().optional(),
  })
  .passthrough();
export type ZapRunsPage = z.infer<typeof ZapRunsPage>;

/**
 * What the runtime hands over: any object. `toEvents` tells a run from a wrapped page and validates each
 * run with `ZapRun`, so a reject names the field at fault instead of a union mismatch.
 */
export const ZapierZapRunsRow = z.record(z.string(), z.unknown());
export type ZapierZapRunsRow = z.infer<typeof ZapierZapRunsRow>;
