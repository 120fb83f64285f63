// Workato job outcome and error text.
import { describe, expect, it } from 'vitest';
import { errorMessage, jobOutcome } from '../../connectors/workato-jobs/index.js';

const job = { id: 'j-1', started_at: '2015-01-02T01:02:03.000Z', completed_at: '2015-01-02T01:02:05.000Z', is_error: false };

describe('jobOutcome', () => {
  it('reads a finished job without error as a success', () => {
    expect(jobOutcome(job)).toEqual({ kind: 'sync-succeeded', retried: false });
  });

  it('reads is_error and is_poll_error as failures', () => {
    expect(jobOutcome({ ...job, is_error: true }).kind).toBe('sync-failed');
    expect(jobOutcome({ ...job, is_poll_error: true }).kind).toBe('sync-failed');
  });

  it('gives no outcome for a pending job or a test job', () => {
    expect(jobOutcome({ ...job, completed_at: null, status: 'pending' }).kind).toBe('none');
    expect(jobOutcome({ ...job, is_test: true }).kind).toBe('none');
  });

  it('marks a repeat by is_repeat or by a master job other than itself', () => {
    expect(jobOutcome({ ...job, is_repeat: true }).retried).toBe(true);
    expect(jobOutcome({ ...job, master_job_id: 'j-0' }).retried).toBe(true);
    expect(jobOutcome({ ...job, master_job_id: 'j-1' }).retried).toBe(false);
  });
});

describe('errorMessage', () => {
  it('prefers error_parts, then the JSON error text, then the plain text', () => {
    expect(errorMessage({ ...job, error: 'x', error_parts: { error_type: 'Bad request', message: 'no field' } })).toBe('Bad request: no field');
    expect(errorMessage({ ...job, error: '{"error_type":"Bad request","message":"no field","input":"{}"}' })).toBe('Bad request: no field');
    expect(errorMessage({ ...job, error: 'Error' })).toBe('Error');
    expect(errorMessage({ ...job, error: null })).toBeUndefined();
  });
});
