// One row of a Salesforce field-history object (CaseHistory, OpportunityFieldHistory, AccountHistory,
// LeadHistory, `<Custom>__History`) as Data Loader or the weekly Data Export writes it.
import { z } from 'zod';

const text = z.string();

/** The parent-record column of each history object, and the record type it names. */
export const PARENT_COLUMNS = {
  CaseId: 'Case',
  OpportunityId: 'Opportunity',
  AccountId: 'Account',
  LeadId: 'Lead',
  ContactId: 'Contact',
  ContractId: 'Contract',
  AssetId: 'Asset',
  SolutionId: 'Solution',
  CampaignId: 'Campaign',
  EntitlementId: 'Entitlement',
  ServiceContractId: 'ServiceContract',
  WorkOrderId: 'WorkOrder',
  ParentId: '',
} as const;

export const SalesforceFieldHistoryRow = z
  .object({
    Id: text.min(1),
    Field: text.min(1),
    OldValue: text.optional(),
    NewValue: text.optional(),
    CreatedDate: text,
    CreatedById: text.optional(),
    'CreatedBy.Name': text.optional(),
    DataType: text.optional(),
    IsDeleted: text.optional(),
  })
  .catchall(z.union([text, z.array(text)]));
export type SalesforceFieldHistoryRow = z.infer<typeof SalesforceFieldHistoryRow>;
