// Links records of different systems into workflows through the ids they carry for each other.
import type { HandoffEvent, SystemKind } from '../model/index.js';
import { recordKey } from './handoffs.js';

/** One record of one system, with what correlation needs of it. */
export interface RecordInfo {
  key: string;
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
  /** record key → workflow id */
  workflowOf: Map<string, string>;
  /** records that joined no record of another system, by system */
  unlinked: { system: string; type: string; count: number; examples: string[] }[];
  /** links that named an id no record in the inputs has */
  danglingLinks: number;
  /** link values named by so many records that they cannot identify a workflow (labels, shared accounts) */
  categories: string[];
}

/** Each workflow's and each record's (by key) events in time order, in order of their first event. */
export interface EventGroups {
  byWorkflow: Map<string, HandoffEvent[]>;
  byRecord: Map<string, HandoffEvent[]>;
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
  const groups: EventGroups = { byWorkflow: new Map(), byRecord: new Map() };
  for (const event of events) {
    push(groups.byRecord, recordKey(event), event);
    if (event.workflow) push(groups.byWorkflow, event.workflow, event);
  }
  return groups;
}

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
  private parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
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
  // records are numbered in order of first event; each event's record number saves a lookup by key later
  const infos: RecordInfo[] = [];
  const nodeOf = new Map<string, number>();
  const eventNodes = new Int32Array(events.length);
  // one list per record, pushed with it: an array filled at scattered indices turns sparse and slow
  const linksSeen: NonNullable<HandoffEvent['links']>[] = [];
  // the events of one row are neighbours and share their record object: the last record's number
  // saves a lookup by key for a quarter of the events
  let lastRecord: HandoffEvent['record'] | undefined;
  let lastSystem = '';
  let lastNode = -1;
  // indexed loops over the events here: `entries()` made two objects per event (80 MB at 1M rows)
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    let node = event.record === lastRecord && event.system === lastSystem ? lastNode : nodeOf.get(recordKey(event));
    let info = node === undefined ? undefined : infos[node];
    if (!info) {
      const key = recordKey(event);
      info = {
        key,
        system: event.system,
        systemKind: event.systemKind,
        type: event.record.type,
        id: event.record.id,
        first: event.at,
        last: event.at,
        events: 0,
        links: [],
        firstEvent: event.id,
      };
      node = infos.push(info) - 1;
      linksSeen.push([]);
      nodeOf.set(key, node);
    }
    lastRecord = event.record;
    lastSystem = event.system;
    lastNode = node!;
    eventNodes[position] = node!;
    info.events++;
    // in time order, the latest event is the last one seen
    info.last = event.at;
    if (event.links === undefined) continue;
    // a record's events mostly repeat its links: compare the raw ones before making a tag
    const seen = linksSeen[node!]!;
    for (const link of event.links) {
      if (seen.some((known) => known.id === link.id && known.system === link.system)) continue;
      seen.push(link);
      const tag = [link.system ?? '*', ':', normaliseId(link.system, link.id)].join('');
      if (!info.links.includes(tag)) info.links.push(tag);
    }
  }

  // the run keeps the records: their link lists trimmed to size (grown by push, they keep room for 17)
  for (const info of infos) if (info.links.length > 0) info.links = info.links.slice();
  const records = new Map(infos.map((info) => [info.key, info]));

  // index records by their own id, per system and across systems; a link naming the record's own
  // system is another id of the same record (a ServiceNow number beside its sys_id), not a link
  const bySystemId = new Map<string, number[]>();
  const byId = new Map<string, number[]>();
  const index = (system: string, id: string, node: number) => {
    addOnce(bySystemId, [system, ':', id].join(''), node);
    addOnce(byId, id, node);
  };
  for (let node = 0; node < infos.length; node++) {
    const info = infos[node]!;
    index(info.system, normaliseId(info.system, info.id), node);
    for (const tag of info.links) if (tag.startsWith(`${info.system}:`)) index(info.system, tag.slice(info.system.length + 1), node);
  }

  // an id named by very many records is a category (a label, a shared account), not a workflow key
  const namedBy = new Map<string, number>();
  for (const info of infos) {
    for (const tag of info.links) {
      const id = tag.slice(tag.indexOf(':') + 1);
      namedBy.set(id, (namedBy.get(id) ?? 0) + 1);
    }
  }
  const categories = new Set([...namedBy].filter(([, count]) => count > MAX_RECORDS_PER_KEY).map(([id]) => id));

  const sets = new UnionFind();
  for (let node = 0; node < infos.length; node++) sets.add();
  // records of different systems naming the same foreign id belong together even without that record
  const idNodes = new Map<string, number>();
  let danglingLinks = 0;
  for (let node = 0; node < infos.length; node++) {
    const info = infos[node]!;
    // joins this record to the records of other systems in the list; false when there is none
    const joinOthers = (targets: readonly number[] | undefined): boolean => {
      let joined = false;
      for (const target of targets ?? []) {
        if (infos[target]!.system === info.system) continue;
        sets.union(node, target);
        joined = true;
      }
      return joined;
    };
    for (const tag of info.links) {
      const colon = tag.indexOf(':');
      const system = tag.slice(0, colon);
      if (system === info.system) continue;
      const id = tag.slice(colon + 1);
      if (categories.has(id)) continue;
      // id shapes are shared between tools (a Linear DEL-12 looks like a Jira key): fall back to the id alone
      if (!(system !== '*' && joinOthers(bySystemId.get(tag))) && !joinOthers(byId.get(id))) danglingLinks++;
      let idNode = idNodes.get(id);
      if (idNode === undefined) idNodes.set(id, (idNode = sets.add()));
      sets.union(node, idNode);
    }
  }

  // record numbers by root, so that a member's number needs no lookup by key
  const groups = new Map<number, number[]>();
  for (let node = 0; node < infos.length; node++) push(groups, sets.find(node), node);
  const workflowOfNode: (string | undefined)[] = new Array(infos.length);

  const workflows: Workflow[] = [];
  const workflowOf = new Map<string, string>();
  const unlinkedBySystem = new Map<string, { system: string; type: string; count: number; examples: string[] }>();
  for (const group of groups.values()) {
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
    for (const node of group) {
      workflowOf.set(infos[node]!.key, id);
      workflowOfNode[node] = id;
    }
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
  // the groups evidence needs (see `takeEventGroups`), made where each event's record number is
  // known: one lookup per record, not one hash of its key per event
  // each record's list made to its size (its event count is known): grown by push, a list keeps
  // room for 17 events, and most records have four or five
  const eventsByRecord = new Map<string, HandoffEvent[]>();
  const recordLists: HandoffEvent[][] = new Array(infos.length);
  for (let node = 0; node < infos.length; node++) eventsByRecord.set(infos[node]!.key, (recordLists[node] = new Array<HandoffEvent>(infos[node]!.events)));
  const filled = new Int32Array(infos.length);
  const eventsByWorkflow = new Map<string, HandoffEvent[]>();
  const workflowListOf: (HandoffEvent[] | undefined)[] = new Array(infos.length);
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    const node = eventNodes[position]!;
    recordLists[node]![filled[node]!++] = event;
    const workflow = workflowOfNode[node];
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
  const correlation = { records, workflows, workflowOf, unlinked, danglingLinks, categories: [...categories].sort() };
  groupsMade.set(correlation, { byWorkflow: eventsByWorkflow, byRecord: eventsByRecord });
  return correlation;
}

function addOnce<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
