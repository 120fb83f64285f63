// Events crossing from a reading worker thread to the main one, packed so that unpacking them costs
// less than reading them did. Structured clone of the event objects took 8 µs an event on the main
// thread (longer than half of reading it), so a batch travels as one Int32Array of indices into a
// per-file table of the values that repeat (systems, kinds, records, actors, states, fields, links), plus
// the values that do not (times, details, ids of another form) as plain strings, which the table would
// only grow on; an id of the usual form, `file:line#n`, travels as its two numbers.
// A time or a link list equal to the last event's (the events of one row) travels as a flag, and comes
// back as the last event's own string or list: a row's events then share them, as the events of a row
// share their source.
import { eventId, type HandoffEvent } from '../model/index.js';

/** One batch of one file's events, in file order. */
export interface EventBatch {
  /** the connector that read the file, as the events' sources name it */
  connector: string;
  /** values new to the file's table, appended in order */
  strings: string[];
  /** per event, in order: its id unless ID_NUMBERED (its tail after the file name when ID_TAIL), its time unless SAME_TIME, its detail if any */
  texts: string[];
  /** FIELDS numbers per event; -1 where a field is absent */
  data: Int32Array<ArrayBuffer>;
  /** the events' links, in order, as (system, id, via) table indices, except SAME_LINKS ones; an event's count is in `data` */
  links: Int32Array<ArrayBuffer>;
}

/**
 * Numbers per event: 0 flags, 1 source line, 2-15 table indices of system, system kind, record type,
 * record id, kind, actor id, actor name, actor type, team, from, to, field, activity, workflow, 16 link
 * count, 17-18 the id's line and n (ID_NUMBERED only), 19 the source's column (a compact JSON page).
 */
const FIELDS = 20;
const ABSENT = -1;
/** flags, the first number of an event */
const ID_TAIL = 1;
const HAS_DETAIL = 2;
/** the time is the last event's */
const SAME_TIME = 4;
/** the links are those of the last event that had links */
const SAME_LINKS = 8;
/** the id is `file:line#n`, with line and n in the last two numbers */
const ID_NUMBERED = 16;
/** events a fresh batch has room for before it grows */
const FIRST_ROOM = 1024;

