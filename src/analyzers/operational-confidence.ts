// Operational confidence: how often and how long systems disagree on a workflow's stage, manual
// checks, and records left stale.
import { z } from 'zod';
import { recordKey } from '../correlate/handoffs.js';
import { canonicalStage } from '../correlate/stages.js';
import type { HandoffEvent } from '../model/index.js';
import { defineAnalyzer, notMeasurable } from './define-analyzer.js';
import { quantile, wilson } from './stats.js';

export default defineAnalyzer({
  meta: {
    id: 'operational-confidence',
    description: 'Cross-tool agreement on workflow stage, disagreement duration, manual verification edits and stale records',
    needs: ['state-changed', 'resolved', 'field-changed'],
    minSample: 10,
  },
  options: z.object({
    /** disagreement shorter than this is propagation, not disagreement */
    toleranceHours: z.number().nonnegative().default(4),
    /** an open record untouched this long before the window ends is stale */
    staleAfterDays: z.number().positive().default(14),
  }),
  analyze({ evidence, events, window }, ctx) {
    const { toleranceHours, staleAfterDays } = ctx.options;
    const comparable = evidence.comparableWorkflows;
    if (comparable === 0) {
      return notMeasurable('no workflow has a stage-carrying record in two systems: agreement cannot be measured');
    }
    const beyond = evidence.disagreements.filter((d) => d.hours > toleranceHours);
    const hours = beyond.map((d) => d.hours);
    const longest = [...beyond].sort((a, b) => b.hours - a.hours || (a.workflow < b.workflow ? -1 : 1));
    // a person setting a synced status field by hand is checking and correcting the tools' truth
    const verifications = evidence.reconciliation.filter((r) => r.kind === 'field-edit' && /status|stage/i.test(r.event.field ?? ''));

    const lastByRecord = new Map<string, { at: string; stage: string | undefined; event: HandoffEvent }>();
    for (let position = 0; position < events.length; position++) {
      const event = events[position]!;
      if (event.systemKind === 'integration' || event.systemKind === 'crm') continue;
      const key = recordKey(event);
      const previous = lastByRecord.get(key);
      const stage = event.kind === 'state-changed' || event.kind === 'resolved' || event.kind === 'reopened' ? canonicalStage(event.to) : previous?.stage;
      // updated in place: an object per event was most of this analyzer's time at 5M events
      if (!previous) lastByRecord.set(key, { at: event.at, stage, event });
      else {
        previous.at = event.at;
        previous.stage = stage ?? previous.stage;
        previous.event = event;
      }
    }
    const staleBefore = Date.parse(window.to) - staleAfterDays * 86_400_000;
    const open = [...lastByRecord.values()].filter((r) => r.stage !== 'done' && r.stage !== 'cancelled');
    const stale = open.filter((r) => Date.parse(r.at) < staleBefore);
    const workflowsWithDisagreement = new Set(beyond.map((d) => d.workflow)).size;
    return {
      status: 'ok',
      measures: {
        disagreementShare: ctx.measure(workflowsWithDisagreement / comparable, { unit: 'share', n: comparable, ci: wilson(workflowsWithDisagreement, comparable), evidence: longest.map((d) => d.from), definition: `workflows whose systems disagreed on done-ness for more than ${toleranceHours} h ÷ workflows tracked in two or more systems` }),
        disagreementHoursP50: ctx.measure(quantile(hours, 0.5), { unit: 'hours', n: hours.length, evidence: longest.map((d) => d.from), definition: 'hours from the first system saying done to the last one agreeing (or the window end), over disagreements beyond tolerance', minSample: 5 }),
        disagreementHoursP90: ctx.measure(quantile(hours, 0.9), { unit: 'hours', n: hours.length, evidence: longest.map((d) => d.from), definition: '90th percentile (type 7) of the same', minSample: 5 }),
        unresolvedDisagreements: ctx.measure(beyond.filter((d) => !d.until).length, { unit: 'workflows', n: comparable, evidence: beyond.filter((d) => !d.until).map((d) => d.from), definition: 'workflows still disagreeing at the end of the window', minSample: 0 }),
        manualVerifications: ctx.measure(verifications.length, { unit: 'edits', n: comparable, evidence: verifications.map((v) => v.event), definition: 'human edits of status fields an integration writes', minSample: 0 }),
        staleShare: ctx.measure(open.length ? stale.length / open.length : undefined, { unit: 'share', n: open.length, ci: wilson(stale.length, open.length), evidence: stale.map((r) => r.event), definition: `open support and delivery records untouched for ${staleAfterDays} days before the window ends ÷ open records`, minSample: 5 }),
      },
      series: {},
      tables: {
        unmappedStates: evidence.unmappedStates,
        longestDisagreements: longest.slice(0, 20).map((d) => ({ workflow: d.workflow, hours: Math.round(d.hours * 100) / 100, systems: d.systems.join(', '), resolved: Boolean(d.until) })),
      },
    };
  },
});
