// One parent event of Zendesk's Incremental Ticket Event Export (`ticket_events[]`), in the API's own keys.
import { z } from 'zod';

const Id = z.union([z.number(), z.string().min(1)]);

/**
 * A child event: `event_type` (`Create`, `Change`, `Comment`, `Notification`…), `via`, and the changed
 * attribute as its own key (`status`, `assignee_id`, `custom_ticket_fields`…) with `previous_value`.
 * With `include=comment_events`, comments carry `author_id`, `body`, `public`. Keys vary, so the rest
 * passes through.
 */
export const ZendeskChildEvent = z
  .object({
    id: Id.optional(),
    via: z.unknown().optional(),
    via_reference_id: z.unknown().optional(),
    event_type: z.string().optional(),
    type: z.string().optional(),
    previous_value: z.unknown().optional(),
  })
  .passthrough();
export type ZendeskChildEvent = z.infer<typeof ZendeskChildEvent>;

export const ZendeskTicketEventRow = z
  .object({
    id: Id.optional(),
    ticket_id: Id,
    /** Unix seconds */
    timestamp: z.number().optional(),
    /** ISO 8601 UTC */
    created_at: z.string().optional(),
    updater_id: z.union([z.number(), z.string()]).nullable().optional(),
    /** a display label here (`"Web form"`), not the Audits API's via object */
    via: z.unknown().optional(),
    event_type: z.string().optional(),
    child_events: z.array(ZendeskChildEvent),
  })
  .passthrough();
export type ZendeskTicketEventRow = z.infer<typeof ZendeskTicketEventRow>;
