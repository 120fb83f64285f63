// One row of a Salesforce Case export (Data Loader or weekly Data Export `Case.csv`).
import { z } from 'zod';

const text = z.string();

export const SalesforceCaseRow = z
  .object({
    Id: text.min(1),
    CaseNumber: text.optional(),
    AccountId: text.optional(),
    ContactId: text.optional(),
    ParentId: text.optional(),
    AssetId: text.optional(),
    Status: text.optional(),
    Priority: text.optional(),
    Origin: text.optional(),
    OwnerId: text.optional(),
    IsEscalated: text.optional(),
    IsClosed: text.optional(),
    ClosedDate: text.optional(),
    CreatedDate: text,
    CreatedById: text.optional(),
    'CreatedBy.Name': text.optional(),
    LastModifiedDate: text.optional(),
    IsDeleted: text.optional(),
  })
  .catchall(z.union([text, z.array(text)]));
export type SalesforceCaseRow = z.infer<typeof SalesforceCaseRow>;
