// Integration-platform run logs: Zapier zap runs, Workato jobs per recipe, and a generic sync log CSV.
import { hexOf, uuidOf } from '../ids.js';
import type { Flow, Run, Workflow } from '../model.js';
import { csvLine } from '../output.js';
import { isoZ } from '../time.js';
import { JsonPage, plantsFor, type Writer, type WriterContext } from './common.js';

const SYSTEM_NAME: Record<string, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot', zendesk: 'Zendesk', servicenow: 'ServiceNow', jira: 'Jira', linear: 'Linear' };

export function flowTitle(ctx: WriterContext, flow: Flow): string {
  const s = ctx.plan.systems;
  const name = (k: string) => SYSTEM_NAME[k] ?? k;
  if (flow === 'deal-to-ticket') return `${name(s.crm)} Closed Won → ${name(s.support)} onboarding ticket`;
  if (flow === 'ticket-to-issue') return `${name(s.support)} ready for delivery → ${name(s.delivery)} issue`;
  return `${name(s.delivery)} done → ${name(s.support)} solved + ${name(s.crm)} Delivery Status`;
}

const ZAP_ID: Record<Flow, number> = { 'deal-to-ticket': 218_440_101, 'ticket-to-issue': 218_440_102, 'issue-to-crm': 218_440_103 };
const micro = (ms: number) => isoZ(ms).replace('Z', '000Z');

export function zapRunsWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('zapier/zap-runs.json');
  const page = new JsonPage(file, 'data', { links: { next: null, prev: null }, meta: { limit: 10000, offset: 0 } });
  const runRecord = (wf: Workflow, run: Run) => ({
    id: uuidOf(`${ctx.plan.seed}/run/${run.seq}`),
    zap_id: ZAP_ID[run.flow],
    zap_title: flowTitle(ctx, run.flow),
    status: run.ok ? 'success' : 'error',
    start_time: micro(run.startedAt),
    end_time: micro(run.endedAt),
    steps: [
      { status: 'success', start_time: micro(run.startedAt) },
      { status: run.ok ? 'success' : 'error', start_time: micro(run.startedAt + 1200) },
    ],
    data_in: run.flow === 'deal-to-ticket' ? { 'Opportunity ID': run.sourceId, 'Opportunity Name': wf.dealName } : run.flow === 'ticket-to-issue' ? { 'Ticket ID': run.sourceId, 'External ID': wf.crmId } : { 'Issue Key': run.sourceId, 'Salesforce Opportunity Id': wf.crmId },
    data_out: run.ok ? { 'Target ID': run.targetId ?? '' } : { error: run.error },
  });
  return {
    workflow(wf) {
      for (const run of wf.runs) page.add(runRecord(wf, run));
      for (const plant of plantsFor(ctx, file, wf.index)) {
        const bad = { ...runRecord(wf, wf.runs[0]!), id: '', status: 'success' };
        const line = page.add(bad);
        ctx.out.planted.push({ file: file.name, line, code: plant.code, what: plant.kind });
      }
    },
    end() {
      page.end({});
    },
  };
}

export const RECIPE: Record<Flow, { id: number; file: string }> = {
  'deal-to-ticket': { id: 3_104_551, file: 'workato/jobs-3104551-deal-to-incident.json' },
  'ticket-to-issue': { id: 3_104_552, file: 'workato/jobs-3104552-incident-to-linear.json' },
  'issue-to-crm': { id: 3_104_553, file: 'workato/jobs-3104553-linear-done-writeback.json' },
};

