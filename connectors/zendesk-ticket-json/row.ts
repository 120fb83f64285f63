// One ticket of a Zendesk tickets API page (`tickets[]` of GET /api/v2/tickets.json or /api/v2/incremental/tickets.json), in the API's own keys.
export { ZendeskTicket as ZendeskTicketJsonRow } from '../zendesk-common.js';
export type { ZendeskTicket as ZendeskTicketJsonRowType } from '../zendesk-common.js';
