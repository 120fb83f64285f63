import { describe, expect, it } from 'vitest';
import type { HandoffEvent } from '../../src/model/index.js';
import { collectPersonalNames, createRedactor, pseudonym, redactDeep } from '../../src/reporters/redact.js';

const event = (actor: HandoffEvent['actor'], extra: Partial<HandoffEvent> = {}): HandoffEvent => ({
  id: 'f.csv:2#0',
  at: '2026-01-05T09:00:00.000Z',
  system: 'jira',
  systemKind: 'delivery',
  record: { type: 'issue', id: 'DLV-1' },
  kind: 'comment',
  actor,
  source: { connector: 'jira-csv', file: 'f.csv', line: 2 },
  ...extra,
});

describe('pseudonym', () => {
  it('is stable for the same normalised name and differs between names', () => {
    expect(pseudonym('Ana Lima')).toBe(pseudonym('  ana   LIMA '));
    expect(pseudonym('Ana Lima')).toMatch(/^person-[0-9a-f]{6}$/);
    expect(pseudonym('Ana Lima')).not.toBe(pseudonym('Ana Lim'));
  });
});

describe('collectPersonalNames', () => {
  it('takes people and named owners, not integration accounts or placeholders', () => {
    const names = collectPersonalNames([
      event({ id: 'u1', name: 'Ana Lima', type: 'human' }),
      event({ id: 'zap', name: 'Zapier Integration', type: 'integration' }),
      event({ id: 'unknown', type: 'unknown' }),
      event({ id: 'sys', name: 'Trigger', type: 'system' }, { kind: 'owner-changed', from: 'Bo Berg', to: 'Cy Dahl' }),
    ]);
    expect(names).toEqual(['Ana Lima', 'Bo Berg', 'Cy Dahl', 'u1']);
  });
});

describe('createRedactor', () => {
  const redact = createRedactor(['Ana Lima', 'u1']);
  it('replaces whole values, names inside text, and any e-mail address', () => {
    expect(redact('Ana Lima')).toBe(pseudonym('Ana Lima'));
    expect(redact('u1')).toBe(pseudonym('u1'));
    expect(redact('edited by ana  lima today')).toBe(`edited by ${pseudonym('ana  lima')} today`);
    expect(redact('mail bo.berg@acme.example now')).toBe(`mail ${pseudonym('bo.berg@acme.example')} now`);
  });
  it('leaves single-word ids inside prose and non-personal text alone', () => {
    expect(redact('team u1x and unknown')).toBe('team u1x and unknown');
    expect(redact('Sales Ops')).toBe('Sales Ops');
  });
  it('walks keys and values of nested data', () => {
    expect(redactDeep({ 'Ana Lima': ['Ana Lima', 3] }, redact)).toEqual({ [pseudonym('Ana Lima')]: [pseudonym('Ana Lima'), 3] });
  });
});
