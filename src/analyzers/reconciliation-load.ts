// Reconciliation load: people redoing by hand what an integration keeps in sync, per team and week.
import type { HandoffEvent } from '../model/index.js';
import { countPerWeek } from './collect.js';
import { WEEKS_FOR_CONFIDENCE } from './weeks.js';
import { defineAnalyzer, notMeasurable } from './define-analyzer.js';
import { median } from './stats.js';
import { weekOf } from './weeks.js';

export default defineAnalyzer({
  meta: {
    id: 'reconciliation-load',
    description: 'Human edits of fields an integration writes, manual creations and merges of synced records: per team and week, teams involved, repetitiveness',
    needs: ['field-changed', 'created', 'merged'],
    minSample: 4,
  },
  analyze({ evidence, weeks }, ctx) {
    const edits = evidence.reconciliation;
    if (evidence.syncedFields.length === 0 && !edits.some((e) => e.kind !== 'field-edit')) {
      const reason = 'no field written by an integration account and no manual creation of integration-created records: the inputs cannot show reconciliation';
      return notMeasurable(reason);
    }
    const perWeek = countPerWeek(edits.map((e) => e.event.at), weeks);
    const teams = new Map<string, Map<string, number>>();
    for (const edit of edits) {
      const tally = teams.get(edit.team) ?? new Map<string, number>();
      const week = weekOf(edit.event.at);
      tally.set(week, (tally.get(week) ?? 0) + 1);
      teams.set(edit.team, tally);
    }
    // a team is involved when it reconciles in at least a quarter of the weeks: occasional fixes are not a load
    const involvedWeeks = Math.max(2, Math.ceil(weeks.length / 4));
    const involved = [...teams].filter(([, tally]) => tally.size >= involvedWeeks).map(([team]) => team).sort();
    // repetitive: the same field (system/type/field) is corrected again and again across records
    let repeats = 0;
    const repeated: HandoffEvent[] = [];
    const byTarget = new Map<string, number>();
    for (const edit of edits) byTarget.set(edit.target, (byTarget.get(edit.target) ?? 0) + 1);
    for (const edit of edits) {
      if ((byTarget.get(edit.target) ?? 0) >= 3) {
        repeats++;
        repeated.push(edit.event);
      }
    }
    const cites = edits.map((e) => e.event);
    const teamMedians = [...teams].map(([team, tally]) => ({ team, median: median(weeks.map((w) => tally.get(w) ?? 0))! }));
    return {
      status: 'ok',
      measures: {
        edits: ctx.measure(edits.length, { unit: 'edits', n: weeks.length, evidence: cites, definition: 'human edits of integration-written fields + manual creations of integration-created records + merges', minSample: 0 }),
        editsPerWeekMedian: ctx.measure(median(perWeek.map((p) => p.value)), { unit: 'edits/week', n: weeks.length, evidence: cites, definition: 'median weekly count over every ISO week of the window', minSample: 4, confidentFrom: WEEKS_FOR_CONFIDENCE }),
        teamsInvolved: ctx.measure(involved.length, { unit: 'teams', n: edits.length, evidence: edits.filter((e) => involved.includes(e.team)).map((e) => e.event), definition: 'teams (configured, or inferred from ownership) reconciling in at least a quarter of the weeks', minSample: 0 }),
        busiestTeamEditsPerWeek: ctx.measure(teamMedians.length ? Math.max(...teamMedians.map((t) => t.median)) : undefined, { unit: 'edits/week', n: weeks.length, evidence: cites, definition: 'the highest median weekly edit count of any one team', minSample: 4, confidentFrom: WEEKS_FOR_CONFIDENCE }),
        repetitiveShare: ctx.measure(edits.length ? repeats / edits.length : undefined, { unit: 'share', n: edits.length, evidence: repeated, definition: 'edits on a field (system/type/field) corrected three or more times in the window', minSample: 5 }),
      },
      series: {
        editsPerWeek: { unit: 'edits', points: perWeek },
        ...Object.fromEntries(
          [...teams].sort(([a], [b]) => a.localeCompare(b)).map(([team, tally]) => [`editsPerWeek:${team}`, { unit: 'edits', points: weeks.map((week) => ({ week, value: tally.get(week) ?? 0 })) }]),
        ),
      },
      tables: {
        teams: [...teams]
          .map(([team, tally]) => ({ team, edits: [...tally.values()].reduce((a, b) => a + b, 0), weeksActive: tally.size, medianPerWeek: median(weeks.map((w) => tally.get(w) ?? 0))!, involved: involved.includes(team) }))
          .sort((a, b) => b.edits - a.edits || a.team.localeCompare(b.team)),
        fields: [...byTarget].map(([target, count]) => ({ target, edits: count })).sort((a, b) => b.edits - a.edits || a.target.localeCompare(b.target)),
      },
    };
  },
});
