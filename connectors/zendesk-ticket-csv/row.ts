// One row of Zendesk's ticket CSV export (Admin Center > Account > Tools > Reports > Export > CSV), in its own column names.
import { z } from 'zod';

/** The export's fixed columns, in the order Zendesk writes them; custom fields follow as `<Title> [list]`, `[txt]`, `[flag]`, `[dec]`, `[int]`… */
export const STANDARD_COLUMNS = [
  'Summation column',
  'Id',
  'Requester',
  'Requester id',
  'Requester external id',
  'Requester email',
  'Requester domain',
  'Submitter',
  'Assignee',
  'Group',
  'Subject',
  'Tags',
  'Status',
  'Priority',
  'Via',
  'Ticket type',
  'Created at',
  'Updated at',
  'Assigned at',
  'Organization',
  'Due date',
  'Initially assigned at',
  'Solved at',
  'Resolution time',
  'Satisfaction Score',
  'Group stations',
  'Assignee stations',
  'Reopens',
  'Replies',
  'First reply time in minutes',
  'First reply time in minutes within business hours',
  'First resolution time in minutes',
  'First resolution time in minutes within business hours',
  'Full resolution time in minutes',
  'Full resolution time in minutes within business hours',
  'Agent wait time in minutes',
  'Agent wait time in minutes within business hours',
  'Requester wait time in minutes',
  'Requester wait time in minutes within business hours',
  'On hold time in minutes',
  'On hold time in minutes within business hours',
] as const;

export const REQUIRED_COLUMNS = ['Summation column', 'Id', 'Created at', 'Group stations', 'Assignee stations'] as const;

const Cell = z.string();

/** Fixed columns are cells (empty when absent); custom-field columns pass through under their titles. */
export const ZendeskTicketCsvRow = z
  .object({
    Id: Cell,
    'Created at': Cell,
    'Group stations': Cell,
    'Assignee stations': Cell,
    ...Object.fromEntries(
      STANDARD_COLUMNS.filter((name) => !['Id', 'Created at', 'Group stations', 'Assignee stations'].includes(name)).map((name) => [name, Cell.optional()]),
    ),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));
export type ZendeskTicketCsvRow = z.infer<typeof ZendeskTicketCsvRow>;
