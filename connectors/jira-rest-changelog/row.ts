// One issue of a Jira REST search page (`GET /rest/api/{2|3}/search?expand=changelog`), in Jira's own field names.
import { z } from 'zod';

/** Ids and display values of changelog items are strings; a few tools re-serialise ids as numbers. */
const Scalar = z.union([z.string(), z.number()]).nullable().optional();

/** A Jira user as the REST API writes it: Cloud has `accountId`/`accountType`, Data Center `name`/`key`. */
export const JiraUser = z.looseObject({
  accountId: z.string().optional(),
  accountType: z.string().optional(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
  name: z.string().optional(),
  key: z.string().optional(),
});
export type JiraUser = z.infer<typeof JiraUser>;

// `fromString`/`toString` are read as own properties in index.ts: a schema key named `toString`
// would see Object.prototype.toString on items that lack it.
export const ChangeItem = z
  .looseObject({
    field: z.string().min(1),
    fieldtype: z.string().optional(),
    fieldId: z.string().optional(),
    from: Scalar,
    to: Scalar,
  })
  .superRefine((item, ctx) => {
    for (const key of ['fromString', 'toString'] as const) {
      if (!Object.hasOwn(item, key)) continue;
      const value = (item as Record<string, unknown>)[key];
      if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} must be text or null` });
      }
    }
  });
export type ChangeItem = z.infer<typeof ChangeItem>;

/** `historyMetadata`: present on changes made through apps, Automation and JSM. */
export const HistoryMetadata = z.looseObject({
  type: z.string().optional(),
  description: z.string().optional(),
  activityDescription: z.string().optional(),
  actor: z.looseObject({ id: z.string().optional(), displayName: z.string().optional(), type: z.string().optional() }).optional(),
  generator: z.looseObject({ id: z.string().optional(), type: z.string().optional() }).optional(),
  cause: z.looseObject({ id: z.string().optional(), type: z.string().optional() }).optional(),
});
export type HistoryMetadata = z.infer<typeof HistoryMetadata>;

export const History = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  author: JiraUser.nullable().optional(),
  created: z.string().min(1),
  items: z.array(ChangeItem),
  historyMetadata: HistoryMetadata.nullable().optional(),
});
export type History = z.infer<typeof History>;

const Named = z.looseObject({ name: z.string().optional(), key: z.string().optional() });

export const JiraRestIssue = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  key: z.string().min(1),
  fields: z.looseObject({
    created: z.string().min(1),
    summary: z.string().nullable().optional(),
    status: z
      .looseObject({ name: z.string().optional(), statusCategory: z.looseObject({ key: z.string().optional(), name: z.string().optional() }).optional() })
      .nullable()
      .optional(),
    assignee: JiraUser.nullable().optional(),
    reporter: JiraUser.nullable().optional(),
    creator: JiraUser.nullable().optional(),
    resolution: Named.nullable().optional(),
    resolutiondate: z.string().nullable().optional(),
    issuetype: Named.nullable().optional(),
    project: Named.nullable().optional(),
  }),
  changelog: z
    .looseObject({
      startAt: z.number().optional(),
      maxResults: z.number().optional(),
      total: z.number().optional(),
      histories: z.array(History),
    })
    .optional(),
});
export type JiraRestIssue = z.infer<typeof JiraRestIssue>;
