// `handoff-risk init`: a starter config from the files it sees, for a person to review — never a guess
// written over an existing file.
import { access, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { connectors } from '../../../connectors/index.js';
import { loadInputs } from '../../ingest/load.js';
import type { HandoffEvent } from '../../model/index.js';
import { analyzeEvents } from '../../pipeline.js';
import { CliError, type CliIo } from '../io.js';
import { addInputFlags, resolveLoadOptions, type InputFlags } from '../options.js';

/** Names that integration and service accounts usually carry. */
const SERVICE_ACCOUNT = /\b(integration|api|sync|zapier|workato|make|boomi|mulesoft|automation|automated|bot|service|system)\b/i;

export function registerInit(program: Command, io: CliIo): void {
  addInputFlags(
    program
      .command('init')
      .description('write a starter config (integration accounts, zones, groups, teams) from the files it sees, for you to review')
      .argument('<paths...>', 'export files or folders')
      .option('-o, --out <file>', 'config file to write', 'handoff-risk.json')
      .option('--force', 'overwrite an existing file'),
  ).action(async (paths: string[], flags: InputFlags & { out: string; force?: boolean }) => {
    if (!flags.force && (await exists(flags.out))) throw new CliError(`${flags.out} exists; pass --force to overwrite it`);
    const options = await resolveLoadOptions(flags);
    const loaded = await loadInputs(paths, connectors, options);
    if (loaded.missing.length) throw new CliError(loaded.missing.map((issue) => issue.message).join('\n'));
    const notes: string[] = [];

    const known = new Set((options.integrationActors ?? []).map((name) => name.toLowerCase()));
    const suspects = new Map<string, number>();
    for (const event of loaded.events) {
      if (event.actor.type === 'integration' || event.actor.type === 'system') continue;
      for (const name of [event.actor.name, event.actor.id]) {
        if (name && SERVICE_ACCOUNT.test(name) && !known.has(name.toLowerCase())) suspects.set(name, (suspects.get(name) ?? 0) + 1);
      }
    }
    const integrationActors = [...(options.integrationActors ?? []), ...[...suspects.keys()].sort()];
    if (suspects.size) notes.push(`integrationActors: ${suspects.size} actors look like service accounts by their name; remove any that are people`);

    const connectorSettings: Record<string, Record<string, unknown>> = {};
    for (const file of loaded.files) {
      if (!file.connector || !file.zoneless) continue;
      connectorSettings[file.connector] = { ...(options.connectorSettings?.[file.connector] ?? {}), timeZone: file.zoneless.readIn };
      notes.push(`connectors.${file.connector}.timeZone: ${file.file} writes ${file.zoneless.count} times without an offset; set the zone the export was made in`);
    }

    const groups: Record<string, string> = {};
    for (const team of new Set(loaded.events.map((e: HandoffEvent) => e.team).filter((t): t is string => t !== undefined))) {
      if (/^\d{4,}$|^[0-9a-f]{32}$/i.test(team)) groups[team] = team;
    }
    if (Object.keys(groups).length) notes.push(`groups: ${Object.keys(groups).length} teams appear as ids; name them (a groups export of the tool gives the names)`);

    const run = analyzeEvents(loaded.events, {});
    const teams = Object.fromEntries([...(run?.evidence.actorTeams ?? new Map<string, string>())].filter(([actor]) => actor !== 'unknown').sort(([a], [b]) => a.localeCompare(b)));
    if (Object.keys(teams).length) notes.push(`teams: ${Object.keys(teams).length} people placed in the team they most often act for; correct the roster`);

    const config = {
      integrationActors,
      ...(Object.keys(groups).length ? { groups } : {}),
      ...(Object.keys(teams).length ? { teams } : {}),
      connectors: connectorSettings,
    };
    await writeFile(flags.out, `${JSON.stringify(config, null, 2)}\n`);
    io.out(`wrote ${flags.out} from ${loaded.files.length} files; review:\n${notes.map((note) => `  - ${note}`).join('\n') || '  (nothing to review)'}\n`);
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
