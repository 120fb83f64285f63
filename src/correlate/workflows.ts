// Links records of different systems into workflows through the ids they carry for each other.
import type { HandoffEvent, RecordLink, SystemKind } from '../model/index.js';
import { keyOf, recordKey, recordTag } from './handoffs.js';

/** One record of one system, with what correlation needs of it. */
export interface RecordInfo {
  key: string;
  /** records are numbered from 0 in order of their first event */
  number: number;
  system: string;
  systemKind: SystemKind;
  type: string;
  id: string;
  first: string;
  last: string;
  events: number;
  /** ids of other systems' records this record carries, as `system:id` or `*:id` when the system is unknown */
  links: string[];
  /** the first event of the record, for citing it */
  firstEvent: string;
  /** the workflow the record belongs to; undefined when it joined no record of another system */
  workflow: string | undefined;
}

/** Records of several systems that belong to one piece of work (a deal, its ticket, its issue, their syncs). */
export interface Workflow {
  id: string;
  records: string[];
  systems: string[];
  systemKinds: SystemKind[];
  start: string;
  end: string;
  events: number;
}

export interface Correlation {
  records: Map<string, RecordInfo>;
  workflows: Workflow[];
  /** records that joined no record of another system, by system */
  unlinked: { system: string; type: string; count: number; examples: string[] }[];
  /** links that named an id no record in the inputs has */
  danglingLinks: number;
  /** link values named by so many records that they cannot identify a workflow (labels, shared accounts) */
  categories: string[];
}

/** Each workflow's events in time order, in order of their first event, and each record's by its key. */
export interface EventGroups {
  byWorkflow: Map<string, HandoffEvent[]>;
  /** a record's events in time order; undefined for a key no event has */
  eventsOfRecord(key: string): HandoffEvent[] | undefined;
}

// `correlate` groups the events as it goes (it knows each event's record number) and keeps the groups
// here for the one pass that needs them (evidence), so that they do not outlive it (40 MB at 5M events)
const groupsMade = new WeakMap<Correlation, EventGroups>();

/** The groups `correlate` made for this correlation, handed over once; else the events grouped afresh. */
export function takeEventGroups(correlation: Correlation, events: readonly HandoffEvent[]): EventGroups {
  const made = groupsMade.get(correlation);
  if (made) {
    groupsMade.delete(correlation);
    return made;
  }
  const byWorkflow = new Map<string, HandoffEvent[]>();
  const byRecord = new Map<string, HandoffEvent[]>();
  for (const event of events) {
    push(byRecord, recordKey(event), event);
    if (event.workflow) push(byWorkflow, event.workflow, event);
  }
  return { byWorkflow, eventsOfRecord: (key) => byRecord.get(key) };
}

/** Numbers each `correlate` call, so that a record's tag tells whose number it carries. */
let passes = 0;

/** More records than this naming one id make it a category rather than a key. */
const MAX_RECORDS_PER_KEY = 100;

/** Salesforce ids come as 15 case-sensitive or 18 case-insensitive characters; the first 15 identify. */
function normaliseId(system: string | undefined, id: string): string {
  const trimmed = id.trim();
  if ((system === 'salesforce' || system === undefined) && trimmed.length === 18 && /^[a-zA-Z0-9]{15}[A-Z0-5]{3}$/.test(trimmed)) {
    return trimmed.slice(0, 15);
  }
  return trimmed;
}

/** Union-find over numbered nodes: records first, then the foreign ids records name. */
class UnionFind {
  private parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let node = 0; node < size; node++) this.parent[node] = node;
  }
  find(node: number): number {
    const parent = this.parent;
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]!]!; // path halving
      node = parent[node]!;
    }
    return node;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // which root wins does not matter: groups are listed by their first record, members sorted
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

/**
 * Groups records into workflows: a record joins every record whose id it carries as a link (and
 * records carrying the same foreign id join each other, even when the record they name is not in
 * the inputs). A link without a system matches that id in any other system. Integration runs join
 * the workflows of the records they name; a run naming no known record stays on its own.
 *
 * Input: events in time order. Sets `event.workflow` on every event of a linked record.
 */
