// Events crossing from a reading worker thread to the main one, packed so that unpacking them costs
// less than reading them did. Structured clone of the event objects took 8 µs an event on the main
// thread (longer than half of reading it), so a batch travels as one Int32Array of indices into a
// per-file table of the values that repeat (systems, kinds, records, actors, states, fields, links), plus
// the values that do not (ids, times, details) as plain strings, which the table would only grow on.
// A time or a link list equal to the last event's (the events of one row) travels as a flag, and comes
// back as the last event's own string or list: a row's events then share them, as the events of a row
// share their source.
import type { HandoffEvent } from '../model/index.js';

/** One batch of one file's events, in file order. */
export interface EventBatch {
  /** the connector that read the file, as the events' sources name it */
  connector: string;
  /** values new to the file's table, appended in order */
  strings: string[];
  /** per event, in order: its id (or the id's tail after the file name), its time unless SAME_TIME, its detail if any */
  texts: string[];
  /** FIELDS numbers per event; -1 where a field is absent */
  data: Int32Array<ArrayBuffer>;
  /** the events' links, in order, as (system, id, via) table indices, except SAME_LINKS ones; an event's count is in `data` */
  links: Int32Array<ArrayBuffer>;
}

const FIELDS = 17;
const ABSENT = -1;
/** flags, the first number of an event */
const ID_TAIL = 1;
const HAS_DETAIL = 2;
/** the time is the last event's */
const SAME_TIME = 4;
/** the links are those of the last event that had links */
const SAME_LINKS = 8;

/** Packs the events of one file (`file` = the cited name their ids and sources carry). */
export function createEventPacker(file: string) {
  const table = new Map<string, number>();
  let fresh: string[] = [];
  let texts: string[] = [];
  let numbers: number[] = [];
  let linkNumbers: number[] = [];
  let connector = '';
  // the last event's time, and the table indices of the links of the last event with links: kept
  // across batches, as the unpacker keeps what it made of them
  let lastAt: string | undefined;
  let lastLinks: number[] | undefined;
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
      const tail = event.id.startsWith(file);
      const sameTime = event.at === lastAt;
      lastAt = event.at;
      texts.push(tail ? event.id.slice(file.length) : event.id);
      if (!sameTime) texts.push(event.at);
      if (event.detail !== undefined) texts.push(event.detail);
      let sameLinks = false;
      if (event.links) {
        const triples: number[] = [];
        for (const link of event.links) triples.push(index(link.system), index(link.id), index(link.via));
        sameLinks = lastLinks !== undefined && lastLinks.length === triples.length && triples.every((at, n) => at === lastLinks![n]);
        if (!sameLinks) linkNumbers.push(...triples);
        lastLinks = triples;
      }
      numbers.push(
        (tail ? ID_TAIL : 0) | (event.detail !== undefined ? HAS_DETAIL : 0) | (sameTime ? SAME_TIME : 0) | (sameLinks ? SAME_LINKS : 0),
        event.source.line,
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
        index(event.activity),
        index(event.workflow),
        event.links?.length ?? ABSENT,
      );
    },
    get size(): number {
      return numbers.length / FIELDS;
    },
    /** The events added since the last take, ready for `postMessage(batch, [batch.data.buffer, batch.links.buffer])`. */
    take(): EventBatch {
      const batch = { connector, strings: fresh, texts, data: Int32Array.from(numbers), links: Int32Array.from(linkNumbers) };
      fresh = [];
      texts = [];
      numbers = [];
      linkNumbers = [];
      return batch;
    },
  };
}

