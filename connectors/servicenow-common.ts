// What the ServiceNow connectors share: empty-cell rules, incident state codes, actor marks, link fields, date-order sniffing.
import type { ActorType, RecordLink } from '../src/model/index.js';
import type { ConnectorOptions } from '../src/ingest/connector.js';
import { inferDateOrder, type DateOrder } from '../src/ingest/timestamps.js';
import { perSettings } from './per-settings.js';
import { readLinkColumnSetting } from './row-shape.js';

/**
 * A cell's text, or undefined when ServiceNow wrote nothing: an empty cell, or the `?` some list
 * exports and Excel re-saves put where a reference or choice has no value.
 */
export function cellOf(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  return text === '' || text === '?' ? undefined : text;
}

/**
 * Incident `state` choices (out of the box): code → label as the list shows it. CSV exports give the
 * label by default and the code when `glide.export.csv.raw.value=true`; sys_audit always stores the code.
 */
export const INCIDENT_STATES: Readonly<Record<string, string>> = {
  '1': 'New',
  '2': 'In Progress',
  '3': 'On Hold',
  '6': 'Resolved',
  '7': 'Closed',
  '8': 'Canceled',
};

const RESOLVED = new Set(['6', '7']);
const CANCELED = '8';
const ACTIVE = new Set(['1', '2', '3']);

/** Label → code, case-insensitive; `Cancelled` is the British spelling some instances use. */
const CODE_OF_LABEL = new Map<string, string>([
  ...Object.entries(INCIDENT_STATES).map(([code, label]) => [label.toLowerCase(), code] as [string, string]),
  ['cancelled', CANCELED],
]);

/** The code of an incident state written as a code or as its out-of-the-box label; undefined when not one of them. */
export function incidentStateCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (INCIDENT_STATES[value]) return value;
  return CODE_OF_LABEL.get(value.toLowerCase());
}

/** The label an incident state is shown with: codes become labels, other text stays as written. */
export function incidentStateLabel(value: string | undefined, labels: Readonly<Record<string, string>> = {}): string | undefined {
  if (value === undefined) return undefined;
  return labels[value] ?? INCIDENT_STATES[value] ?? value;
}

export type StateMove = 'resolved' | 'reopened' | 'state-changed';

/**
 * What a move between two incident states means: into Resolved/Closed from anything but
 * Resolved/Closed/Canceled is a resolution; from Resolved/Closed back to New/In Progress/On Hold a reopen.
 */
export function classifyIncidentMove(from: string | undefined, to: string | undefined): StateMove {
  const a = incidentStateCode(from);
  const b = incidentStateCode(to);
  if (b && RESOLVED.has(b) && !(a && (RESOLVED.has(a) || a === CANCELED))) return 'resolved';
  if (a && RESOLVED.has(a) && b && ACTIVE.has(b)) return 'reopened';
  return 'state-changed';
}

/** True for an incident state that ends the work without resolving it (Canceled). */
export function isCanceledState(value: string | undefined): boolean {
  return incidentStateCode(value) === CANCELED;
}

/** `system` and `guest` are the platform's own accounts (business rules, scheduled jobs, inbound e-mail). */
export function serviceNowActorMark(user: string | undefined): ActorType {
  if (user === undefined) return 'unknown';
  const lower = user.toLowerCase();
  if (lower === 'system' || lower === 'guest') return 'system';
  return 'human';
}

/** System names recognised in `correlation_display` or in settings, spelled the way events name systems. */
const KNOWN_SYSTEMS: readonly [RegExp, string][] = [
  [/salesforce|sfdc/i, 'salesforce'],
  [/hubspot/i, 'hubspot'],
  [/zendesk/i, 'zendesk'],
  [/jira/i, 'jira'],
  [/linear/i, 'linear'],
  [/freshdesk|freshservice/i, 'freshdesk'],
  [/intercom/i, 'intercom'],
  [/pipedrive/i, 'pipedrive'],
  [/github/i, 'github'],
  [/azure\s*devops|\bado\b|\bvsts\b/i, 'azure-devops'],
  [/servicenow|\bsnow\b/i, 'servicenow'],
];

/** The system a free-text name points at (`JIRA Cloud` → `jira`), if it names one we know. */
export function systemNamed(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return KNOWN_SYSTEMS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Settings both ServiceNow connectors accept (`options.settings`). */
export interface ServiceNowSettings {
  /**
   * Extra fields that hold another system's record id, e.g. `u_jira_key` or `u_salesforce_case_id`.
   * A list of field names, or field name → system (`{ "u_jira_key": "jira" }`).
   */
  linkFields?: string[] | Record<string, string>;
  /** state code → label for custom incident states (`{ "9": "Awaiting Vendor" }`) */
  stateLabels?: Record<string, string>;
}

/** What `serviceNowSettings` reads; shared by every row of a run, so read only. */
export interface ServiceNowSettingsRead {
  linkFields: ReadonlyMap<string, string | undefined>;
  stateLabels: Readonly<Record<string, string>>;
}

const settingsRead = perSettings((raw: ServiceNowSettings): ServiceNowSettingsRead => {
  const stateLabels: Record<string, string> = {};
  if (raw.stateLabels && typeof raw.stateLabels === 'object') {
    for (const [code, label] of Object.entries(raw.stateLabels)) if (typeof label === 'string') stateLabels[code] = label;
  }
  return { linkFields: readLinkColumnSetting(raw.linkFields), stateLabels };
});

/** Reads the settings leniently: unknown keys are other connectors' business. */
export function serviceNowSettings(options: ConnectorOptions): ServiceNowSettingsRead {
  return settingsRead(options.settings);
}

/** A link, with the system named when the settings say it or the id says it (`INC0010001` is ServiceNow). */
export function linkOf(id: string, via: string, system?: string): RecordLink {
  return system ? { system, id, via } : { id, via };
}

/**
 * The date order of a sample of ServiceNow date cells: stored values are `yyyy-MM-dd HH:mm:ss`,
 * but list exports from instances whose users prefer `dd-MM-yyyy` or `dd/MM/yyyy` write that.
 */
export function sniffDateOrder(sample: readonly unknown[], fields: readonly string[]): DateOrder {
  const values: string[] = [];
  for (const row of sample) {
    if (typeof row !== 'object' || row === null) continue;
    for (const field of fields) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value === 'string' && value.trim() !== '') values.push(value);
    }
  }
  return inferDateOrder(values);
}