export function correlate(events: HandoffEvent[]): Correlation {
  // records are numbered in order of first event; each event's record number saves a lookup by key
  // later. Maps over every record cost 30 MB each at 5M events (half of it the tables they outgrew),
  // so the records are found by key in one map, and by number in arrays
  const infos: RecordInfo[] = [];
  const records = new Map<string, RecordInfo>();
  const eventNodes = new Int32Array(events.length);
  // the events of one file share a record object, which carries the record's number for this pass
  // (`recordTag`): a property read instead of a lookup by key (a sixth of correlation's time at 5M)
  const pass = ++passes;
  // indexed loops over the events here: `entries()` made two objects per event (80 MB at 1M rows)
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    const tag = recordTag(event);
    let info = tag !== undefined && tag.pass === pass ? infos[tag.number] : undefined;
    if (!info) {
      const key = tag?.key ?? keyOf(event);
      info = records.get(key);
      if (!info) {
        info = {
          key,
          number: infos.length,
          system: event.system,
          systemKind: event.systemKind,
          type: event.record.type,
          id: event.record.id,
          first: event.at,
          last: event.at,
          events: 0,
          links: NO_LINKS,
          firstEvent: event.id,
          workflow: undefined,
        };
        infos.push(info);
        records.set(key, info);
      }
      if (tag !== undefined) {
        tag.pass = pass;
        tag.number = info.number;
      }
    }
    eventNodes[position] = info.number;
    info.events++;
    // in time order, the latest event is the last one seen
    info.last = event.at;
  }

  // each record's events, in time order, in a list made to its size (grown by push, a list keeps
  // room for 17 events, and most records have four or five); evidence takes them (`takeEventGroups`)
  const recordLists: HandoffEvent[][] = new Array(infos.length);
  for (let node = 0; node < infos.length; node++) recordLists[node] = new Array<HandoffEvent>(infos[node]!.events);
  const filled = new Int32Array(infos.length);
  for (let position = 0; position < events.length; position++) {
    const node = eventNodes[position]!;
    recordLists[node]![filled[node]!++] = events[position]!;
  }

  // a record's links, one record at a time: lists kept for every record while the events went by
  // were 60-90 MB of garbage at 5M events, promoted before it died. A record's events mostly
  // repeat its links: the raw ones are compared before a tag is made
  const seen: RecordLink[] = [];
  const tags: string[] = [];
  for (let node = 0; node < infos.length; node++) {
    const list = recordLists[node]!;
    let seenCount = 0;
    let tagCount = 0;
    for (let at = 0; at < list.length; at++) {
      const links = list[at]!.links;
      if (links === undefined) continue;
      for (let n = 0; n < links.length; n++) {
        const link = links[n]!;
        if (isSeen(seen, seenCount, link)) continue;
        seen[seenCount++] = link;
        const tag = [link.system ?? '*', ':', normaliseId(link.system, link.id)].join('');
        if (!isTagged(tags, tagCount, tag)) tags[tagCount++] = tag;
      }
    }
    // the run keeps the list: made to its size
    infos[node]!.links = tags.slice(0, tagCount);
  }
  seen.length = 0;
  tags.length = 0;

  // every id the links name, numbered, and each link's number in one flat list (records in order,
  // each record's links in order), so that the passes below neither slice nor hash a tag again:
  // three maps over these ids (how many records name each, who has it, its node) were 60 MB of
  // garbage at 5M events, promoted before it died
  let linkCount = 0;
  for (let node = 0; node < infos.length; node++) linkCount += infos[node]!.links.length;
  const linkIds = new Int32Array(linkCount);
  const ids = new Map<string, number>();
  const namedBy: number[] = [];
  for (let node = 0, at = 0; node < infos.length; node++) {
    for (const tag of infos[node]!.links) {
      const id = tag.slice(tag.indexOf(':') + 1);
      let number = ids.get(id);
      if (number === undefined) {
        ids.set(id, (number = namedBy.length));
        namedBy.push(0);
      }
      namedBy[number]!++;
      linkIds[at++] = number;
    }
  }
  // an id named by very many records is a category (a label, a shared account), not a workflow key
  const categories: string[] = [];
  for (const [id, number] of ids) if (namedBy[number]! > MAX_RECORDS_PER_KEY) categories.push(id);

  // the records that have each named id: the first in `owner`, and all of them in `owners` when
  // there are several (most ids name one record). A link naming the record's own system is
  // another id of the same record (a ServiceNow number beside its sys_id), not a link
  const owner = new Int32Array(namedBy.length).fill(-1);
  const owners = new Map<number, number[]>();
  const own = (number: number, node: number) => {
    const first = owner[number]!;
    if (first === -1) owner[number] = node;
    else if (first !== node) {
      const list = owners.get(number);
      if (list === undefined) owners.set(number, [first, node]);
      else if (!list.includes(node)) list.push(node);
    }
  };
  for (let node = 0, at = 0; node < infos.length; node++) {
    const info = infos[node]!;
    const number = ids.get(normaliseId(info.system, info.id));
    if (number !== undefined) own(number, node);
    const prefix = `${info.system}:`;
    for (const tag of info.links) {
      const number = linkIds[at++]!;
      if (tag.startsWith(prefix)) own(number, node);
    }
  }

  // records of different systems naming the same foreign id belong together even without that
  // record: each id is a node of its own, numbered after the records
  const sets = new UnionFind(infos.length + namedBy.length);
  let danglingLinks = 0;
  for (let node = 0, at = 0; node < infos.length; node++) {
    const info = infos[node]!;
    // joins this record to the other systems' records that have the id (of `system` only, when
    // given); false when there is none
    const join = (target: number, system: string | undefined): boolean => {
      const targetSystem = infos[target]!.system;
      if (targetSystem === info.system || (system !== undefined && targetSystem !== system)) return false;
      sets.union(node, target);
      return true;
    };
    const joinOthers = (number: number, system?: string): boolean => {
      const first = owner[number]!;
      if (first === -1) return false;
      const list = owners.get(number);
      if (list === undefined) return join(first, system);
      let joined = false;
      for (const target of list) if (join(target, system)) joined = true;
      return joined;
    };
    for (const tag of info.links) {
      const number = linkIds[at++]!;
      const system = tag.slice(0, tag.indexOf(':'));
      if (system === info.system || namedBy[number]! > MAX_RECORDS_PER_KEY) continue;
      // id shapes are shared between tools (a Linear DEL-12 looks like a Jira key): fall back to the id alone
      if (!(system !== '*' && joinOthers(number, system)) && !joinOthers(number)) danglingLinks++;
      sets.union(node, infos.length + number);
    }
  }

  // record numbers by root, so that a member's number needs no lookup by key. A group's root is its
  // lowest number, a record's (ids are numbered after the records), so listing the roots in
  // ascending order lists the groups by their first record
  const byRoot: (number[] | undefined)[] = new Array(infos.length);
  const groups: number[][] = [];
  for (let node = 0; node < infos.length; node++) {
    const root = sets.find(node);
    const group = byRoot[root];
    if (group) group.push(node);
    else groups.push((byRoot[root] = [node]));
  }

  const workflows: Workflow[] = [];
  const unlinkedBySystem = new Map<string, { system: string; type: string; count: number; examples: string[] }>();
  for (const group of groups) {
    group.sort((a, b) => (infos[a]!.key < infos[b]!.key ? -1 : 1));
    const members = group.map((node) => infos[node]!);
    const systems = [...new Set(members.map((m) => m.system))].sort();
    if (systems.length < 2) {
      for (const member of members) {
        const label = `${member.system}/${member.type}`;
        const entry = unlinkedBySystem.get(label) ?? { system: member.system, type: member.type, count: 0, examples: [] };
        entry.count++;
        if (entry.examples.length < 5) entry.examples.push(member.firstEvent);
        unlinkedBySystem.set(label, entry);
      }
      continue;
    }
    // named after its CRM record when it has one: that is how people refer to the piece of work
    const anchor = members.find((m) => m.systemKind === 'crm') ?? members.find((m) => m.systemKind !== 'integration') ?? members[0]!;
    const id = ['wf:', anchor.key].join('');
    for (const member of members) member.workflow = id;
    workflows.push({
      id,
      records: members.map((m) => m.key),
      systems,
      systemKinds: [...new Set(members.map((m) => m.systemKind))].sort(),
      start: members.reduce((min, m) => (m.first < min ? m.first : min), members[0]!.first),
      end: members.reduce((max, m) => (m.last > max ? m.last : max), members[0]!.last),
      events: members.reduce((sum, m) => sum + m.events, 0),
    });
  }
  workflows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // the workflows' groups, made where each event's record number is known: one lookup per record,
  // not one hash of its key per event
  const eventsByWorkflow = new Map<string, HandoffEvent[]>();
  const workflowListOf: (HandoffEvent[] | undefined)[] = new Array(infos.length);
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    const node = eventNodes[position]!;
    const workflow = infos[node]!.workflow;
    if (workflow) event.workflow = workflow;
    if (!event.workflow) continue;
    let list = event.workflow === workflow ? workflowListOf[node] : undefined;
    if (!list) {
      list = eventsByWorkflow.get(event.workflow);
      if (!list) eventsByWorkflow.set(event.workflow, (list = []));
      if (event.workflow === workflow) workflowListOf[node] = list;
    }
    list.push(event);
  }
  const unlinked = [...unlinkedBySystem.values()].sort((a, b) => a.system.localeCompare(b.system) || a.type.localeCompare(b.type));
  const correlation = { records, workflows, unlinked, danglingLinks, categories: categories.sort() };
  groupsMade.set(correlation, {
    byWorkflow: eventsByWorkflow,
    eventsOfRecord: (key) => {
      const info = records.get(key);
      return info === undefined ? undefined : recordLists[info.number];
    },
  });
  return correlation;
}

/** A record's links until they are read, one record at a time (not a list per record to throw away). */
const NO_LINKS: string[] = [];

function isSeen(seen: readonly RecordLink[], count: number, link: RecordLink): boolean {
  for (let n = 0; n < count; n++) if (seen[n]!.id === link.id && seen[n]!.system === link.system) return true;
  return false;
}

function isTagged(tags: readonly string[], count: number, tag: string): boolean {
  for (let n = 0; n < count; n++) if (tags[n] === tag) return true;
  return false;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
