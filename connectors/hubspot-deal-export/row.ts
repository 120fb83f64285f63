// One row of a HubSpot deal export (CRM > Deals > Export): columns are property labels of the view.
import { z } from 'zod';

const text = z.string();

export const HubspotDealExportRow = z
  .object({
    'Record ID': text.min(1),
    'Deal Name': text.optional(),
    'Deal Stage': text.optional(),
    Pipeline: text.optional(),
    'Close Date': text.optional(),
    'Create Date': text.optional(),
    'Deal owner': text.optional(),
    Amount: text.optional(),
  })
  // `Date entered "<Stage> (<Pipeline>)"` and every other view column arrive under their own header
  .catchall(z.union([text, z.array(text)]));
export type HubspotDealExportRow = z.infer<typeof HubspotDealExportRow>;

/** `Date entered "Closed Won (Sales Pipeline)"`: the stage-tracking columns, stage and pipeline in the header text. */
export const STAGE_COLUMN = /^Date (entered|exited) ["“](.+) \((.+)\)["”]$/;

/** Association columns: `Associated Company IDs`, `Associated Contact IDs`… hold `;`-separated record ids. */
export const ASSOCIATION_COLUMN = /^Associated (.+) IDs$/i;
