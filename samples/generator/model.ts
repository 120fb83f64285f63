// The vendor-neutral world the simulation produces: people, workflows and everything that happened to
// their records. Writers turn it into vendor exports; truth is computed from it.

export type Band = 'manage-in-place' | 'watch' | 'remediation-sprint';
export type Flow = 'deal-to-ticket' | 'ticket-to-issue' | 'issue-to-crm';
export const FLOWS: readonly Flow[] = ['deal-to-ticket', 'ticket-to-issue', 'issue-to-crm'];
export type RecoveryPath = 'replay' | 'manual-create' | 'manual-edit';

/** A person or an integration account, with an id in every system the company runs. */
export interface Person {
  key: string;
  name: string;
  email: string;
  team: string;
  /** true for the integration platform's service accounts */
  integration: boolean;
  /** a stable number the writers derive vendor ids from */
  n: number;
}

export type TicketStatus = 'new' | 'open' | 'pending' | 'solved' | 'closed';
export type IssueStatus = 'todo' | 'in-progress' | 'done';

export interface Change<F extends string = string> {
  at: number;
  actor: Person;
  field: F;
  old: string | null;
  new: string | null;
  /** why the change happened, for truth and for the `via` of support events */
  cause: 'work' | 'sync' | 'recovery' | 'reconciliation' | 'escalation' | 'merge' | 'duplicate';
}

export interface Comment {
  at: number;
  actor: Person;
  body: string;
  public: boolean;
}

export interface Ticket {
  /** sequential number (Zendesk id, ServiceNow INC number) */
  number: number;
  createdAt: number;
  createdBy: Person;
  via: 'api' | 'web' | 'email';
  /** the CRM id the ticket carries; undefined = planted missing link */
  externalId?: string;
  subject: string;
  group: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  goLive: string;
  changes: Change<'status' | 'group' | 'assignee' | 'priority' | 'tags' | 'go_live'>[];
  comments: Comment[];
  /** duplicates: the ticket number this one was merged into */
  mergedInto?: number;
  /** final state at export time */
  status: TicketStatus;
  assignee: Person | null;
  tags: string[];
  solvedAt?: number;
  updatedAt: number;
}

export interface DeliveryIssue {
  number: number;
  createdAt: number;
  createdBy: Person;
  /** CRM id in the custom field (or label); undefined = planted missing link */
  crmId?: string;
  ticketNumber: number;
  summary: string;
  goLive: string;
  changes: Change<'status' | 'assignee' | 'go_live'>[];
  status: IssueStatus;
  assignee: Person | null;
  startedAt?: number;
  doneAt?: number;
  updatedAt: number;
}

export interface Run {
  /** sequence within the company, for ids */
  seq: number;
  flow: Flow;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** a human replay of a failed run */
  replayOf?: number;
  by?: Person;
  sourceId: string;
  targetId?: string;
  error?: string;
}

export interface Failure {
  flow: Flow;
  runSeq: number;
  at: number;
  /** planted lag before the business-hours shift */
  plantedLagHours: number;
  detectedAt: number;
  detectedBy: Person;
  path: RecoveryPath;
  /** when the target record was finally created or updated */
  recoveredAt: number;
  ownerless: boolean;
  escalated: boolean;
}

export interface Workflow {
  index: number;
  crmId: string;
  dealName: string;
  account: string;
  amount: number;
  owner: Person;
  dealCreatedAt: number;
  /** stage name → entered at, in order */
  stages: { stage: string; at: number; actor: Person }[];
  closedWonAt: number;
  crmChanges: Change<'Delivery Status' | 'Go-Live Date'>[];
  tickets: Ticket[];
  issue?: DeliveryIssue;
  runs: Run[];
  failures: Failure[];
  missingLink?: 'ticket' | 'issue';
  doneAt?: number;
  /** hours the CRM or ticket still showed the old stage after delivery was done */
  disagreementHours: number;
}
