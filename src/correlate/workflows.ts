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

class UnionFind {
  private parent = new Map<string, string>();
  find(node: string): string {
    let root = this.parent.get(node) ?? node;
    if (root === node) {
      if (!this.parent.has(node)) this.parent.set(node, node);
      return node;
    }
    root = this.find(root);
    this.parent.set(node, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // the smaller key becomes the root, so the result never depends on input order
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
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
  const records = new Map<string, RecordInfo>();
  for (const event of events) {
    const key = recordKey(event);
    let info = records.get(key);
    if (!info) {
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
      records.set(key, info);
    }
    info.events++;
    if (event.at > info.last) info.last = event.at;
    for (const link of event.links ?? []) {
      const tag = `${link.system ?? '*'}:${normaliseId(link.system, link.id)}`;
      if (!info.links.includes(tag)) info.links.push(tag);
    }
  }

  // index records by their own id, per system and across systems; a link naming the record's own
  // system is another id of the same record (a ServiceNow number beside its sys_id), not a link
  const bySystemId = new Map<string, string[]>();
  const byId = new Map<string, string[]>();
  const index = (system: string, id: string, key: string) => {
    if (!(bySystemId.get(`${system}:${id}`) ?? []).includes(key)) push(bySystemId, `${system}:${id}`, key);
    if (!(byId.get(id) ?? []).includes(key)) push(byId, id, key);
  };
  for (const info of records.values()) {
    index(info.system, normaliseId(info.system, info.id), info.key);
    for (const tag of info.links) if (tag.startsWith(`${info.system}:`)) index(info.system, tag.slice(info.system.length + 1), info.key);
  }

  // an id named by very many records is a category (a label, a shared account), not a workflow key
  const namedBy = new Map<string, number>();
  for (const info of records.values()) for (const tag of info.links) namedBy.set(tag.slice(tag.indexOf(':') + 1), (namedBy.get(tag.slice(tag.indexOf(':') + 1)) ?? 0) + 1);
  const categories = new Set([...namedBy].filter(([, count]) => count > MAX_RECORDS_PER_KEY).map(([id]) => id));

  const sets = new UnionFind();
  let danglingLinks = 0;
  for (const info of [...records.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    sets.find(info.key);
    for (const tag of info.links) {
      const [system, ...rest] = tag.split(':');
      if (system === info.system) continue;
      const id = rest.join(':');
      if (categories.has(id)) continue;
      const other = (key: string) => records.get(key)!.system !== info.system;
      let targets = system === '*' ? [] : (bySystemId.get(tag) ?? []).filter(other);
      // id shapes are shared between tools (a Linear DEL-12 looks like a Jira key): fall back to the id alone
      if (targets.length === 0) targets = (byId.get(id) ?? []).filter(other);
      if (targets.length === 0) danglingLinks++;
      for (const target of targets) sets.union(info.key, target);
      // records of different systems naming the same foreign id belong together even without that record
      sets.union(info.key, `link:${id}`);
    }
  }

  const groups = new Map<string, RecordInfo[]>();
  for (const info of records.values()) push(groups, sets.find(info.key), info);

  const workflows: Workflow[] = [];
  const workflowOf = new Map<string, string>();
  const unlinkedBySystem = new Map<string, { system: string; type: string; count: number; examples: string[] }>();
  for (const members of groups.values()) {
    members.sort((a, b) => (a.key < b.key ? -1 : 1));
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
    const id = `wf:${anchor.key}`;
    for (const member of members) workflowOf.set(member.key, id);
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
  for (const event of events) {
    const workflow = workflowOf.get(recordKey(event));
    if (workflow) event.workflow = workflow;
  }
  const unlinked = [...unlinkedBySystem.values()].sort((a, b) => a.system.localeCompare(b.system) || a.type.localeCompare(b.type));
  return { records, workflows, workflowOf, unlinked, danglingLinks, categories: [...categories].sort() };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
