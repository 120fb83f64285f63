// Generic process-mining event log (BPI Challenge, helpdesk, pm4py examples): one row per event.
import { defineConnector, type ConnectorOptions, type InputShape, type Match } from '../../src/ingest/connector.js';
import { resolveColumnRoles } from '../../src/ingest/column-roles.js';
import { inferDateOrder } from '../../src/ingest/timestamps.js';
import type { EventDraft } from '../../src/model/index.js';
import { COLUMN_GUESSES, GenericEventLogRow, REQUIRED_ROLES, type ColumnRole } from './row.js';

/** Which header column plays each role; resolved once per file. */
export type ColumnMap = Partial<Record<ColumnRole, string>>;

export interface GenericLogSettings {
  /** explicit column names per role, e.g. `{ case: 'Ticket', timestamp: 'When' }` */
  columns?: ColumnMap;
  /** the `system` events carry; default `event-log` */
  system?: string;
}

/**
 * Resolves each role to a header column: the user's mapping first, then the publishers'
 * conventions (`case:concept:name`, `CaseID`, `Case ID`…) compared without case or punctuation.
 */
export function resolveColumns(header: readonly string[], explicit: ColumnMap = {}): { columns: ColumnMap; missing: string[] } {
  return resolveColumnRoles(header, COLUMN_GUESSES, REQUIRED_ROLES, explicit);
}

function settingsOf(options: ConnectorOptions): GenericLogSettings {
  return (options.settings ?? {}) as GenericLogSettings;
}

export default defineConnector({
  meta: {
    id: 'generic-event-log',
    tool: 'any process-mining event log',
    system: 'event-log',
    systemKind: 'other',
    description: 'Process-mining event log: one row per event with a case id, activity and timestamp column (case:concept:name, CaseID, Case ID…); optional resource, group and lifecycle',
    format: 'csv',
    // column names vary by publisher: `detect` and `prepare` resolve them, so the row keeps the file's own names
    columns: { required: [] },
    emits: ['activity'],
    timeZone: 'ISO 8601 offsets are honoured; zone-less values are read in --tz (default UTC)',
    docs: [
      'https://xes-standard.org/',
      'https://pm4py.fit.fraunhofer.de/documentation#importing',
      'https://data.4tu.nl/articles/dataset/BPI_Challenge_2012/12689204',
      'https://data.4tu.nl/articles/dataset/Dataset_belonging_to_the_help_desk_log_of_an_Italian_Company/12675977',
    ],
    fallback: true,
  },
  row: GenericEventLogRow,

  detect(shape: InputShape, options: ConnectorOptions): Match {
    if (shape.format !== 'csv') return { matched: false, score: 0, missing: ['a CSV header'] };
    const { columns, missing } = resolveColumns(shape.header, settingsOf(options).columns);
    return { matched: missing.length === 0, score: Object.keys(columns).length, missing };
  },

  prepare({ shape, sample, options }) {
    if (shape.format !== 'csv') return { ok: false, code: 'file/unrecognised', message: 'the generic event log reads CSV only' };
    const { columns, missing } = resolveColumns(shape.header, settingsOf(options).columns);
    if (missing.length) return { ok: false, code: 'file/missing-columns', message: `event log needs ${missing.join('; ')}` };
    const timestamps = sample.map((row) => String((row as Record<string, unknown>)[columns.timestamp!] ?? ''));
    return { ok: true, value: columns, dateOrder: inferDateOrder(timestamps) };
  },

  toEvents(row, ctx) {
    const columns = ctx.prepared;
    const cell = (role: ColumnRole): string | undefined => {
      const name = columns[role];
      const value = name === undefined ? undefined : row[name];
      const text = Array.isArray(value) ? value[0] : value;
      return text === undefined || text.trim() === '' ? undefined : text.trim();
    };
    const caseId = cell('case');
    const activity = cell('activity');
    if (!caseId) ctx.reject('row/missing-value', columns.case, `${columns.case} (case id) is empty`);
    if (!activity) ctx.reject('row/missing-value', columns.activity, `${columns.activity} (activity) is empty`);
    const at = ctx.time(cell('timestamp'), columns.timestamp!);
    if (!caseId || !activity || !at) return [];
    const resource = cell('resource');
    const group = cell('group');
    // no group column: the resource is who holds the work, so a change of resource is the handoff
    const team = columns.group ? group : resource;
    const lifecycle = cell('lifecycle');
    // a literal with the optional keys set after, not spreads of `{}`s
    const event: EventDraft = {
      at,
      system: settingsOf(ctx.options).system ?? 'event-log',
      systemKind: 'other',
      record: { type: 'case', id: caseId },
      kind: 'activity',
      activity,
      actor: { id: resource ?? 'unknown', type: ctx.actorType([resource]) },
    };
    if (team) event.team = team;
    if (lifecycle) event.detail = `lifecycle:${lifecycle}`;
    return [event];
  },
});
