// Zendesk full JSON export of tickets (one ticket object per line): each ticket → created, assignments, resolved, links.
import { defineConnector } from '../../src/ingest/connector.js';
import { DOCS, SYSTEM, SYSTEM_KIND, TICKET_OPTIONAL_FIELDS, TICKET_REQUIRED_FIELDS, ticketEvents } from '../zendesk-common.js';
import { ZendeskTicketNdjsonRow } from './row.js';

export default defineConnector({
  meta: {
    id: 'zendesk-ticket-ndjson',
    tool: 'Zendesk Support',
    system: SYSTEM,
    systemKind: SYSTEM_KIND,
    description:
      'Full JSON export of tickets (Admin Center > Account > Tools > Reports > Export > JSON): one API-shaped ticket object per line, delivered as .json',
    format: 'ndjson',
    columns: { required: TICKET_REQUIRED_FIELDS, optional: TICKET_OPTIONAL_FIELDS },
    emits: ['created', 'owner-changed', 'resolved'],
    timeZone: 'ISO 8601 UTC (`2009-07-20T22:55:29Z`)',
    docs: [DOCS.dataExport, DOCS.tickets, DOCS.viaTypes],
  },
  row: ZendeskTicketNdjsonRow,
  toEvents: (row, ctx) => ticketEvents(row, ctx),
});
