// One row of Jira's issue search CSV export ("Export > Export CSV (all fields)"), in Jira's own column names.
import { z } from 'zod';

const cell = z.string().optional();
const cells = z.array(z.string()).optional();

/** Columns this connector reads; the runtime matches them ignoring case (`Due date` = `Due Date`). */
export const JIRA_CSV_COLUMNS = {
  required: ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Created'],
  optional: [
    'Project key',
    'Project name',
    'Project lead',
    'Project lead id',
    'Priority',
    'Resolution',
    'Assignee',
    'Assignee Id',
    'Reporter',
    'Reporter Id',
    'Creator',
    'Creator Id',
    'Updated',
    'Last Viewed',
    'Resolved',
    'Due Date',
    'Status Category',
    'Status Category Changed',
    'Parent',
    'Parent id',
    'Parent key',
    'Description',
    'Custom field (Team)',
    'Custom field (Zendesk Ticket IDs)',
    'Custom field (Zendesk Ticket Count)',
  ],
  // multi-value fields get one column per value, all under the same header
  repeated: [
    'Labels',
    'Sprint',
    'Component/s',
    'Components',
    'Fix Version/s',
    'Fix versions',
    'Affects Version/s',
    'Affects versions',
    'Watchers',
    'Watchers Id',
    'Attachment',
    'Comment',
    'Log Work',
  ],
} as const;

export const JiraCsvRow = z.looseObject({
  Summary: z.string(),
  'Issue key': z.string().trim().min(1),
  'Issue id': z.string(),
  'Issue Type': z.string(),
  Status: z.string(),
  Created: z.string().trim().min(1),
  'Project key': cell,
  Resolution: cell,
  Assignee: cell,
  'Assignee Id': cell,
  Reporter: cell,
  'Reporter Id': cell,
  Creator: cell,
  'Creator Id': cell,
  Updated: cell,
  Resolved: cell,
  'Status Category': cell,
  'Status Category Changed': cell,
  'Custom field (Team)': cell,
  Comment: cells,
});
export type JiraCsvRow = z.infer<typeof JiraCsvRow>;
