// What every writer gets: the company, its people, and the planted malformed rows it owns.
import type { CompanyPlan } from '../companies.js';
import type { Person, Ticket, Workflow } from '../model.js';
import type { Exports, OutFile } from '../output.js';
import type { Roster } from '../simulate.js';

export type PlantKind = 'bad-date' | 'missing-id' | 'broken-quote' | 'broken-json' | 'wrong-type';

export interface Plant {
  file: string;
  /** the workflow after whose rows the bad row is written */
  after: number;
  kind: PlantKind;
  /** the code the connector is expected to report */
  code: string;
}

export interface WriterContext {
  plan: CompanyPlan;
  roster: Roster;
  out: Exports;
  plants: readonly Plant[];
}

/** One writer per export format. */
export interface Writer {
  workflow(wf: Workflow): void;
  end(): void;
}

export function plantsFor(ctx: WriterContext, file: OutFile, index: number): Plant[] {
  return ctx.plants.filter((p) => p.file === file.name && p.after === index);
}

/** Every change of a ticket as (at, actor) groups: one audit per person and moment. */
export function auditsOf<T extends { at: number; actor: Person }>(items: T[]): T[][] {
  const groups: T[][] = [];
  for (const item of [...items].sort((a, b) => a.at - b.at)) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.at === item.at && last[0]!.actor === item.actor) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

export function primaryTicket(wf: Workflow): Ticket {
  return wf.tickets[0]!;
}

/** A page of JSON records, one record per line so every record has its own line number. */
export class JsonPage {
  private count = 0;
  constructor(
    private readonly file: OutFile,
    key: string,
    head: Record<string, unknown> = {},
  ) {
    const headText = Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`).join('');
    file.write(`{${headText}${JSON.stringify(key)}:[\n`);
  }

  /** Writes a record (or raw record text) and returns the line it starts on. */
  add(record: unknown, raw?: string): number {
    if (this.count > 0) this.file.write(',\n');
    const line = this.file.line;
    this.file.write(raw ?? JSON.stringify(record));
    this.count++;
    return line;
  }

  get line(): number {
    return this.count > 0 ? this.file.line + 1 : this.file.line;
  }

  end(tail: Record<string, unknown>): void {
    const tailText = Object.entries(tail).map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`).join('');
    this.file.write(`\n]${tailText}}\n`);
  }
}