/** Unpacks one file's batches back into events equal to the ones packed, sharing repeated values. */
export function createEventUnpacker(file: string) {
  const table: string[] = [];
  // by table indices, in nested maps: a key string per event would cost more than the rest
  const actors: Nested<HandoffEvent['actor']> = new Map();
  const records: Nested<HandoffEvent['record']> = new Map();
  const text = (at: number): string | undefined => (at === ABSENT ? undefined : table[at]);
  // the events of one row share its source, as `eventBuilder` in ingest makes them
  let lastSource: HandoffEvent['source'] | undefined;
  const sourceAt = (connector: string, line: number): HandoffEvent['source'] => {
    if (lastSource?.line !== line || lastSource.connector !== connector) lastSource = { connector, file, line };
    return lastSource;
  };
  const makeActor = (id: number, name: number, type: number): HandoffEvent['actor'] => {
    const named = text(name);
    return named === undefined ? { id: table[id]!, type: table[type] as HandoffEvent['actor']['type'] } : { id: table[id]!, name: named, type: table[type] as HandoffEvent['actor']['type'] };
  };
  const makeRecord = (type: number, id: number): HandoffEvent['record'] => ({ type: table[type]!, id: table[id]! });
  // the last event's actor and record, and their table indices, kept across batches
  let actor: HandoffEvent['actor'] | undefined;
  let record: HandoffEvent['record'] | undefined;
  const actorAt = new Int32Array(3);
  const recordAt = new Int32Array(2);
  // the last event's time and the last links made, for SAME_TIME and SAME_LINKS
  let lastTime = '';
  let lastLinks: HandoffEvent['links'];
  return {
    unpack(batch: EventBatch, into: HandoffEvent[]): void {
      for (const value of batch.strings) table.push(value);
      const { data, texts, links } = batch;
      let next = 0;
      let nextLink = 0;
      for (let at = 0; at < data.length; at += FIELDS) {
        const flags = data[at]!;
        const id = flags & ID_TAIL ? [file, texts[next++]!].join('') : texts[next++]!; // flat, as ingest makes ids
        const time = flags & SAME_TIME ? lastTime : texts[next++]!;
        lastTime = time;
        const detail = flags & HAS_DETAIL ? texts[next++] : undefined;
        // the events of a row, and often the next rows, have the actor and record of the last event
        const actorId = data[at + 7]!;
        const actorName = data[at + 8]!;
        const actorType = data[at + 9]!;
        if (actor === undefined || actorId !== actorAt[0] || actorName !== actorAt[1] || actorType !== actorAt[2]) {
          actor = shared(actors, actorId, actorName, actorType, makeActor);
          actorAt[0] = actorId;
          actorAt[1] = actorName;
          actorAt[2] = actorType;
        }
        const recordType = data[at + 4]!;
        const recordId = data[at + 5]!;
        if (record === undefined || recordType !== recordAt[0] || recordId !== recordAt[1]) {
          record = shared(records, recordType, recordId, 0, makeRecord);
          recordAt[0] = recordType;
          recordAt[1] = recordId;
        }
        let eventLinks: HandoffEvent['links'];
        if (flags & SAME_LINKS) eventLinks = lastLinks;
        else if (data[at + 16] !== ABSENT) {
          // sized up front: an array grown from [] by push keeps room for 17 (150 bytes for one link)
          eventLinks = new Array(data[at + 16]!);
          for (let n = 0; n < eventLinks.length; n++, nextLink += 3) {
            const system = text(links[nextLink]!);
            const id = table[links[nextLink + 1]!]!;
            const via = table[links[nextLink + 2]!]!;
            // literals, not `{ system, ...link }`: a spread's keys go to a separate property store (40 bytes a link)
            eventLinks[n] = system === undefined ? { id, via } : { system, id, via };
          }
          lastLinks = eventLinks;
        }
        // the same keys in the same order as `eventBuilder` in ingest makes them
        into.push({
          id,
          at: time,
          system: table[data[at + 2]!]!,
          systemKind: table[data[at + 3]!]! as HandoffEvent['systemKind'],
          record,
          kind: table[data[at + 6]!]! as HandoffEvent['kind'],
          actor,
          team: text(data[at + 10]!),
          from: text(data[at + 11]!),
          to: text(data[at + 12]!),
          field: text(data[at + 13]!),
          detail,
          activity: text(data[at + 14]!),
          links: eventLinks,
          workflow: text(data[at + 15]!),
          source: sourceAt(batch.connector, data[at + 1]!),
        });
      }
    },
  };
}

type Nested<T> = Map<number, Map<number, Map<number, T>>>;

/** The value at `a/b/c`, made by `make(a, b, c)` the first time. */
function shared<T>(map: Nested<T>, a: number, b: number, c: number, make: (a: number, b: number, c: number) => T): T {
  let level = map.get(a);
  if (!level) map.set(a, (level = new Map()));
  let leaf = level.get(b);
  if (!leaf) level.set(b, (leaf = new Map()));
  let value = leaf.get(c);
  if (value === undefined) leaf.set(c, (value = make(a, b, c)));
  return value;
}
