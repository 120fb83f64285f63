// The model: events, issues.
export * from './handoff-event.js';
export * from './issue.js';
