// Zap run statuses and the record-id patterns shared by the integration-platform connectors.
import { describe, expect, it } from 'vitest';
import { compilePatterns, LinkCollector, collectPayloadLinks, linkFieldsOf, shortError } from '../../connectors/ipaas-common.js';
import { outcomeOf } from '../../connectors/zapier-zap-runs/index.js';

describe('outcomeOf', () => {
  it.each([
    ['success', 'sync-succeeded', 'success'],
    ['error', 'sync-failed', 'error'],
    ['Stopped (Errored)', 'sync-failed', 'error'],
    ['Stopped (Halted)', 'sync-failed', 'halted'],
    ['error_handled', 'sync-failed', 'error_handled'],
    ['held', 'sync-failed', 'held'],
    ['scheduled', 'sync-retried', 'scheduled'],
    ['throttled', 'sync-retried', 'throttled'],
    ['filtered', 'none', 'filtered'],
    ['skipped', 'none', 'skipped'],
    ['delayed', 'none', 'delayed'],
    ['Playing', 'none', 'playing'],
  ])('maps the Zap run status %s to %s', (status, kind, label) => {
    expect(outcomeOf(status)).toEqual({ kind, label });
  });

  it('counts a filtered run as a success only when asked', () => {
    expect(outcomeOf('filtered', 'succeeded')).toEqual({ kind: 'sync-succeeded', label: 'filtered' });
  });

  it('knows nothing of an invented status', () => {
    expect(outcomeOf('exploded')).toBeUndefined();
  });
});

describe('record-id patterns', () => {
  const patterns = (compilePatterns({}) as { ok: true; patterns: never[] }).patterns;
  const scan = (text: string) => {
    const links = new LinkCollector();
    links.scan(text, 'title', patterns);
    return links.links.map((link) => `${link.system}:${link.id}`);
  };

  it('finds Salesforce ids of 15 and 18 characters with known prefixes, and Jira keys', () => {
    expect(scan('Opp 0065e00000GqWxY and case 5003000000D8cuIAAR → ONB-142')).toEqual(['salesforce:0065e00000GqWxY', 'salesforce:5003000000D8cuIAAR', 'jira:ONB-142']);
  });

  it('ignores digit-only tokens, tokens of other lengths and version-like keys', () => {
    expect(scan('order 500123456789012 ref 0065e00000GqWxYAAVX UTF-8 ISO-8601 SHA-256')).toEqual([]);
  });

  it('finds Zendesk tickets by URL and by name, and ServiceNow numbers', () => {
    expect(scan('https://acme.zendesk.com/agent/tickets/48213 Zendesk ticket #48377 INC0012345')).toEqual(['zendesk:48213', 'zendesk:48377', 'servicenow:INC0012345']);
  });

  it('takes user patterns instead of the defaults, and rejects a broken one by index', () => {
    const custom = compilePatterns({ linkPatterns: [{ system: 'linear', pattern: '\\b(ENG-\\d+)\\b' }] });
    expect(custom.ok && custom.patterns.length).toBe(1);
    const broken = compilePatterns({ linkPatterns: [{ pattern: '(' }] });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/linkPatterns\[0\]/);
  });

  it('reads link fields before patterns, walks JSON text, and lets a null remove a default field', () => {
    const links = new LinkCollector();
    const fields = linkFieldsOf({ linkFields: { ticket_id: 'zendesk', issue_key: null } });
    collectPayloadLinks('{"ticket_id": 48213, "issue_key": "SUP-9", "note": "see ONB-1"}', 'data_in', fields, patterns, links);
    expect(links.links).toEqual([
      { system: 'zendesk', id: '48213', via: 'data_in.ticket_id' },
      { system: 'jira', id: 'SUP-9', via: 'data_in.issue_key' },
      { system: 'jira', id: 'ONB-1', via: 'data_in.note' },
    ]);
  });

  it('cuts a Workato error before its input dump', () => {
    expect(shortError('Bad request: x; Error ID 1; input: {"LastName"=>"L"}')).toBe('Bad request: x; Error ID 1');
  });
});
