// Salesforce Case records (a plain object export): creation, closing, current owner or queue, links of each case.
import { defineConnector } from '../../src/ingest/connector.js';
import { cell, isClosedStatus, isQueueId, isTrue, objectExportEvents, recordLinks } from '../salesforce-common.js';
import { SalesforceCaseRow } from './row.js';

/** Lookups of a Case that name other Salesforce records. */
const LOOKUPS = ['AccountId', 'ContactId', 'ParentId', 'AssetId'];

export default defineConnector({
  meta: {
    id: 'salesforce-case-export',
    tool: 'Salesforce',
    system: 'salesforce',
    systemKind: 'support',
    description: 'Salesforce Case records exported by Data Loader or the weekly Data Export (Case.csv): created, closed, current status, owner and escalation, link fields',
    format: 'csv',
    columns: {
      required: ['Id', 'CaseNumber', 'Status', 'CreatedDate'],
      optional: [
        'AccountId', 'ContactId', 'ParentId', 'AssetId', 'Priority', 'Origin', 'OwnerId', 'IsEscalated', 'IsClosed', 'ClosedDate',
        'CreatedById', 'CreatedBy.Name', 'LastModifiedDate', 'LastModifiedById', 'IsDeleted', 'Subject', 'Type', 'Reason',
        'SuppliedEmail', 'SystemModstamp', 'MasterRecordId', 'RecordTypeId', 'EntitlementId', 'BusinessHoursId',
      ],
    },
    emits: ['created', 'resolved'],
    timeZone: 'UTC: Data Loader and Data Export write `2023-01-05T10:12:33.000Z`',
    docs: [
      'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm',
      'https://developer.salesforce.com/docs/atlas.en-us.dataLoader.meta/dataLoader/supported_data_types.htm',
      'https://help.salesforce.com/s/articleView?id=sf.admin_exportdata.htm',
    ],
  },
  row: SalesforceCaseRow,

  toEvents(row, ctx) {
    const created = ctx.time(row.CreatedDate, 'CreatedDate');
    const status = cell(row, 'Status');
    const isClosed = row.IsClosed !== undefined ? isTrue(cell(row, 'IsClosed')) : isClosedStatus(status, ctx.options);
    const closed = isClosed ? ctx.time(cell(row, 'ClosedDate'), 'ClosedDate') : undefined;
    if (!created || (isClosed && !closed)) return [];

    const owner = cell(row, 'OwnerId');
    // the export is a snapshot: owner, status, origin and escalation are today's, as `key=value` in detail
    return objectExportEvents(
      ctx,
      row,
      { systemKind: 'support', type: 'Case', links: recordLinks(row, LOOKUPS, ctx.options) },
      created,
      // a queue still owning a closed case is the team that held it at the close
      closed ? { at: closed, field: 'Status', to: status, team: isQueueId(owner) ? owner : undefined } : undefined,
      [
        row.CaseNumber ? `number=${row.CaseNumber.trim()}` : undefined,
        owner ? `owner=${owner}` : undefined,
        status ? `status=${status}` : undefined,
        cell(row, 'Origin') ? `origin=${cell(row, 'Origin')}` : undefined,
        isTrue(cell(row, 'IsEscalated')) ? 'escalated=true' : undefined,
      ],
    );
  },
});
