// `handoff-risk connectors`: what each connector reads.
import type { Command } from 'commander';
import { connectors } from '../../../connectors/index.js';
import type { CliIo } from '../io.js';

export function registerConnectors(program: Command, io: CliIo): void {
  program
    .command('connectors')
    .description('list the connectors and the exports each one reads')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        io.out(`${JSON.stringify(connectors.map((c) => c.meta), null, 2)}\n`);
        return;
      }
      for (const { meta } of connectors) {
        const required = meta.columns.required.join(', ') || 'columns resolved per file';
        io.out(`${meta.id}\n  ${meta.description}\n  reads ${meta.format.toUpperCase()}${meta.recordsKey ? ` (records in "${meta.recordsKey}")` : ''}; needs ${required}\n  time: ${meta.timeZone}\n  emits: ${meta.emits.join(', ')}\n\n`);
      }
    });
}
