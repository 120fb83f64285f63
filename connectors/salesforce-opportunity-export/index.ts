// Salesforce Opportunity records (a plain object export): creation, close, current owner and links of each deal.
import { defineConnector } from '../../src/ingest/connector.js';
import { cell, isClosedStage, isTrue, objectExportEvents, recordLinks } from '../salesforce-common.js';
import { SalesforceOpportunityRow } from './row.js';

/** Lookups of an Opportunity that name other Salesforce records (accounts, contacts, campaigns). */
const LOOKUPS = ['AccountId', 'ContactId', 'CampaignId'];

export default defineConnector({
  meta: {
    id: 'salesforce-opportunity-export',
    tool: 'Salesforce',
    system: 'salesforce',
    systemKind: 'crm',
    description: 'Salesforce Opportunity records exported by Data Loader or the weekly Data Export (Opportunity.csv): created, closed, current stage and owner, link fields',
    format: 'csv',
    columns: {
      required: ['Id', 'Name', 'StageName', 'CloseDate', 'CreatedDate'],
      optional: [
        'AccountId', 'Amount', 'IsClosed', 'IsWon', 'OwnerId', 'CreatedById', 'CreatedBy.Name', 'LastModifiedDate',
        'LastModifiedById', 'ContactId', 'CampaignId', 'IsDeleted', 'Probability', 'ForecastCategory', 'Type', 'LeadSource',
        'ExpectedRevenue', 'SystemModstamp', 'LastStageChangeDate', 'Pricebook2Id', 'CurrencyIsoCode',
      ],
    },
    emits: ['created', 'resolved'],
    timeZone: 'UTC: Data Loader and Data Export write `2023-01-05T10:12:33.000Z`; CloseDate is a date, read as midnight in --tz (default UTC)',
    docs: [
      'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm',
      'https://developer.salesforce.com/docs/atlas.en-us.dataLoader.meta/dataLoader/supported_data_types.htm',
      'https://help.salesforce.com/s/articleView?id=sf.admin_exportdata.htm',
    ],
  },
  row: SalesforceOpportunityRow,

  toEvents(row, ctx) {
    const created = ctx.time(row.CreatedDate, 'CreatedDate');
    const stage = cell(row, 'StageName');
    const isClosed = row.IsClosed !== undefined ? isTrue(cell(row, 'IsClosed')) : isClosedStage(stage, ctx.options);
    // an open opportunity's CloseDate is a forecast, not an event; a closed one's is when it closed
    const closed = isClosed ? ctx.time(cell(row, 'CloseDate'), 'CloseDate') : undefined;
    if (!created || (isClosed && !closed)) return [];

    const owner = cell(row, 'OwnerId');
    const won = row.IsWon === undefined ? undefined : isTrue(cell(row, 'IsWon'));
    // the export is a snapshot: the owner and stage are today's, written as `key=value` in detail
    return objectExportEvents(
      ctx,
      row,
      { systemKind: 'crm', type: 'Opportunity', links: recordLinks(row, LOOKUPS, ctx.options) },
      created,
      closed ? { at: closed, field: 'StageName', to: stage, detail: won === undefined ? undefined : won ? 'won' : 'lost' } : undefined,
      [owner ? `owner=${owner}` : undefined, stage ? `stage=${stage}` : undefined],
    );
  },
});
