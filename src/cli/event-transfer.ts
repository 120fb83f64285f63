// Events crossing from a reading worker thread to the main one, packed so that unpacking them costs
// less than reading them did. Structured clone of the event objects took 8 µs an event on the main
// thread (longer than half of reading it), so a batch travels as one Int32Array of string-table
// indices, plus the strings the table gained since the last batch.
import type { HandoffEvent } from '../model/index.js';

/** One batch of one file's events, in file order. */
export interface EventBatch {
  /** the connector that read the file, as the events' sources name it */
  connector: string;
  /** strings new to the file's table, appended in order */
  strings: string[];
  /** FIELDS numbers per event; -1 where a field is absent */
  data: Int32Array<ArrayBuffer>;
}

const FIELDS = 18;
const ABSENT = -1;

/** Packs the events of one file (`file` = the cited name their ids and sources carry). */
export function createEventPacker(file: string) {
  const table = new Map<string, number>();
  let fresh: string[] = [];
  let numbers: number[] = [];
  let connector = '';
  const index = (text: string | undefined): number => {
    if (text === undefined) return ABSENT;
    let at = table.get(text);
    if (at === undefined) {
      at = table.size;
      table.set(text, at);
      fresh.push(text);
    }
    return at;
  };
  return {
    add(event: HandoffEvent): void {
      connector = event.source.connector;
      // ids are `file:line#n`: only the tail travels, unless a connector made another kind
      const tail = event.id.startsWith(file) ? event.id.slice(file.length) : undefined;
      numbers.push(
        tail === undefined ? ABSENT : index(tail),
        tail === undefined ? index(event.id) : ABSENT,
        event.source.line,
        index(event.at),
        index(event.system),
        index(event.systemKind),
        index(event.record.type),
        index(event.record.id),
        index(event.kind),
        index(event.actor.id),
        index(event.actor.name),
        index(event.actor.type),
        index(event.team),
        index(event.from),
        index(event.to),
        index(event.field),
        index(event.detail),
        // the rarely set fields share a slot: activity, links and workflow as one JSON text
        event.activity === undefined && event.links === undefined && event.workflow === undefined
          ? ABSENT
          : index(JSON.stringify([event.activity ?? null, event.links ?? null, event.workflow ?? null])),
      );
    },
    get size(): number {
      return numbers.length / FIELDS;
    },
    /** The events added since the last take, ready for `postMessage(batch, [batch.data.buffer])`. */
    take(): EventBatch {
      const batch = { connector, strings: fresh, data: Int32Array.from(numbers) };
      fresh = [];
      numbers = [];
      return batch;
    },
  };
}

/** Unpacks one file's batches back into events equal to the ones packed, sharing repeated values. */
export function createEventUnpacker(file: string) {
  const table: string[] = [];
  const actors = new Map<string, HandoffEvent['actor']>();
  const records = new Map<string, HandoffEvent['record']>();
  const extras = new Map<number, [string | null, HandoffEvent['links'] | null, string | null]>();
  const text = (at: number): string | undefined => (at === ABSENT ? undefined : table[at]);
  return {
    unpack(batch: EventBatch, into: HandoffEvent[]): void {
      for (const value of batch.strings) table.push(value);
      const data = batch.data;
      for (let at = 0; at < data.length; at += FIELDS) {
        const actorKey = `${data[at + 9]}|${data[at + 10]}|${data[at + 11]}`;
        let actor = actors.get(actorKey);
        if (!actor) {
          const name = text(data[at + 10]!);
          const type = table[data[at + 11]!] as HandoffEvent['actor']['type'];
          actors.set(actorKey, (actor = name === undefined ? { id: table[data[at + 9]!]!, type } : { id: table[data[at + 9]!]!, name, type }));
        }
        const recordKey = `${data[at + 6]}|${data[at + 7]}`;
        let record = records.get(recordKey);
        if (!record) records.set(recordKey, (record = { type: table[data[at + 6]!]!, id: table[data[at + 7]!]! }));
        let extra: [string | null, HandoffEvent['links'] | null, string | null] | undefined;
        if (data[at + 17] !== ABSENT) {
          extra = extras.get(data[at + 17]!);
          if (!extra) extras.set(data[at + 17]!, (extra = JSON.parse(table[data[at + 17]!]!)));
        }
        // the same keys in the same order as `eventBuilder` in ingest makes them
        into.push({
          id: data[at] === ABSENT ? table[data[at + 1]!]! : file + table[data[at]!]!,
          at: table[data[at + 3]!]!,
          system: table[data[at + 4]!]!,
          systemKind: table[data[at + 5]!]! as HandoffEvent['systemKind'],
          record,
          kind: table[data[at + 8]!]! as HandoffEvent['kind'],
          actor,
          team: text(data[at + 12]!),
          from: text(data[at + 13]!),
          to: text(data[at + 14]!),
          field: text(data[at + 15]!),
          detail: text(data[at + 16]!),
          activity: extra?.[0] ?? undefined,
          links: extra?.[1] ?? undefined,
          workflow: extra?.[2] ?? undefined,
          source: { connector: batch.connector, file, line: data[at + 2]! },
        });
      }
    },
  };
}
