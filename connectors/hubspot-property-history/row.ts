// One record of a HubSpot CRM v3 read with `propertiesWithHistory` (list, batch read or search page `results`).
import { z } from 'zod';

/** One stored value of a property: newest first in each list. */
export const PropertyVersion = z
  .object({
    value: z.string().nullable().optional(),
    timestamp: z.string(),
    sourceType: z.string().optional(),
    sourceId: z.string().nullable().optional(),
    sourceLabel: z.string().nullable().optional(),
    updatedByUserId: z.union([z.number(), z.string()]).nullable().optional(),
  })
  .passthrough();
export type PropertyVersion = z.infer<typeof PropertyVersion>;

export const HubspotPropertyHistoryRow = z
  .object({
    id: z.union([z.string().min(1), z.number()]),
    properties: z.record(z.string(), z.string().nullable()).optional(),
    propertiesWithHistory: z.record(z.string(), z.array(PropertyVersion)),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    archived: z.boolean().optional(),
  })
  .passthrough();
export type HubspotPropertyHistoryRow = z.infer<typeof HubspotPropertyHistoryRow>;
