// One row of a Salesforce Opportunity export (Data Loader or weekly Data Export `Opportunity.csv`).
import { z } from 'zod';

const text = z.string();

export const SalesforceOpportunityRow = z
  .object({
    Id: text.min(1),
    Name: text.optional(),
    AccountId: text.optional(),
    StageName: text.optional(),
    Amount: text.optional(),
    CloseDate: text.optional(),
    IsClosed: text.optional(),
    IsWon: text.optional(),
    OwnerId: text.optional(),
    CreatedDate: text,
    CreatedById: text.optional(),
    'CreatedBy.Name': text.optional(),
    LastModifiedDate: text.optional(),
    LastModifiedById: text.optional(),
    ContactId: text.optional(),
    CampaignId: text.optional(),
    IsDeleted: text.optional(),
  })
  .catchall(z.union([text, z.array(text)]));
export type SalesforceOpportunityRow = z.infer<typeof SalesforceOpportunityRow>;
