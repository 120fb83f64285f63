// Zendesk tickets API page ({ tickets, next_page, count }): each current ticket → created, assignments, resolved, links.
import { defineConnector } from '../../src/ingest/connector.js';
import { DOCS, SYSTEM, SYSTEM_KIND, TICKET_OPTIONAL_FIELDS, TICKET_REQUIRED_FIELDS, ticketEvents } from '../zendesk-common.js';
import { ZendeskTicketJsonRow } from './row.js';

export default defineConnector({
  meta: {
    id: 'zendesk-ticket-json',
    tool: 'Zendesk Support',
    system: SYSTEM,
    systemKind: SYSTEM_KIND,
    description:
      'Tickets API page { tickets, next_page, previous_page, count } (GET /api/v2/tickets.json, also the incremental ticket export { tickets, end_time, end_of_stream }): one current ticket per record',
    format: 'json',
    recordsKey: 'tickets',
    pageKeys: ['next_page', 'previous_page', 'count', 'end_time', 'end_of_stream', 'after_cursor', 'meta', 'links'],
    columns: { required: TICKET_REQUIRED_FIELDS, optional: TICKET_OPTIONAL_FIELDS },
    emits: ['created', 'owner-changed', 'resolved'],
    timeZone: 'ISO 8601 UTC (`2009-07-20T22:55:29Z`)',
    docs: [DOCS.tickets, DOCS.incremental, DOCS.viaTypes],
  },
  row: ZendeskTicketJsonRow,
  toEvents: (row, ctx) => ticketEvents(row, ctx),
});
