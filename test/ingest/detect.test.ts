import { describe, expect, it } from 'vitest';
import genericEventLog from '../../connectors/generic-event-log/index.js';
import type { Connector } from '../../src/ingest/connector.js';
import { detectConnector } from '../../src/ingest/detect.js';
import { testConnectors } from '../support/test-connectors.js';

const registry = [...testConnectors, genericEventLog] as unknown as Connector[];

describe('detectConnector', () => {
  it('prefers a vendor connector whose required columns are all present over the generic log', () => {
    const detection = detectConnector('a.csv', { format: 'csv', header: ['Ticket Id', 'Status', 'Changed At', 'Activity', 'Case ID', 'Timestamp'] }, registry);
    expect(detection.ok && detection.connector.meta.id).toBe('test-tickets');
  });

  it('falls back to the generic event log when its roles resolve', () => {
    const detection = detectConnector('b.csv', { format: 'csv', header: ['case:concept:name', 'concept:name', 'time:timestamp'] }, registry);
    expect(detection.ok && detection.connector.meta.id).toBe('generic-event-log');
  });

  it('names the file, the columns seen and the closest connector with what it misses', () => {
    const detection = detectConnector('c.csv', { format: 'csv', header: ['Ticket Id', 'Changed At', 'Owner'] }, registry);
    expect(detection.ok).toBe(false);
    if (detection.ok) return;
    expect(detection.seen).toEqual(['Ticket Id', 'Changed At', 'Owner']);
    expect(detection.closest?.connector.meta.id).toBe('test-tickets');
    expect(detection.closest?.missing).toEqual(['Status']);
    expect(detection.message).toMatch(/^c\.csv: /);
  });

  it('detects JSON by the array key and the fields of its records', () => {
    const root = { items: [{ id: 1, children: [] }], next_page: null };
    const detection = detectConnector('d.json', { format: 'json', root }, registry);
    expect(detection.ok && detection.connector.meta.id).toBe('test-runs');
    const wrong = detectConnector('e.json', { format: 'json', root: { results: [{ id: 1 }] } }, registry);
    expect(wrong.ok).toBe(false);
  });

  it('lets a column mapping make the generic log match odd headers', () => {
    const shape = { format: 'csv' as const, header: ['Ticket', 'Step', 'When'] };
    expect(detectConnector('f.csv', shape, registry).ok).toBe(false);
    const mapped = detectConnector('f.csv', shape, registry, { settings: { columns: { case: 'Ticket', activity: 'Step', timestamp: 'When' } } });
    expect(mapped.ok && mapped.connector.meta.id).toBe('generic-event-log');
  });
});
