// Salesforce Data Loader / Data Export CSVs: OpportunityHistory, OpportunityFieldHistory and Opportunity.
// The history objects are exported with Data Loader's Export (deleted rows left out), so without IsDeleted.
import { salesforceId } from '../ids.js';
import type { Person, Workflow } from '../model.js';
import { csvLine } from '../output.js';
import { isoZ } from '../time.js';
import { plantsFor, type Writer, type WriterContext } from './common.js';

const STAGE_PROBABILITY: Record<string, number> = { Prospecting: 10, Qualification: 20, Proposal: 50, Negotiation: 80, 'Closed Won': 100 };
const FIELD_API: Record<string, string> = { 'Delivery Status': 'Delivery_Status__c', 'Go-Live Date': 'Go_Live_Date__c' };

export function userId(person: Person): string {
  return salesforceId('005', person.integration ? 7_777 : 1_000 + person.n);
}

/** Data Loader dates: `2026-01-05T15:04:05.000Z` (GMT). */
function sfDate(ms: number): string {
  return isoZ(Math.floor(ms / 1000) * 1000);
}

export function opportunityHistoryWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('salesforce/OpportunityHistory.csv');
  file.write(csvLine(['Id', 'OpportunityId', 'StageName', 'Amount', 'ExpectedRevenue', 'CloseDate', 'Probability', 'ForecastCategory', 'CreatedById', 'CreatedBy.Name', 'CreatedDate'], true));
  let seq = 1;
  return {
    workflow(wf) {
      const close = isoZ(wf.closedWonAt).slice(0, 10);
      for (const stage of wf.stages) {
        const p = STAGE_PROBABILITY[stage.stage]!;
        file.write(csvLine([salesforceId('008', 30_000 + seq++), wf.crmId, stage.stage, wf.amount, (wf.amount * p) / 100, close, p, p === 100 ? 'Closed' : p >= 50 ? 'Commit' : 'Pipeline', userId(stage.actor), stage.actor.name, sfDate(stage.at)], true));
      }
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        if (plant.kind === 'missing-id') file.write(csvLine([salesforceId('008', 30_000 + seq++), '', 'Negotiation', wf.amount, '', close, 80, 'Commit', userId(wf.owner), wf.owner.name, sfDate(wf.closedWonAt - 3_600_000)], true));
        else file.write(csvLine([salesforceId('008', 30_000 + seq++), wf.crmId, 'Negotiation', wf.amount, '', close, 80, 'Commit', userId(wf.owner), wf.owner.name, '2026-02-30T25:61:00.000Z'], true));
      }
    },
    end() {},
  };
}

export function fieldHistoryWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('salesforce/OpportunityFieldHistory.csv');
  file.write(csvLine(['Id', 'OpportunityId', 'Field', 'DataType', 'OldValue', 'NewValue', 'CreatedById', 'CreatedBy.Name', 'CreatedDate'], true));
  let seq = 1;
  const row = (wf: Workflow, field: string, type: string, old: string | null, value: string | null, actor: Person, at: number | string) =>
    file.write(csvLine([salesforceId('017', 50_000 + seq++), wf.crmId, field, type, old ?? '', value ?? '', userId(actor), actor.name, typeof at === 'string' ? at : sfDate(at)], true));
  return {
    workflow(wf) {
      row(wf, 'created', '', null, null, wf.owner, wf.dealCreatedAt);
      for (let i = 1; i < wf.stages.length; i++) row(wf, 'StageName', 'Picklist', wf.stages[i - 1]!.stage, wf.stages[i]!.stage, wf.stages[i]!.actor, wf.stages[i]!.at);
      for (const change of wf.crmChanges) row(wf, FIELD_API[change.field]!, change.field === 'Go-Live Date' ? 'Date' : 'Picklist', change.old, change.new, change.actor, change.at);
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        if (plant.kind === 'bad-date') row(wf, 'Delivery_Status__c', 'Picklist', 'Onboarding', 'In Delivery', ctx.roster.integration, '2026-13-45T10:00:00.000Z');
        else if (plant.kind === 'missing-id') file.write(csvLine(['', wf.crmId, 'Delivery_Status__c', 'Picklist', 'Onboarding', 'In Delivery', userId(ctx.roster.integration), ctx.roster.integration.name, sfDate(wf.closedWonAt)], true));
        else if (plant.kind === 'broken-quote') file.write(`"${salesforceId('017', 50_000 + seq++)}","${wf.crmId}","Delivery_Status__c","Picklist","Onboarding" x,"In Delivery","${userId(wf.owner)}","${wf.owner.name}","${sfDate(wf.closedWonAt)}"\n`);
      }
    },
    end() {},
  };
}

export function opportunityWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('salesforce/Opportunity.csv');
  file.write(csvLine(['Id', 'Name', 'AccountId', 'StageName', 'Amount', 'CloseDate', 'IsClosed', 'IsWon', 'OwnerId', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'Delivery_Status__c', 'Go_Live_Date__c', 'IsDeleted'], true));
  return {
    workflow(wf) {
      const last = (field: string) => [...wf.crmChanges].filter((c) => c.field === field).pop();
      const modified = Math.max(wf.closedWonAt, ...wf.crmChanges.map((c) => c.at));
      file.write(csvLine([wf.crmId, wf.dealName, salesforceId('001', 9_000 + (wf.index % 400)), 'Closed Won', wf.amount, isoZ(wf.closedWonAt).slice(0, 10), 'true', 'true', userId(wf.owner), sfDate(wf.dealCreatedAt), userId(wf.owner), sfDate(modified), last('Delivery Status')?.new ?? '', last('Go-Live Date')?.new ?? '', 'false'], true));
    },
    end() {},
  };
}
