// Salesforce field history (CaseHistory, OpportunityFieldHistory, `<Object>History`): one row per tracked field change.
import { defineConnector, type ConnectorOptions, type RowContext } from '../../src/ingest/connector.js';
import type { EventDraft, EventKind } from '../../src/model/index.js';
import {
  actorOf,
  cell,
  isClosedStage,
  isClosedStatus,
  isQueueId,
  isSalesforceId,
  isTrue,
  linksOf,
  settingsOf,
  type SalesforceSettings,
} from '../salesforce-common.js';
import { perSettings } from '../per-settings.js';
import { PARENT_COLUMNS, SalesforceFieldHistoryRow } from './row.js';

/** `Field` values that change the owner: the field itself and CaseHistory's special values. */
const OWNER_FIELDS = new Set(['owner', 'ownerassignment', 'owneraccepted', 'ownerescalated']);
/** Standard lookups, written as a name row and an id row like `Owner`. */
const STANDARD_LOOKUPS = [
  'Account', 'Asset', 'BusinessHours', 'Campaign', 'Contact', 'Contract', 'ConvertedAccount', 'ConvertedContact',
  'ConvertedOpportunity', 'Entitlement', 'Lead', 'Opportunity', 'Parent', 'Pricebook2', 'Product2', 'RecordType',
  'ReportsTo', 'ServiceContract',
];
/** `Field` values that mark record creation. */
const CREATED_FIELDS = new Set(['created', 'opportunitycreatedfromlead']);

/** The parent record: the first parent column with a value, else any other `<Object>Id` column. */
function parentOf(row: SalesforceFieldHistoryRow, ctx: RowContext<unknown>): { column: string; type: string; id?: string } {
  const keys = Object.keys(row);
  const known = Object.keys(PARENT_COLUMNS) as (keyof typeof PARENT_COLUMNS)[];
  const present = known.filter((name) => keys.includes(name));
  const column =
    present.find((name) => cell(row, name)) ??
    present[0] ??
    keys.find((name) => /^[A-Za-z0-9_]+Id$/.test(name) && !['Id', 'CreatedById', 'LastModifiedById'].includes(name)) ??
    'ParentId';
  const named = PARENT_COLUMNS[column as keyof typeof PARENT_COLUMNS];
  const type = named === undefined ? column.replace(/Id$/, '') : named || settingsOf(ctx.options).parentType || 'CustomObject';
  return { column, type, id: cell(row, column) };
}

/**
 * True for the display-name row of a lookup change: Salesforce writes every lookup change twice
 * (names and ids, same parent, time and field); only the id row becomes an event.
 */
function isLookupNameRow(field: string, dataType: string | undefined, values: string[], lookups: Set<string>): boolean {
  if (values.length === 0 || values.every(isSalesforceId)) return false;
  return OWNER_FIELDS.has(field.toLowerCase()) || lookups.has(field.toLowerCase()) || dataType?.toLowerCase() === 'entityid';
}

/** The lookup `Field` values, lowercased. */
const lookupSets = perSettings((settings: SalesforceSettings) => new Set([...STANDARD_LOOKUPS, ...(settings.lookupFields ?? [])].map((name) => name.toLowerCase())));
function lookupsOf(options: ConnectorOptions): Set<string> {
  return lookupSets(options.settings);
}

export default defineConnector({
  meta: {
    id: 'salesforce-field-history',
    tool: 'Salesforce',
    system: 'salesforce',
    systemKind: 'crm',
    description:
      'Salesforce field history (CaseHistory, OpportunityFieldHistory, AccountHistory, LeadHistory, <Custom>__History) exported by Data Loader or the weekly Data Export',
    format: 'csv',
    columns: {
      required: ['Id', 'Field', 'OldValue', 'NewValue', 'CreatedDate', 'CreatedById'],
      optional: ['CreatedBy.Name', 'DataType', 'IsDeleted', ...Object.keys(PARENT_COLUMNS)],
    },
    emits: ['created', 'state-changed', 'owner-changed', 'field-changed', 'escalated', 'resolved', 'reopened'],
    timeZone: 'UTC: Data Loader and Data Export write `2023-01-05T10:12:33.000Z`',
    docs: [
      'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_casehistory.htm',
      'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunityfieldhistory.htm',
      'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_associated_objects_history.htm',
      'https://developer.salesforce.com/docs/atlas.en-us.dataLoader.meta/dataLoader/supported_data_types.htm',
      'https://help.salesforce.com/s/articleView?id=sf.admin_exportdata.htm',
    ],
  },
  row: SalesforceFieldHistoryRow,

  toEvents(row, ctx) {
    const parent = parentOf(row, ctx);
    if (!parent.id) {
      ctx.reject('row/missing-value', parent.column, `${parent.column} (the ${parent.type} the change belongs to) is empty`);
      return [];
    }
    const at = ctx.time(row.CreatedDate, 'CreatedDate');
    if (!at) return [];
    const field = row.Field.trim();
    const lower = field.toLowerCase();
    const from = cell(row, 'OldValue');
    const to = cell(row, 'NewValue');
    const lookups = lookupsOf(ctx.options);
    const dataType = cell(row, 'DataType');
    if (isLookupNameRow(field, dataType, [from, to].filter((v): v is string => v !== undefined), lookups)) return [];

    // Cases are the support desk of Service Cloud; every other history object is CRM
    const systemKind = parent.type === 'Case' ? ('support' as const) : ('crm' as const);
    const record = { type: parent.type, id: parent.id };
    const actor = actorOf(ctx, cell(row, 'CreatedById'), cell(row, 'CreatedBy.Name'));
    // plain literals with the optional keys set after, not `{ ...base, ...values, … }`: the spreads
    // were half of this connector's time per row
    const event = (kind: EventKind, eventField: string): EventDraft => {
      const draft: EventDraft = { at, system: 'salesforce', systemKind, record, actor, kind, field: eventField };
      if (from) draft.from = from;
      if (to) draft.to = to;
      return draft;
    };

    if (CREATED_FIELDS.has(lower)) {
      const created: EventDraft = { at, system: 'salesforce', systemKind, record, actor, kind: 'created' };
      if (lower !== 'created') created.detail = field;
      return [created];
    }

    if (OWNER_FIELDS.has(lower)) {
      const changed = event('owner-changed', 'Owner');
      if (isQueueId(to)) changed.team = to;
      // `ownerEscalated` is the owner change an escalation rule made; the escalation itself is the
      // `IsEscalated` change (written too when tracked), so one escalation never counts twice
      if (lower !== 'owner') changed.detail = field;
      return [changed];
    }

    if (lower === 'status' || lower === 'stagename') {
      const closed = (value: string | undefined) =>
        lower === 'status' ? isClosedStatus(value, ctx.options) : isClosedStage(value, ctx.options);
      const events: EventDraft[] = [event('state-changed', field)];
      if (closed(to) && !closed(from)) events.push(event('resolved', field));
      if (closed(from) && !closed(to)) events.push(event('reopened', field));
      return events;
    }

    if (lower === 'isescalated' && isTrue(to) && !isTrue(from)) return [event('escalated', field)];

    const links = linksOf(field, to, ctx.options);
    if ((lookups.has(lower) || dataType?.toLowerCase() === 'entityid') && isSalesforceId(to)) {
      links.unshift({ system: 'salesforce', id: to!, via: field });
    }
    const changed = event('field-changed', field);
    if (links.length) changed.links = links;
    return [changed];
  },
});
