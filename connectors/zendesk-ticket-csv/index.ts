// Zendesk ticket CSV export: one current ticket per row → created, first/latest assignment, resolved, with links.
import { defineConnector } from '../../src/ingest/connector.js';
import { inferDateOrder } from '../../src/ingest/timestamps.js';
import { normaliseHeader } from '../../src/ingest/connector.js';
import {
  DOCS,
  SYSTEM,
  SYSTEM_KIND,
  countOf,
  externalIdLink,
  isExcelDamagedId,
  linkFrom,
  settingsOf,
  snapshotEvents,
  uniqueLinks,
} from '../zendesk-common.js';
import type { RecordLink } from '../../src/model/index.js';
import { REQUIRED_COLUMNS, STANDARD_COLUMNS, ZendeskTicketCsvRow } from './row.js';

const STANDARD = new Set(STANDARD_COLUMNS.map(normaliseHeader));

/** Per file: whether a column is a custom field (not one of the export's fixed columns), memoised per name. */
export interface ZendeskTicketCsvPrepared {
  isCustom: (column: string) => boolean;
}

export default defineConnector({
  meta: {
    id: 'zendesk-ticket-csv',
    tool: 'Zendesk Support',
    system: SYSTEM,
    systemKind: SYSTEM_KIND,
    description:
      'Ticket CSV export (Admin Center > Account > Tools > Reports > Export > CSV): one row per ticket with handoff counts (Group stations, Assignee stations, Reopens) and custom fields as "<Title> [list]"',
    format: 'csv',
    columns: { required: [...REQUIRED_COLUMNS], optional: STANDARD_COLUMNS.filter((name) => !(REQUIRED_COLUMNS as readonly string[]).includes(name)) },
    emits: ['created', 'owner-changed', 'resolved'],
    timeZone: 'zone-less `YYYY-MM-DD HH:mm` in the account time zone: set --tz (default UTC)',
    docs: [DOCS.dataExport],
  },
  row: ZendeskTicketCsvRow,

  prepare({ sample }) {
    const dates = sample.map((row) => String((row as Record<string, unknown>)['Created at'] ?? ''));
    // normalising every column name on every row was a visible share of the row time
    const custom = new Map<string, boolean>();
    const prepared: ZendeskTicketCsvPrepared = {
      isCustom(column) {
        let answer = custom.get(column);
        if (answer === undefined) custom.set(column, (answer = !STANDARD.has(normaliseHeader(column))));
        return answer;
      },
    };
    return { ok: true, value: prepared, dateOrder: inferDateOrder(dates) };
  },

  toEvents(row, ctx) {
    const settings = settingsOf(ctx.options);
    const cell = (name: string): string | undefined => {
      const value = row[name];
      const text = Array.isArray(value) ? value[0] : value;
      return text === undefined || text.trim() === '' ? undefined : text.trim();
    };
    const id = cell('Id');
    if (!id) {
      ctx.reject('row/missing-value', 'Id', 'Id is empty');
      return [];
    }
    if (!/^\d+$/.test(id)) {
      ctx.reject('row/invalid', 'Id', `Id "${id.slice(0, 40)}" is not a ticket number${isExcelDamagedId(id) ? ' (Excel scientific notation)' : ''}`);
      return [];
    }

    const external = cell('Requester external id');
    if (external && isExcelDamagedId(external)) {
      ctx.warn('row/invalid', 'Requester external id', `Requester external id "${external}" was turned into scientific notation by Excel; the link is lost`);
    }
    const found: (RecordLink | undefined)[] = [externalIdLink('Requester external id', external, settings)];
    // custom fields: every column that is not one of the export's fixed columns
    const { isCustom } = ctx.prepared as ZendeskTicketCsvPrepared;
    for (const name in row) if (isCustom(name)) found.push(linkFrom(name, cell(name), settings));
    const links = uniqueLinks(found);

    return snapshotEvents(
      {
        id,
        fields: { created: 'Created at', solved: 'Solved at', initiallyAssigned: 'Initially assigned at', assigned: 'Assigned at' },
        createdAt: cell('Created at'),
        solvedAt: cell('Solved at'),
        initiallyAssignedAt: cell('Initially assigned at'),
        assignedAt: cell('Assigned at'),
        status: cell('Status'),
        group: cell('Group'),
        assignee: cell('Assignee'),
        creator: cell('Submitter'),
        via: cell('Via'),
        // snapshotEvents treats an undefined count as an absent one
        groupStations: countOf(cell('Group stations')),
        assigneeStations: countOf(cell('Assignee stations')),
        reopens: countOf(cell('Reopens')),
        links,
      },
      ctx,
    );
  },
});
