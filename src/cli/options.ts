// Flags shared by the commands that read inputs, merged over the config file.
import { Option, type Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import type { LoadOptions } from '../ingest/load.js';
import { isKnownTimeZone, type DateOrder } from '../ingest/timestamps.js';
import { CliError } from './io.js';
import { defaultJobs, WORKERS_FROM_BYTES } from './read-inputs.js';

export interface InputFlags {
  config?: string;
  connector?: string;
  tz?: string;
  dateOrder?: DateOrder;
  dayFirst?: boolean;
  integrationActor?: string[];
  caseColumn?: string;
  activityColumn?: string;
  timestampColumn?: string;
  resourceColumn?: string;
  groupColumn?: string;
  lifecycleColumn?: string;
  jobs?: string;
}

/** Adds the input flags to a command. */
export function addInputFlags(command: Command): Command {
  return command
    .option('-c, --config <file>', 'config file (JSON)')
    .option('--connector <id>', 'read every file with this connector instead of detecting one')
    .option('--tz <zone>', 'IANA time zone for timestamps written without an offset (default UTC)')
    .addOption(new Option('--date-order <order>', 'how to read 1/2/2026').choices(['dmy', 'mdy', 'auto']))
    .option('--day-first', 'same as --date-order dmy')
    .option('--integration-actor <name...>', 'actor ids, names or e-mails that are integration accounts')
    .option('--case-column <name>', 'event log: the case id column')
    .option('--activity-column <name>', 'event log: the activity column')
    .option('--timestamp-column <name>', 'event log: the timestamp column')
    .option('--resource-column <name>', 'event log: the resource column')
    .option('--group-column <name>', 'event log: the group (team) column')
    .option('--lifecycle-column <name>', 'event log: the lifecycle column')
    .option('-j, --jobs <n>', `files read at once, on worker threads (default: the cores, at most 4; analyze reads less than ${WORKERS_FROM_BYTES / 2 ** 20} MiB of input on one)`);
}

/** `--jobs`, or the default: how many files are read at once. */
export function resolveJobs(flags: InputFlags): number {
  const jobs = flags.jobs === undefined ? defaultJobs() : Number(flags.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new CliError(`--jobs ${flags.jobs}: not a whole number of at least 1`);
  return jobs;
}

/** Config file first, flags over it. Throws CliError for a bad config or zone. */
export async function resolveLoadOptions(flags: InputFlags): Promise<LoadOptions & { config: Config }> {
  let config: Config = {};
  if (flags.config) {
    try {
      config = await loadConfig(flags.config);
    } catch (error) {
      if (error instanceof ConfigError) throw new CliError(error.message);
      throw error;
    }
  }
  const timeZone = flags.tz ?? config.timeZone;
  if (timeZone && !isKnownTimeZone(timeZone)) throw new CliError(`--tz ${timeZone}: not an IANA time zone (e.g. Europe/Berlin)`);
  // a connector's own zone is checked as early as the global one, and named by its config path
  for (const [id, settings] of Object.entries(config.connectors ?? {})) {
    const zone = settings.timeZone;
    if (zone !== undefined && (typeof zone !== 'string' || !isKnownTimeZone(zone))) {
      throw new CliError(`${flags.config}: connectors.${id}.timeZone: ${JSON.stringify(zone)} is not an IANA time zone (e.g. Europe/Berlin)`);
    }
  }
  const dateOrder = flags.dayFirst ? 'dmy' : (flags.dateOrder ?? config.dateOrder);
  const generic = { ...(config.connectors?.['generic-event-log'] ?? {}) } as { columns?: Record<string, string> };
  const columns = { ...(generic.columns ?? {}) };
  const flagColumns = {
    case: flags.caseColumn,
    activity: flags.activityColumn,
    timestamp: flags.timestampColumn,
    resource: flags.resourceColumn,
    group: flags.groupColumn,
    lifecycle: flags.lifecycleColumn,
  };
  for (const [role, name] of Object.entries(flagColumns)) if (name) columns[role] = name;
  return {
    config,
    ...(flags.connector ? { connector: flags.connector } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(dateOrder ? { dateOrder } : {}),
    integrationActors: [...(config.integrationActors ?? []), ...(flags.integrationActor ?? [])],
    ...(config.correlation?.keys.length ? { linkKeys: config.correlation.keys } : {}),
    connectorSettings: { ...(config.connectors ?? {}), 'generic-event-log': { ...generic, columns } },
  };
}
