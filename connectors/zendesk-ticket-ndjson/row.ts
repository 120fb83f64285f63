// One line of Zendesk's full JSON export of tickets (one ticket object per line), in the API's own keys.
export { ZendeskTicket as ZendeskTicketNdjsonRow } from '../zendesk-common.js';
export type { ZendeskTicket as ZendeskTicketNdjsonRowType } from '../zendesk-common.js';
