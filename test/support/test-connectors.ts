// Small connectors for runtime tests, independent of the real vendor connectors.
import { z } from 'zod';
import { defineConnector } from '../../src/ingest/connector.js';

/** CSV: `Ticket Id, Status, Changed At` (+ repeated `Tag`). */
export const csvTickets = defineConnector({
  meta: {
    id: 'test-tickets',
    tool: 'Test',
    system: 'testdesk',
    systemKind: 'support',
    description: 'test CSV',
    format: 'csv',
    columns: { required: ['Ticket Id', 'Status', 'Changed At'], optional: ['Group'], repeated: ['Tag'] },
    emits: ['state-changed'],
    timeZone: 'zone-less',
    docs: ['https://example.test/docs'],
  },
  row: z.object({
    'Ticket Id': z.string().min(1),
    Status: z.enum(['open', 'pending', 'solved']),
    'Changed At': z.string(),
    Group: z.string().optional(),
    Tag: z.array(z.string()),
  }),
  toEvents(row, ctx) {
    const at = ctx.time(row['Changed At'], 'Changed At');
    if (!at) return [];
    return [
      {
        at,
        system: 'testdesk',
        systemKind: 'support',
        record: { type: 'ticket', id: row['Ticket Id'] },
        kind: 'state-changed',
        to: row.Status,
        actor: { id: 'x', type: ctx.actorType(['x']) },
        ...(row.Group ? { team: row.Group } : {}),
        ...(row.Tag.length ? { detail: row.Tag.join('|') } : {}),
      },
    ];
  },
});

/** JSON page `{ items: [{ id, at, children: [{ at }] }], next_page }`: one event per child, cited at the child's line. */
export const jsonRuns = defineConnector({
  meta: {
    id: 'test-runs',
    tool: 'Test',
    system: 'testipaas',
    systemKind: 'integration',
    description: 'test JSON',
    format: 'json',
    recordsKey: 'items',
    pageKeys: ['next_page'],
    columns: { required: ['id', 'children'] },
    emits: ['sync-failed'],
    timeZone: 'ISO',
    docs: ['https://example.test/docs'],
  },
  row: z.object({ id: z.union([z.string(), z.number()]), children: z.array(z.object({ at: z.string() })) }),
  toEvents(row, ctx) {
    return row.children.flatMap((child, index) => {
      const at = ctx.time(child.at, 'at');
      if (!at) return [];
      return [
        {
          at,
          system: 'testipaas',
          systemKind: 'integration' as const,
          record: { type: 'run', id: String(row.id) },
          kind: 'sync-failed' as const,
          actor: { id: 'bot', type: 'integration' as const },
          line: ctx.lineOf(['children', index]),
        },
      ];
    });
  },
});

/** NDJSON lines `{ "ticket": 1, "at": "…" }`. */
export const ndjsonTickets = defineConnector({
  meta: {
    id: 'test-lines',
    tool: 'Test',
    system: 'testdesk',
    systemKind: 'support',
    description: 'test NDJSON',
    format: 'ndjson',
    columns: { required: ['ticket', 'at'] },
    emits: ['created'],
    timeZone: 'ISO',
    docs: ['https://example.test/docs'],
  },
  row: z.object({ ticket: z.number(), at: z.string() }),
  toEvents(row, ctx) {
    const at = ctx.time(row.at, 'at');
    if (!at) return [];
    return [{ at, system: 'testdesk', systemKind: 'support', record: { type: 'ticket', id: String(row.ticket) }, kind: 'created', actor: { id: 'u', type: 'human' } }];
  },
});

export const testConnectors = [csvTickets, jsonRuns, ndjsonTickets];
