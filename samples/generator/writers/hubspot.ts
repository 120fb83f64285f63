// HubSpot CRM v3 property history: deals read with `propertiesWithHistory` through the batch-read endpoint.
import type { Change, Person, Workflow } from '../model.js';
import { isoZ } from '../time.js';
import { JsonPage, type Writer, type WriterContext } from './common.js';

/** A HubSpot user id (what `updatedByUserId` and `sourceId: userId:N` carry). */
export const hubspotUserId = (p: Person): number => 51_200_000 + p.n * 3_613;
/** A HubSpot owner id (the value of `hubspot_owner_id`; owners and users are numbered apart). */
export const hubspotOwnerId = (p: Person): string => String(612_340_000 + p.n * 1_291);
/** The Workato app as HubSpot names the source of its writes. */
export const WORKATO_APP = { sourceId: '1152947', sourceLabel: 'Workato' };

/** Default-pipeline stage ids of the world's stage names. */
const STAGE_ID: Record<string, string> = {
  Prospecting: 'appointmentscheduled',
  Qualification: 'qualifiedtobuy',
  Proposal: 'presentationscheduled',
  Negotiation: 'contractsent',
  'Closed Won': 'closedwon',
};

/** The properties read with history and the CRM field each one holds. */
const FIELD: Record<string, Change['field']> = { onboarding_status: 'Delivery Status', go_live_date: 'Go-Live Date' };

/** A batch read takes at most 50 ids when history is asked for: one file per batch. */
const BATCH = 50;
/** When the batches were read, one second apart: after the last write-back of the last workflow. */
const READ_AT = Date.parse('2026-06-15T07:42:10.512Z');

export const propertyHistoryFile = (batch: number) => `hubspot/deals-property-history-${String(batch + 1).padStart(2, '0')}.json`;

export function hubspotPropertyHistoryWriter(ctx: WriterContext): Writer {
  let batch = -1;
  let inBatch = BATCH;
  let page: JsonPage | undefined;
  const close = () => page?.end({ startedAt: isoZ(READ_AT + batch * 1000), completedAt: isoZ(READ_AT + batch * 1000 + 640) });
  const version = (value: string, at: number, actor: Person) =>
    actor.integration
      ? { value, timestamp: isoZ(at), sourceType: 'INTEGRATION', ...WORKATO_APP }
      : { value, timestamp: isoZ(at), sourceType: 'CRM_UI', sourceId: `userId:${hubspotUserId(actor)}`, updatedByUserId: hubspotUserId(actor) };
  const record = (wf: Workflow) => {
    const history: Record<string, ReturnType<typeof version>[]> = {
      dealstage: wf.stages.map((s) => version(STAGE_ID[s.stage]!, s.at, s.actor)).reverse(),
      hubspot_owner_id: [version(hubspotOwnerId(wf.owner), wf.dealCreatedAt, wf.owner)],
    };
    for (const [property, field] of Object.entries(FIELD)) {
      const changes = wf.crmChanges.filter((c) => c.field === field);
      if (changes.length) history[property] = changes.map((c) => version(c.new ?? '', c.at, c.actor)).reverse();
    }
    const modified = Math.max(...Object.values(history).flat().map((v) => Date.parse(v.timestamp)));
    return {
      id: wf.crmId,
      // the batch read asked for history only (`"properties": []`): HubSpot still returns these three
      properties: { createdate: isoZ(wf.dealCreatedAt), hs_lastmodifieddate: isoZ(modified), hs_object_id: wf.crmId },
      propertiesWithHistory: history,
      createdAt: isoZ(wf.dealCreatedAt),
      updatedAt: isoZ(modified),
      archived: false,
    };
  };
  return {
    workflow(wf) {
      if (inBatch === BATCH) {
        close();
        batch++;
        inBatch = 0;
        page = new JsonPage(ctx.out.file(propertyHistoryFile(batch)), 'results', { status: 'COMPLETE' });
      }
      const rec = record(wf);
      page!.add(rec);
      inBatch++;
      for (const plant of ctx.plants.filter((p) => p.file === propertyHistoryFile(batch) && p.after === wf.index)) {
        // a record pasted in from the legacy v1 deal API: epoch milliseconds instead of ISO timestamps
        const legacy = { ...rec, id: `${wf.crmId}9`, propertiesWithHistory: { dealstage: rec.propertiesWithHistory.dealstage!.map((v) => ({ ...v, timestamp: String(Date.parse(v.timestamp)) })) } };
        const line = page!.add(legacy);
        ctx.out.planted.push({ file: propertyHistoryFile(batch), line, code: plant.code, what: plant.kind });
      }
    },
    end() {
      close();
    },
  };
}
