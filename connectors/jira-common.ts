// What the Jira connectors share: link-field recognition, id extraction, actor marks and done-status names.
import type { ActorType, RecordLink } from '../src/model/index.js';

/** Settings both Jira connectors read from `options.settings`. */
export interface JiraSettings {
  /**
   * Fields holding another system's record ids, keyed by field id (`customfield_10050`), field name
   * (`SFDC Case`) or CSV column (`Custom field (SFDC Case)`), valued by system (`salesforce`).
   */
  linkFields?: Record<string, string>;
  /** status names that count as done, on top of the issue's own status category and the defaults */
  doneStatuses?: string[];
  /** changelog field names whose change is a team handoff; default `["Team"]` */
  teamFields?: string[];
  /** a move to another project is a team handoff (default true) */
  projectMoveIsTeamChange?: boolean;
}

export function jiraSettings(settings: Record<string, unknown> | undefined): JiraSettings {
  return (settings ?? {}) as JiraSettings;
}

/** Field names that name another system; a field whose name holds one of these words links to it. */
const SYSTEM_WORDS: readonly [RegExp, string][] = [
  [/salesforce|sfdc/i, 'salesforce'],
  [/zendesk/i, 'zendesk'],
  [/hubspot/i, 'hubspot'],
  [/servicenow|service now/i, 'servicenow'],
  [/freshdesk/i, 'freshdesk'],
  [/intercom/i, 'intercom'],
  [/linear/i, 'linear'],
];

// `Zendesk Ticket Count` names Zendesk but holds a number of tickets, not their ids.
const NOT_AN_ID_FIELD = /\b(count|total|number of|status|sync(ed)? (date|time)|last sync)\b/i;

/** `Custom field (Zendesk Ticket IDs)` → `Zendesk Ticket IDs`; other names unchanged. */
export function customFieldName(column: string): string {
  const match = /^Custom field \((.*)\)$/i.exec(column.trim());
  return match ? match[1]!.trim() : column.trim();
}

/**
 * The system a field links to: the user's `linkFields` first (by id, name or CSV column), then
 * the field name naming a system (`Zendesk Ticket IDs`, `Salesforce Case Id`). Undefined when the
 * field holds no other system's ids.
 *
 * @example
 * linkSystemOf(['customfield_10050', 'Zendesk Ticket IDs'], {}) // 'zendesk'
 * linkSystemOf(['Zendesk Ticket Count'], {}) // undefined
 */
export function linkSystemOf(names: (string | undefined | null)[], settings: JiraSettings): string | undefined {
  return systemOfNames(names, configuredLinkFields(settings));
}

/** The user's `linkFields` keyed by lower-case field name. */
function configuredLinkFields(settings: JiraSettings): Map<string, string> {
  const configured = settings.linkFields ?? {};
  return new Map(Object.entries(configured).map(([key, system]) => [customFieldName(key).toLowerCase(), system]));
}

function systemOfNames(names: (string | undefined | null)[], lowered: Map<string, string>): string | undefined {
  for (const name of names) {
    if (!name) continue;
    const hit = lowered.get(customFieldName(name).toLowerCase());
    if (hit) return hit;
  }
  for (const name of names) {
    if (!name || /^customfield_\d+$/.test(name)) continue;
    const bare = customFieldName(name);
    if (NOT_AN_ID_FIELD.test(bare)) continue;
    for (const [pattern, system] of SYSTEM_WORDS) if (pattern.test(bare)) return system;
  }
  return undefined;
}

/**
 * {@link linkSystemOf} for a pair of names, remembered: the answer depends only on the names and the
 * settings, and a file asks about the same few columns or field ids on every row.
 */
export function linkSystemMemo(settings: JiraSettings): (first: string | undefined | null, second: string | undefined | null) => string | undefined {
  const lowered = configuredLinkFields(settings);
  // `undefined`, `null` and `''` are all skipped alike, so they share the key ''
  const memo = new Map<string, Map<string, string | undefined>>();
  return (first, second) => {
    let inner = memo.get(first || '');
    if (!inner) memo.set(first || '', (inner = new Map()));
    const key = second || '';
    if (inner.has(key)) return inner.get(key);
    const system = systemOfNames([first, second], lowered);
    inner.set(key, system);
    return system;
  };
}

