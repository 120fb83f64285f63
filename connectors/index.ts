// The connector registry: one line per connector folder, sorted by id.
import type { Connector } from '../src/ingest/connector.js';
import genericEventLog from './generic-event-log/index.js';

export const connectors: readonly Connector[] = [genericEventLog as Connector].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
