// Zendesk Ticket Metric Events: SLA breaches as exceptions, the fulfilment that follows a breach as its resolution.
import { defineConnector } from '../../src/ingest/connector.js';
import type { EventDraft } from '../../src/model/index.js';
import { DOCS, SYSTEM, SYSTEM_KIND, idText, valueText } from '../zendesk-common.js';
import { ZendeskTicketMetricEventRow } from './row.js';

/**
 * Breaches seen so far in this file, by `ticket|metric|instance`. The API lists metric events in
 * chronological order, so a breach comes before the fulfilment that ends it; the set lives for one
 * file (prepare runs once per file).
 */
interface OpenBreaches {
  breached: Set<string>;
}

/** The SLA engine is Zendesk itself. */
const SLA_ENGINE = { id: 'zendesk-sla', type: 'system' as const };

export default defineConnector({
  meta: {
    id: 'zendesk-ticket-metric-events',
    tool: 'Zendesk Support',
    system: SYSTEM,
    systemKind: SYSTEM_KIND,
    description:
      'Ticket Metric Events (GET /api/v2/incremental/ticket_metric_events.json): SLA activate / pause / fulfill / apply_sla / breach / update_status events per ticket metric, one page per file',
    format: 'json',
    recordsKey: 'ticket_metric_events',
    pageKeys: ['next_page', 'count', 'end_time', 'end_of_stream', 'after_cursor', 'meta', 'links'],
    columns: {
      required: ['ticket_id', 'metric', 'instance_id', 'type', 'time'],
      optional: ['id', 'sla', 'group_sla', 'status', 'deleted'],
    },
    emits: ['exception-opened', 'exception-resolved', 'field-changed'],
    timeZone: '`time` is ISO 8601 UTC (`2015-08-27T08:00:00Z`)',
    docs: [DOCS.metricEvents, DOCS.metricEventTypes],
  },
  row: ZendeskTicketMetricEventRow,

  prepare() {
    return { ok: true, value: { breached: new Set<string>() } satisfies OpenBreaches };
  },

  toEvents(row, ctx) {
    const ticket = idText(row.ticket_id);
    if (!ticket) {
      ctx.reject('row/missing-value', 'ticket_id', 'ticket_id is empty');
      return [];
    }
    const at = ctx.time(row.time, 'time');
    if (!at) return [];
    const instance = row.instance_id ?? 0;
    const key = `${ticket}|${row.metric}|${instance}`;
    const base = { at, system: SYSTEM, systemKind: SYSTEM_KIND, record: { type: 'ticket', id: ticket }, actor: SLA_ENGINE, field: row.metric };
    const open = ctx.prepared.breached;

    switch (row.type) {
      case 'breach': {
        // "In general, you can ignore any breach event when deleted is true": the target was met or changed
        if (row.deleted === true) return [];
        open.add(key);
        return [{ ...base, kind: 'exception-opened', detail: `SLA breached: ${row.metric} (instance ${instance})` }];
      }
      case 'fulfill': {
        if (!open.has(key)) return [];
        open.delete(key);
        return [{ ...base, kind: 'exception-resolved', detail: `SLA fulfilled after breach: ${row.metric} (instance ${instance})` }];
      }
      case 'apply_sla':
      case 'apply_group_sla': {
        const sla = row.type === 'apply_sla' ? row.sla : row.group_sla;
        const policy = valueText(sla?.policy?.title) ?? idText(sla?.policy?.id);
        const target = sla?.target ?? undefined;
        const hours = sla?.business_hours === true ? 'business hours' : sla?.business_hours === false ? 'calendar hours' : undefined;
        const detail = [`${row.metric} (instance ${instance})`, target !== undefined ? `target ${target} min` : undefined, hours].filter(Boolean).join('; ');
        const event: EventDraft = { ...base, kind: 'field-changed', field: row.type === 'apply_sla' ? 'sla_policy' : 'group_sla_policy', detail };
        return [policy ? { ...event, to: policy } : event];
      }
      default:
        // activate, pause, update_status, measure: clock bookkeeping with no handoff of its own
        return [];
    }
  },
});
