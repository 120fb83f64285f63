// One Zendesk ticket metric event (`ticket_metric_events[]` of GET /api/v2/incremental/ticket_metric_events), in the API's own keys.
import { z } from 'zod';

const Id = z.union([z.number(), z.string().min(1)]);

/** The SLA policy and target an `apply_sla` / `apply_group_sla` event puts on a metric. */
const Sla = z
  .object({
    target: z.number().nullable().optional(),
    target_in_seconds: z.number().nullable().optional(),
    business_hours: z.boolean().nullable().optional(),
    policy: z.object({ id: z.unknown().optional(), title: z.string().nullable().optional(), description: z.string().nullable().optional() }).passthrough().nullable().optional(),
  })
  .passthrough();

export const ZendeskTicketMetricEventRow = z
  .object({
    id: Id,
    ticket_id: Id,
    /** agent_work_time, pausable_update_time, periodic_update_time, reply_time, requester_wait_time, resolution_time, group_ownership_time… */
    metric: z.string().min(1),
    instance_id: z.number().nullable().optional(),
    /** activate, pause, fulfill, apply_sla, apply_group_sla, breach, update_status, measure */
    type: z.string().min(1),
    /** ISO 8601 UTC */
    time: z.string(),
    sla: Sla.nullable().optional(),
    group_sla: Sla.nullable().optional(),
    /** minutes the metric has been open, on update_status */
    status: z.object({ calendar: z.number().nullable().optional(), business: z.number().nullable().optional() }).passthrough().nullable().optional(),
    /** on breach events: true when the breach no longer applies (ignore it) */
    deleted: z.boolean().nullable().optional(),
  })
  .passthrough();
export type ZendeskTicketMetricEventRow = z.infer<typeof ZendeskTicketMetricEventRow>;