export function workatoWriter(ctx: WriterContext): Writer {
  const pages = new Map<Flow, { page: JsonPage; ok: number; failed: number }>();
  for (const flow of ['deal-to-ticket', 'ticket-to-issue', 'issue-to-crm'] as Flow[]) {
    pages.set(flow, { page: new JsonPage(ctx.out.file(RECIPE[flow].file), 'items'), ok: 0, failed: 0 });
  }
  const jobId = (seq: number) => `j-${hexOf(`${ctx.plan.seed}/job/${seq}`, 8)}-${hexOf(`job/${seq}`, 4)}`;
  const record = (wf: Workflow, run: Run) => ({
    id: jobId(run.seq),
    flow_run_id: 70_000_000 + run.seq,
    recipe_id: RECIPE[run.flow].id,
    started_at: isoZ(run.startedAt),
    completed_at: isoZ(run.endedAt),
    title: run.flow === 'deal-to-ticket' ? `New closed won deal ${run.sourceId} (${wf.dealName})` : run.flow === 'ticket-to-issue' ? `Incident ${run.sourceId} ready for delivery (deal ${wf.crmId})` : `Linear issue ${run.sourceId} completed (incident ${run.targetId ?? ''})`,
    is_poll_error: false,
    is_error: !run.ok,
    error: run.ok ? null : run.error,
    status: run.ok ? 'succeeded' : 'failed',
    is_repeat: run.replayOf !== undefined,
    master_job_id: run.replayOf !== undefined ? jobId(run.replayOf) : null,
  });
  return {
    workflow(wf) {
      for (const run of wf.runs) {
        const p = pages.get(run.flow)!;
        p.page.add(record(wf, run));
        if (run.ok) p.ok++;
        else p.failed++;
      }
      for (const plant of ctx.plants.filter((x) => x.after === wf.index && x.file.startsWith('workato/'))) {
        const flow = (Object.keys(RECIPE) as Flow[]).find((f) => RECIPE[f].file === plant.file)!;
        const run = wf.runs.find((r) => r.flow === flow) ?? wf.runs[0]!;
        const bad = { ...record(wf, run), id: `${jobId(run.seq)}-x`, started_at: '2026-02-30T09:00:00.000Z', completed_at: '2026-02-30T09:00:04.000Z' };
        const line = pages.get(flow)!.page.add(bad);
        ctx.out.planted.push({ file: plant.file, line, code: plant.code, what: plant.kind });
      }
    },
    end() {
      for (const p of pages.values()) p.page.end({ job_succeeded_count: p.ok, job_failed_count: p.failed, job_count: p.ok + p.failed });
    },
  };
}

export function syncLogWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('sync/sync-log.csv');
  const s = ctx.plan.systems;
  file.write(csvLine(['run_id', 'flow', 'status', 'started_at', 'finished_at', 'source_system', 'source_id', 'target_system', 'target_id', 'attempt', 'retry_of', 'triggered_by', 'error']));
  const attempts = new Map<number, number>();
  const row = (run: Run, started: string, finished = isoZ(run.endedAt)) => {
    const systems = run.flow === 'deal-to-ticket' ? [s.crm, s.support] : run.flow === 'ticket-to-issue' ? [s.support, s.delivery] : [s.delivery, s.support];
    const attempt = run.replayOf !== undefined ? (attempts.get(run.replayOf) ?? 1) + 1 : 1;
    if (run.replayOf !== undefined) attempts.set(run.replayOf, attempt);
    return csvLine([`sync-${String(run.seq).padStart(7, '0')}`, run.flow, run.ok ? 'success' : 'failed', started, finished, systems[0], run.sourceId, systems[1], run.targetId ?? '', attempt, run.replayOf !== undefined ? `sync-${String(run.replayOf).padStart(7, '0')}` : '', run.by ? run.by.email : 'scheduler', run.error ?? '']);
  };
  return {
    workflow(wf) {
      for (const run of wf.runs) file.write(row(run, isoZ(run.startedAt)));
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        if (plant.kind === 'broken-quote') file.write(`sync-9${String(wf.index).padStart(6, '0')},deal-to-ticket,failed,${isoZ(wf.closedWonAt)},${isoZ(wf.closedWonAt)},${s.crm},${wf.crmId},${s.support},,1,,scheduler,"Timeout "after" 30000 ms\n`);
        else file.write(row({ ...wf.runs[0]!, seq: 9_000_000 + wf.index, replayOf: undefined }, '2026-02-30T25:00:00Z', '2026-02-30T25:00:05Z'));
      }
    },
    end() {},
  };
}
