// One row of Linear's workspace CSV export (Settings → Import/Export → Export CSV): one issue as it is now.
import { z } from 'zod';

const cell = z.string().optional();

/** Columns every known shape of the export has (the 21-column shape of older exports, the 30- and 34-column shapes). */
export const LINEAR_REQUIRED = ['ID', 'Team', 'Title', 'Status', 'Priority', 'Creator', 'Assignee', 'Cycle Number', 'Created', 'Completed', 'Canceled'] as const;

export const LINEAR_OPTIONAL = [
  'Description',
  'Estimate',
  'Project ID',
  'Project',
  'Labels',
  'Cycle Name',
  'Cycle Start',
  'Cycle End',
  'Updated',
  'Started',
  'Triaged',
  'Archived',
  'Due Date',
  'Parent issue',
  'Initiatives',
  'Project Milestone ID',
  'Project Milestone',
  'SLA Status',
  'Roadmaps',
  'UUID',
  'Time in status (minutes)',
  'Related to',
  'Blocked by',
  'Blocks',
  'Duplicate of',
] as const;

export const LinearCsvRow = z.looseObject({
  /** the issue identifier, `ENG-123` */
  ID: z.string().trim().min(1),
  Team: cell,
  Title: cell,
  Status: cell,
  Priority: cell,
  Creator: cell,
  Assignee: cell,
  'Cycle Number': cell,
  Created: cell,
  Updated: cell,
  Started: cell,
  Triaged: cell,
  Completed: cell,
  Canceled: cell,
  Archived: cell,
  'Parent issue': cell,
  'SLA Status': cell,
  UUID: cell,
  'Duplicate of': cell,
});
export type LinearCsvRow = z.infer<typeof LinearCsvRow>;