// Record ids inside a URL: Zendesk `/tickets/123`, Salesforce Lightning `/r/Case/500…/view` or
// Classic `/500…`, HubSpot `/record/0-5/123`, ServiceNow `sys_id=<32 hex>`.
const URL_ID_PATTERNS: readonly RegExp[] = [
  /\/tickets\/(\d+)/i,
  /\/lightning\/r\/[A-Za-z0-9_]+\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)(?:\/|$)/,
  /\/record\/[0-9-]+\/(\d+)/,
  /[?&]sys_id=([0-9a-f]{32})/i,
  /\.(?:my\.)?salesforce\.com\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)(?:[/?#]|$)/,
];

/**
 * The ids in a link field's value: a list separated by commas, semicolons or spaces (the Zendesk
 * app writes `123, 456`), or URLs whose record id is taken out of the path.
 *
 * @example
 * idsIn('1234, https://acme.zendesk.com/agent/tickets/5678') // ['1234', '5678']
 */
export function idsIn(value: unknown): string[] {
  const texts: string[] = [];
  const collect = (v: unknown): void => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) v.forEach(collect);
    else if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      collect(o.value ?? o.name ?? o.id);
    } else texts.push(String(v));
  };
  collect(value);
  const ids: string[] = [];
  for (const text of texts) {
    for (const token of text.split(/[\s,;]+/)) {
      const clean = token.trim().replace(/^[[("']+|[\])"'.]+$/g, '');
      if (!clean) continue;
      if (/^https?:\/\//i.test(clean)) {
        const found = URL_ID_PATTERNS.map((p) => p.exec(clean)?.[1]).find((id) => id !== undefined);
        ids.push(found ?? clean);
      } else {
        ids.push(clean);
      }
    }
  }
  return [...new Set(ids)];
}

/** Links for the ids of one field value, or none. */
export function linksFrom(value: unknown, system: string, via: string): RecordLink[] {
  return idsIn(value).map((id) => ({ system, id, via }));
}

/** Merges link lists, dropping repeats of the same system, id and field. */
export function mergeLinks(...lists: RecordLink[][]): RecordLink[] {
  const seen = new Set<string>();
  const out: RecordLink[] = [];
  // nested loops rather than lists.flat(): this runs for every issue and every link-field change
  for (const list of lists) {
    for (const link of list) {
      const key = `${link.system ?? ''}\u0000${link.id}\u0000${link.via}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(link);
    }
  }
  return out;
}

// Jira Cloud's built-in rule engine acts as this app account on every site.
const AUTOMATION_FOR_JIRA_ID = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';

/** True for the Automation for Jira account (by its fixed Cloud id or its display name). */
export function isAutomationForJira(accountId: string | undefined, displayName: string | undefined): boolean {
  return accountId === AUTOMATION_FOR_JIRA_ID || (displayName ?? '').trim().toLowerCase() === 'automation for jira';
}

/**
 * What Jira itself says about an account: Automation for Jira is the platform's rule engine
 * (`system`); other `app` accounts are Connect/OAuth apps acting for another system
 * (`integration`); `atlassian` and `customer` (JSM portal) accounts are people. Data Center users
 * carry no `accountType`, so nothing is said.
 */
export function accountTypeMark(accountType: string | undefined, accountId: string | undefined, displayName: string | undefined): ActorType | undefined {
  if (isAutomationForJira(accountId, displayName)) return 'system';
  switch ((accountType ?? '').toLowerCase()) {
    case 'app':
      return 'integration';
    case 'atlassian':
    case 'customer':
      return 'human';
    default:
      return undefined;
  }
}

/** Status names of Jira's default workflows that sit in the Done category. */
export const DEFAULT_DONE_STATUSES: readonly string[] = ['Done', 'Closed', 'Resolved'];

/** A case-insensitive set of done status names from the defaults, the settings and extra names. */
export function doneStatusSet(settings: JiraSettings, extra: (string | undefined)[] = []): Set<string> {
  return new Set([...DEFAULT_DONE_STATUSES, ...(settings.doneStatuses ?? []), ...extra.filter((s): s is string => !!s)].map((s) => s.trim().toLowerCase()));
}

/** Trimmed text, or undefined for empty, null or non-text values. */
export function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}
