// Salesforce OpportunityHistory: stage snapshots, one row each time Amount, Probability, StageName or CloseDate changes.
import { defineConnector } from '../../src/ingest/connector.js';
import type { EventDraft } from '../../src/model/index.js';
import { actorOf, cell } from '../salesforce-common.js';
import { SalesforceOpportunityHistoryRow } from './row.js';

/** Marks a stage event read from a snapshot: `from` is unknown, and a repeat of the stage is no transition. */
export const SNAPSHOT = 'snapshot';

/** Amounts compare as numbers (`15000` = `15000.0`); anything unreadable compares as text. */
function sameAmount(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x === y : a === b;
}

export default defineConnector({
  meta: {
    id: 'salesforce-opportunity-history',
    tool: 'Salesforce',
    system: 'salesforce',
    systemKind: 'crm',
    description: 'Salesforce OpportunityHistory stage snapshots (StageName, Amount, CloseDate, Probability, PrevAmount, PrevCloseDate) exported by Data Loader or the weekly Data Export',
    format: 'csv',
    columns: {
      required: ['Id', 'OpportunityId', 'StageName', 'CreatedDate'],
      optional: [
        'Amount', 'ExpectedRevenue', 'CloseDate', 'Probability', 'ForecastCategory', 'PrevAmount', 'PrevCloseDate',
        'CreatedById', 'CreatedBy.Name', 'SystemModstamp', 'IsDeleted', 'CurrencyIsoCode',
      ],
    },
    emits: ['state-changed', 'field-changed'],
    timeZone: 'UTC: Data Loader and Data Export write `2023-01-05T10:12:33.000Z`; CloseDate is a date (`2023-03-31`)',
    docs: [
      'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunityhistory.htm',
      'https://developer.salesforce.com/docs/atlas.en-us.dataLoader.meta/dataLoader/supported_data_types.htm',
      'https://help.salesforce.com/s/articleView?id=sf.admin_exportdata.htm',
    ],
  },
  row: SalesforceOpportunityHistoryRow,

  toEvents(row, ctx) {
    const at = ctx.time(row.CreatedDate, 'CreatedDate');
    if (!at) return [];
    // plain literals, not `{ ...base, … }`: the spread was most of this connector's time per row
    const record = { type: 'Opportunity', id: row.OpportunityId.trim() };
    const actor = actorOf(ctx, cell(row, 'CreatedById'), cell(row, 'CreatedBy.Name'));
    const system = 'salesforce';
    const systemKind = 'crm' as const;
    // each row is a snapshot: the stage it shows may equal the previous row's, so `from` stays unknown
    // and correlation orders the snapshots of an opportunity to find the real transitions
    const events: EventDraft[] = [
      { at, system, systemKind, record, actor, kind: 'state-changed', field: 'StageName', to: row.StageName.trim(), detail: SNAPSHOT },
    ];
    // PrevAmount and PrevCloseDate (API 50+) say what changed in this very row
    const amount = cell(row, 'Amount');
    const prevAmount = cell(row, 'PrevAmount');
    if (prevAmount !== undefined && amount !== undefined && !sameAmount(prevAmount, amount)) {
      events.push({ at, system, systemKind, record, actor, kind: 'field-changed', field: 'Amount', from: prevAmount, to: amount });
    }
    const closeDate = cell(row, 'CloseDate');
    const prevCloseDate = cell(row, 'PrevCloseDate');
    if (prevCloseDate !== undefined && closeDate !== undefined && prevCloseDate !== closeDate) {
      events.push({ at, system, systemKind, record, actor, kind: 'field-changed', field: 'CloseDate', from: prevCloseDate, to: closeDate });
    }
    return events;
  },
});
