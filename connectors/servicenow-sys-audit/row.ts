// One row of a sys_audit list CSV export: one audited field change of one record.
import { z } from 'zod';

const cell = z.string().optional();

export const SYS_AUDIT_REQUIRED = ['tablename', 'fieldname', 'documentkey', 'oldvalue', 'newvalue', 'sys_created_on'] as const;
export const SYS_AUDIT_OPTIONAL = ['user', 'sys_id', 'sys_created_by', 'record_checkpoint', 'internal_checkpoint', 'reason'] as const;

export const ServiceNowSysAuditRow = z.looseObject({
  tablename: z.string().trim().min(1),
  fieldname: z.string().trim().min(1),
  /** sys_id of the audited record (join to `incident.sys_id`, not to `number`) */
  documentkey: z.string().trim().min(1),
  /** reference fields hold sys_ids; date/time fields UTC as stored; journal additions `JOURNAL FIELD ADDITION` */
  oldvalue: z.string(),
  newvalue: z.string(),
  sys_created_on: z.string(),
  /** user name of who made the change; `system` and `guest` for automated processes */
  user: cell,
  sys_id: cell,
  sys_created_by: cell,
  record_checkpoint: cell,
  internal_checkpoint: cell,
  reason: cell,
});
export type ServiceNowSysAuditRow = z.infer<typeof ServiceNowSysAuditRow>;
