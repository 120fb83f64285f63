// One row of a generic sync log (a CSV any integration platform can be made to write). Column names vary,
// so the row is a plain record of cells and the columns are resolved per file from the synonyms below.
import { z } from 'zod';

export const GenericSyncLogRow = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type GenericSyncLogRow = z.infer<typeof GenericSyncLogRow>;

/**
 * The roles a column can play and the names recognised for each, most specific first; compared without
 * case, spaces or punctuation. The first name of each role is the documented one (README).
 */
export const SYNC_COLUMNS = {
  run_id: ['run_id', 'execution_id', 'job_id', 'sync_id', 'job_handle'],
  flow: ['flow', 'flow_name', 'workflow', 'integration', 'recipe_name', 'recipe', 'scenario', 'zap_title', 'process_name', 'pipeline'],
  status: ['status', 'result', 'outcome', 'run_status', 'is_successful', 'success'],
  started_at: ['started_at', 'start_time', 'started', 'start', 'start_date', 'begin_time'],
  finished_at: ['finished_at', 'end_time', 'ended_at', 'completed_at', 'finished', 'completed', 'end', 'end_date'],
  timestamp: ['timestamp', 'time', 'logged_at', 'date', 'event_time'],
  error: ['error', 'error_message', 'message', 'error_detail', 'failure_reason', 'reason'],
  error_type: ['error_type', 'error_class', 'error_code'],
  source_system: ['source_system', 'source_app', 'from_system'],
  source_id: ['source_id', 'source_record_id', 'from_id'],
  target_system: ['target_system', 'target_app', 'destination_system', 'to_system'],
  target_id: ['target_id', 'target_record_id', 'destination_id', 'to_id'],
  attempt: ['attempt', 'attempt_number', 'try', 'retry_count'],
  retry_of: ['retry_of', 'original_run_id', 'original_job_id', 'replay_of', 'parent_run_id'],
  platform: ['platform', 'tool'],
  triggered_by: ['triggered_by', 'triggered_by_user', 'initiated_by', 'run_by', 'started_by', 'user'],
  is_test: ['is_test', 'test'],
} as const;

export type SyncRole = keyof typeof SYNC_COLUMNS;
export const REQUIRED_SYNC_ROLES: readonly SyncRole[] = ['run_id', 'status'];
/** at least one of these must be present */
export const TIME_ROLES: readonly SyncRole[] = ['finished_at', 'started_at', 'timestamp'];
