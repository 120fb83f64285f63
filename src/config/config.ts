// The config file: one JSON document, validated with zod; errors name the path of the bad value.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isKnownTimeZone } from '../ingest/timestamps.js';

const TimeZone = z.string().refine(isKnownTimeZone, { message: 'not an IANA time zone (e.g. Europe/Berlin)' });

export const Config = z
  .object({
    /** zone for timestamps written without an offset */
    timeZone: TimeZone.optional(),
    dateOrder: z.enum(['dmy', 'mdy', 'auto']).optional(),
    /** actor ids, names or e-mails of integration accounts, for every connector */
    integrationActors: z.array(z.string().min(1)).optional(),
    /** settings per connector id, e.g. `{ "generic-event-log": { "columns": { "case": "Ticket" } } }` */
    connectors: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    correlation: z
      .object({
        /** columns or fields holding another system's ids, e.g. `{ "connector": "jira-csv", "field": "Custom field (Deal ID)", "system": "hubspot" }` */
        keys: z.array(z.object({ connector: z.string().min(1).optional(), field: z.string().min(1), system: z.string().min(1).optional() }).strict()),
      })
      .strict()
      .optional(),
    /** actor id, name or e-mail → team, for people the exports do not place in a team */
    teams: z.record(z.string(), z.string().min(1)).optional(),
    /** group value as an export writes it (a Zendesk group id, a queue id) → team name */
    groups: z.record(z.string(), z.string().min(1)).optional(),
    stages: z
      .object({
        /** raw state (any system, case-insensitive) → canonical stage */
        map: z.record(z.string(), z.enum(['new', 'in-progress', 'waiting', 'done', 'cancelled', 'won', 'lost'])).optional(),
        /** regular expression naming the CRM field the integration writes delivery status into */
        crmStatusField: z
          .string()
          .refine((text) => {
            try {
              new RegExp(text, 'i');
              return true;
            } catch {
              return false;
            }
          }, 'not a valid regular expression')
          .optional(),
      })
      .strict()
      .optional(),
    /** overrides of the decision matrix, merged object by object over the shipped default */
    matrix: z.record(z.string(), z.unknown()).optional(),
    /** options per analyzer id, e.g. `{ "exception-lateness": { "lateAfterHours": 8 } }` */
    analyzers: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  })
  .strict();
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {}

/** Formats zod issues as `path: message` lines, the path spelled as in the file (`connectors.x.columns`). */
export function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('\n');
}

/** Parses config JSON text; throws ConfigError with every bad path. */
export function parseConfig(text: string, file = 'config'): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Config.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${file}: invalid config\n${describeZodIssues(parsed.error)}`);
  return parsed.data;
}

/** Reads and validates a config file. */
export async function loadConfig(path: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return parseConfig(text, path);
}