/** Packs the events of one file (`file` = the cited name their ids and sources carry). */
export function createEventPacker(file: string) {
  const table = new Map<string, number>();
  let fresh: string[] = [];
  let texts: string[] = [];
  // numbers go straight into typed arrays, grown by doubling: a plain array of 17 numbers an event,
  // copied into one at the end, was a fifth of packing and most of the workers' garbage
  let data = new Int32Array(FIRST_ROOM * FIELDS);
  let count = 0;
  let links = new Int32Array(FIRST_ROOM);
  let linkEnd = 0;
  let connector = '';
  // the last event's time, and the table indices of the links of the last event with links: kept
  // across batches, as the unpacker keeps what it made of them
  let lastAt: string | undefined;
  let lastLinks = new Int32Array(0);
  // per string field (by its place among an event's numbers), the last value and its index: most
  // fields repeat the last event's, and comparing with it costs less than hashing
  const lastText: (string | undefined)[] = new Array(FIELDS).fill(undefined);
  const lastIndex = new Int32Array(FIELDS).fill(ABSENT);
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
  const put = (offset: number, field: number, text: string | undefined): void => {
    if (text !== lastText[field]) {
      lastText[field] = text;
      lastIndex[field] = index(text);
    }
    data[offset + field] = lastIndex[field]!;
  };
  return {
    add(event: HandoffEvent): void {
      connector = event.source.connector;
      if ((count + 1) * FIELDS > data.length) data = grown(data);
      const at = count * FIELDS;
      let flags = 0;
      // ids are `file:line#n`: their numbers travel, or the tail after the file's name when it is
      // not in that form, or the whole id when a connector made another kind
      const id = event.id;
      const inFile = id.startsWith(file);
      if (inFile && readNumberedTail(id, file.length, data, at + 17)) flags |= ID_NUMBERED;
      else if (inFile) {
        flags |= ID_TAIL;
        texts.push(id.slice(file.length));
      } else texts.push(id);
      if (event.at === lastAt) flags |= SAME_TIME;
      else texts.push((lastAt = event.at));
      if (event.detail !== undefined) {
        flags |= HAS_DETAIL;
        texts.push(event.detail);
      }
      const eventLinks = event.links;
      if (eventLinks) {
        // written after the last batch's links, then taken back when they repeat the last event's
        const size = eventLinks.length * 3;
        while (linkEnd + size > links.length) links = grown(links);
        for (let n = 0, to = linkEnd; n < eventLinks.length; n++, to += 3) {
          const link = eventLinks[n]!;
          links[to] = index(link.system);
          links[to + 1] = index(link.id);
          links[to + 2] = index(link.via);
        }
        let same = lastLinks.length === size;
        for (let n = 0; same && n < size; n++) same = links[linkEnd + n] === lastLinks[n];
        if (same) flags |= SAME_LINKS;
        else {
          lastLinks = links.slice(linkEnd, linkEnd + size);
          linkEnd += size;
        }
      }
      data[at] = flags;
      data[at + 1] = event.source.line;
      put(at, 2, event.system);
      put(at, 3, event.systemKind);
      put(at, 4, event.record.type);
      put(at, 5, event.record.id);
      put(at, 6, event.kind);
      put(at, 7, event.actor.id);
      put(at, 8, event.actor.name);
      put(at, 9, event.actor.type);
      put(at, 10, event.team);
      put(at, 11, event.from);
      put(at, 12, event.to);
      put(at, 13, event.field);
      put(at, 14, event.activity);
      put(at, 15, event.workflow);
      data[at + 16] = eventLinks?.length ?? ABSENT;
      data[at + 19] = event.source.column ?? ABSENT;
      count++;
    },
    get size(): number {
      return count;
    },
    /** The events added since the last take, ready for `postMessage(batch, [batch.data.buffer, batch.links.buffer])`. */
    take(): EventBatch {
      const batch = { connector, strings: fresh, texts, data: data.slice(0, count * FIELDS), links: links.slice(0, linkEnd) };
      fresh = [];
      texts = [];
      count = 0;
      linkEnd = 0;
      return batch;
    },
  };
}

/** Twice the room, the numbers kept. */
function grown(numbers: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(numbers.length * 2);
  more.set(numbers);
  return more;
}

/**
 * Reads `:line#n` after `from` in an id into `into[at]` and `into[at + 1]`; false unless that is the
 * whole rest of the id, in the digits `join` writes back (no sign, no leading zero, at most nine).
 */
function readNumberedTail(id: string, from: number, into: Int32Array, at: number): boolean {
  if (id.charCodeAt(from) !== 58 /* : */) return false;
  let position = from + 1;
  for (let part = 0; part < 2; part++) {
    const start = position;
    let value = 0;
    for (let code = id.charCodeAt(position); code >= 48 && code <= 57; code = id.charCodeAt(++position)) value = value * 10 + code - 48;
    const digits = position - start;
    if (digits === 0 || digits > 9 || (digits > 1 && id.charCodeAt(start) === 48)) return false;
    into[at + part] = value;
    if (part === 0) {
      if (id.charCodeAt(position) !== 35 /* # */) return false;
      position++;
    }
  }
  return position === id.length;
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
  const sourceAt = (connector: string, line: number, column: number | undefined): HandoffEvent['source'] => {
    if (lastSource?.line !== line || lastSource.column !== column || lastSource.connector !== connector) lastSource = column === undefined ? { connector, file, line } : { connector, file, line, column };
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
        // flat, as ingest makes ids
        const id = flags & ID_NUMBERED ? eventId(file, data[at + 17]!, data[at + 18]!) : flags & ID_TAIL ? [file, texts[next++]!].join('') : texts[next++]!;
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
          source: sourceAt(batch.connector, data[at + 1]!, data[at + 19] === ABSENT ? undefined : data[at + 19]!),
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
