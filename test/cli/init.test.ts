import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Config } from '../../src/config/config.js';
import { SAMPLES } from '../support/samples.js';
import { run } from './run.js';

describe('handoff-risk init', () => {
  it('writes a valid starter config naming service accounts, zone-less exports and teams, and refuses to overwrite it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'handoff-risk-init-')), 'config.json');
    const first = await run('init', join(SAMPLES, 'kestrel-borderline', 'exports'), '--out', out);
    expect(first.code).toBe(0);
    const config = Config.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(config.integrationActors).toContain('Sync Service');
    expect(Object.keys(config.connectors ?? {}).sort()).toEqual(['jira-csv', 'zendesk-ticket-csv']);
    expect(Object.values(config.teams ?? {})).toContain('Onboarding');
    const again = await run('init', join(SAMPLES, 'kestrel-borderline', 'exports'), '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
  });

  it('keeps the accounts and zones the user already gave', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-risk-init-'));
    const given = join(dir, 'given.json');
    writeFileSync(given, JSON.stringify({ integrationActors: ['Someone'], connectors: { 'jira-csv': { timeZone: 'Europe/London' } } }));
    const out = join(dir, 'out.json');
    const { code } = await run('init', join(SAMPLES, 'kestrel-borderline', 'exports'), '--config', given, '--out', out);
    expect(code).toBe(0);
    const config = JSON.parse(readFileSync(out, 'utf8'));
    expect(config.integrationActors[0]).toBe('Someone');
    expect(config.connectors['jira-csv'].timeZone).toBe('Europe/London');
  });
});
