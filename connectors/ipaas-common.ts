// Shared helpers of the integration-platform connectors (Zapier, Workato, the generic sync log):
// record ids of other systems found in run titles, payloads and error texts, and short error details.
import type { ConnectorOptions } from '../src/ingest/connector.js';
import type { RecordLink } from '../src/model/index.js';

/** A pattern that finds another system's record id in free text; the first capture group is the id. */
export interface LinkPattern {
  system?: string;
  regex: RegExp;
}

/** How a user writes a pattern in `options.settings.linkPatterns`. */
export interface LinkPatternSetting {
  system?: string;
  /** a JavaScript regular expression; the first capture group (or the whole match) is the id */
  pattern: string;
  /** regular-expression flags, default none (case-sensitive) */
  flags?: string;
}

/** Settings every integration-platform connector reads from `options.settings`. */
export interface IpaasSettings {
  /** payload keys holding another system's id, e.g. `{ "Opportunity ID": "salesforce" }` (case-insensitive) */
  linkFields?: Record<string, string | null>;
  /** patterns for ids in titles and payloads; replace the defaults unless `keepDefaultPatterns` is true */
  linkPatterns?: LinkPatternSetting[];
  keepDefaultPatterns?: boolean;
}

// Standard object key prefixes: 001 Account, 003 Contact, 005 User, 006 Opportunity, 00Q Lead, 500 Case,
// 800 Contract, 801 Order. Exactly 15 or 18 characters, so longer tokens never match part-way.
const SALESFORCE = /\b((?:001|003|005|006|00Q|500|800|801)[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)\b/g;
// Jira issue keys; `ISO-8601`, `UTF-8`, `SHA-256` and friends are excluded below.
const JIRA = /\b([A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,6})\b/g;
const ZENDESK_URL = /\bhttps?:\/\/[\w.-]+\.zendesk\.com\/(?:agent\/tickets|api\/v2\/tickets|hc\/requests|tickets)\/(\d+)/gi;
const ZENDESK_TEXT = /\bzendesk\s+ticket\s*#?\s*(\d+)\b/gi;
const SERVICENOW = /\b((?:INC|RITM|REQ|CHG|PRB|SCTASK)\d{7})\b/g;
const NOT_JIRA = new Set(['UTF', 'ISO', 'SHA', 'RFC', 'HTTP', 'TLS', 'SSL', 'MD', 'AES', 'RSA', 'CVE', 'GMT', 'UTC', 'ISBN', 'COVID', 'WIN', 'IPV', 'HTTPS', 'ES', 'ECMA', 'PKCS', 'X']);

/** The patterns used when a user sets none. */
export const DEFAULT_LINK_PATTERNS: readonly LinkPattern[] = [
  { system: 'salesforce', regex: SALESFORCE },
  { system: 'zendesk', regex: ZENDESK_URL },
  { system: 'zendesk', regex: ZENDESK_TEXT },
  { system: 'servicenow', regex: SERVICENOW },
  { system: 'jira', regex: JIRA },
];

/** Payload keys that name another system's id in most Zaps and recipes (compared case-insensitively). */
export const DEFAULT_LINK_FIELDS: Readonly<Record<string, string>> = {
  salesforce_id: 'salesforce',
  sfdc_id: 'salesforce',
  'salesforce id': 'salesforce',
  opportunity_id: 'salesforce',
  'opportunity id': 'salesforce',
  zendesk_ticket_id: 'zendesk',
  'zendesk ticket id': 'zendesk',
  jira_key: 'jira',
  jira_issue_key: 'jira',
  issue_key: 'jira',
  'issue key': 'jira',
  hubspot_id: 'hubspot',
  hs_object_id: 'hubspot',
  'hubspot id': 'hubspot',
};

export function ipaasSettingsOf(options: ConnectorOptions): IpaasSettings {
  return (options.settings ?? {}) as IpaasSettings;
}

/**
 * Compiles the user's patterns (or returns the defaults); an invalid pattern is named in the error.
 *
 * @example
 * compilePatterns({ linkPatterns: [{ system: 'linear', pattern: '\\b(ENG-\\d+)\\b' }] })
 */
export function compilePatterns(settings: IpaasSettings): { ok: true; patterns: LinkPattern[] } | { ok: false; message: string } {
  if (!settings.linkPatterns) return { ok: true, patterns: [...DEFAULT_LINK_PATTERNS] };
  const patterns: LinkPattern[] = settings.keepDefaultPatterns ? [...DEFAULT_LINK_PATTERNS] : [];
  for (const [index, setting] of settings.linkPatterns.entries()) {
    try {
      const flags = new Set([...(setting.flags ?? ''), 'g']);
      patterns.push({ ...(setting.system ? { system: setting.system } : {}), regex: new RegExp(setting.pattern, [...flags].join('')) });
    } catch (error) {
      return { ok: false, message: `settings.linkPatterns[${index}].pattern is not a valid regular expression (${(error as Error).message})` };
    }
  }
  return { ok: true, patterns };
}

/** The link-field map: defaults plus the user's, keys lower-cased; a `null` system removes a default. */
export function linkFieldsOf(settings: IpaasSettings): Map<string, string | undefined> {
  const fields = new Map<string, string | undefined>(Object.entries(DEFAULT_LINK_FIELDS).map(([key, system]) => [key, system]));
  for (const [key, system] of Object.entries(settings.linkFields ?? {})) {
    if (system === null) fields.delete(key.trim().toLowerCase());
    else fields.set(key.trim().toLowerCase(), system || undefined);
  }
  return fields;
}

/** Collects links without duplicates (same system and id); the first `via` wins, order is discovery order. */
export class LinkCollector {
  private readonly seen = new Set<string>();
  readonly links: RecordLink[] = [];

  add(id: string | number | undefined | null, via: string, system?: string): void {
    if (id === undefined || id === null) return;
    const text = String(id).trim();
    if (text === '') return;
    const key = `${system ?? ''}\u0000${text}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.links.push(system ? { system, id: text, via } : { id: text, via });
  }

  /** Adds every id the patterns find in `text`. */
  scan(text: string | undefined | null, via: string, patterns: readonly LinkPattern[]): void {
    if (!text) return;
    for (const pattern of patterns) {
      // an `exec` loop on the (global) pattern itself: `matchAll` clones the regex on every call,
      // which was most of the cost of scanning a title or payload
      const regex = pattern.regex;
      regex.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = regex.exec(text)) !== null) {
        // an empty match would match again at the same place: step past it as `matchAll` does
        if (match[0] === '') regex.lastIndex = nextIndex(text, regex.lastIndex, /[uv]/.test(regex.flags));
        const id = match[1] ?? match[0];
        if (regex === SALESFORCE && !/[A-Za-z]/.test(id)) continue;
        if (regex === JIRA && NOT_JIRA.has(id.slice(0, id.indexOf('-')))) continue;
        this.add(id, via, pattern.system);
      }
    }
  }
}

/** The index after `index`, by code point when the pattern is unicode-aware (ECMAScript AdvanceStringIndex). */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return index + 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

const MAX_DEPTH = 8;

/**
 * Walks a run payload (object, array or JSON text): values under a link-field key become links first,
 * then every string value is scanned with the patterns. `via` is the dotted path, e.g. `data_in.Opportunity ID`.
 */
export function collectPayloadLinks(
  payload: unknown,
  root: string,
  fields: ReadonlyMap<string, string | undefined>,
  patterns: readonly LinkPattern[],
  into: LinkCollector,
): void {
  const value = parseIfJson(payload);
  const texts: [string, string][] = [];
  // callers walk once for link fields (no patterns) and once for patterns (no fields): skip the half unused
  const scanning = patterns.length > 0;
  const matching = fields.size > 0;
  const walk = (node: unknown, path: string, depth: number) => {
    if (depth > MAX_DEPTH || node === null || node === undefined) return;
    if (typeof node === 'string') {
      if (scanning) texts.push([path, node]);
      return;
    }
    if (typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) walk(parseIfJson(node[index]), `${path}.${index}`, depth + 1);
      return;
    }
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      const childPath = `${path}.${key}`;
      const lower = matching ? key.trim().toLowerCase() : '';
      if (matching && fields.has(lower) && (typeof child === 'string' || typeof child === 'number')) {
        into.add(child, childPath, fields.get(lower));
        continue;
      }
      walk(parseIfJson(child), childPath, depth + 1);
    }
  };
  walk(value, root, 0);
  for (const [path, text] of texts) into.scan(text, path, patterns);
}

function parseIfJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!(text.startsWith('{') || text.startsWith('['))) return value;
  try {
    return JSON.parse(text);
  } catch {
    return value;
  }
}

/** Error text for `detail`: one line, no payload dump, at most `limit` characters. */
export function shortError(text: string | undefined | null, limit = 300): string | undefined {
  if (text === undefined || text === null) return undefined;
  // Workato appends the failed step's input ("; input: {...}"): record data, not the error
  const flat = String(text).replace(/;\s*input:[\s\S]*$/i, '').replace(/\s+/g, ' ').trim();
  if (flat === '') return undefined;
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

/** The first problem zod found in a value, as a reject: the field, a stable code and a short message. */
export function zodProblem(issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[], value: Record<string, unknown>): {
  code: 'row/missing-value' | 'row/invalid';
  field: string | undefined;
  message: string;
} {
  const issue = issues[0];
  const field = issue && issue.path.length ? String(issue.path[0]) : undefined;
  const cell = field === undefined ? undefined : value[field];
  const missing = cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
  const shown = cell === undefined ? 'missing' : `got ${JSON.stringify(cell)?.slice(0, 60)}`;
  return {
    code: missing ? 'row/missing-value' : 'row/invalid',
    field,
    message: `${issue?.path.join('.') || 'row'}: ${missing ? 'is empty or missing' : issue?.message} (${shown})`,
  };
}
