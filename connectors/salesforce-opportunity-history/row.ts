// One row of Salesforce OpportunityHistory: a snapshot of stage, amount, probability and close date.
import { z } from 'zod';

const text = z.string();

export const SalesforceOpportunityHistoryRow = z
  .object({
    Id: text.min(1),
    OpportunityId: text.min(1),
    StageName: text.min(1),
    Amount: text.optional(),
    ExpectedRevenue: text.optional(),
    CloseDate: text.optional(),
    Probability: text.optional(),
    ForecastCategory: text.optional(),
    PrevAmount: text.optional(),
    PrevCloseDate: text.optional(),
    CreatedById: text.optional(),
    'CreatedBy.Name': text.optional(),
    CreatedDate: text,
    SystemModstamp: text.optional(),
    IsDeleted: text.optional(),
    CurrencyIsoCode: text.optional(),
  })
  .catchall(z.union([text, z.array(text)]));
export type SalesforceOpportunityHistoryRow = z.infer<typeof SalesforceOpportunityHistoryRow>;
