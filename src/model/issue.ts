// Rejects and warnings: positioned data, never thrown.
import { z } from 'zod';

/**
 * Stable codes. Tests and reports key on these, not on message text.
 * `file/*` concern a whole file, `csv/*` and `json/*` the reader, `row/*` a row's content,
 * `connector/*` what a connector produced.
 */
export const IssueCode = z.enum([
  'file/unreadable',
  'file/empty',
  'file/header-only',
  'file/not-utf8',
  'file/unrecognised',
  'file/missing-columns',
  'file/partial-page',
  'file/excel-damage',
  'csv/malformed',
  'csv/ragged-row',
  'json/malformed',
  'json/not-an-object',
  'row/invalid',
  'row/missing-value',
  'row/invalid-date',
  'row/ambiguous-date',
  'row/duplicate',
  'connector/invalid-event',
  'config/invalid',
]);
export type IssueCode = z.infer<typeof IssueCode>;

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

export const Issue = z.object({
  severity: Severity,
  code: IssueCode,
  file: z.string(),
  /** 1-based line where the record starts; absent for whole-file issues */
  line: z.number().int().positive().optional(),
  /** 1-based column (cell position in CSV; character in JSON) */
  column: z.number().int().positive().optional(),
  /** the column or field name involved, in the vendor's spelling */
  field: z.string().optional(),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;

/** `file:line:column  code  message`, the way `inspect` prints a reject. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(':');
  return `${where}  ${issue.code}  ${issue.message}`;
}
