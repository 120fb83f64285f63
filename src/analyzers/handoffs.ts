// Handoffs and their latency per route (system → system, team → team), and ping-pong (A → B → A).
import { countPerWeek, pushTo } from './collect.js';
import { defineAnalyzer } from './define-analyzer.js';
import { quantile, round } from './stats.js';

export default defineAnalyzer({
  meta: {
    id: 'handoffs',
    description: 'How often responsibility moves between systems and teams, how long each move waits, and how often work bounces back',
    needs: ['created', 'team-changed', 'owner-changed', 'activity'],
    minSample: 1,
  },
  analyze({ evidence, weeks }, ctx) {
    const { systemHandoffs, teamHandoffs, pingPongs } = evidence;
    const latencies = systemHandoffs.map((h) => h.latencyHours);
    const slowest = [...systemHandoffs].sort((a, b) => b.latencyHours - a.latencyHours || (a.arrival.id < b.arrival.id ? -1 : 1));
    const systemRoutes = new Map<string, number[]>();
    for (const h of systemHandoffs) pushTo(systemRoutes, `${h.from}\u0000${h.to}`, h.latencyHours);
    const teamRoutes = new Map<string, { count: number; pingPongs: number }>();
    for (const h of teamHandoffs) {
      const key = `${h.from}\u0000${h.to}`;
      const route = teamRoutes.get(key) ?? { count: 0, pingPongs: 0 };
      route.count++;
      teamRoutes.set(key, route);
    }
    for (const { back } of pingPongs) teamRoutes.get(`${back.from}\u0000${back.to}`)!.pingPongs++;

    const definitionTeam = 'change of team (or of resource, in event logs without a group) between consecutive events of one record';
    return {
      status: teamHandoffs.length + systemHandoffs.length > 0 ? 'ok' : 'insufficient',
      ...(teamHandoffs.length + systemHandoffs.length > 0 ? {} : { reason: 'no handoffs between systems or teams in the inputs' }),
      measures: {
        teamHandoffs: ctx.measure(teamHandoffs.length, { unit: 'handoffs', n: teamHandoffs.length, evidence: teamHandoffs.map((h) => h.toEvent), definition: definitionTeam, minSample: 0 }),
        systemHandoffs: ctx.measure(systemHandoffs.length, {
          unit: 'handoffs',
          n: systemHandoffs.length,
          evidence: systemHandoffs.map((h) => h.arrival),
          definition: 'first event of a record in system B after the latest event of its workflow in another system A',
          minSample: 0,
        }),
        pingPongs: ctx.measure(pingPongs.length, { unit: 'bounces', n: teamHandoffs.length, evidence: pingPongs.map((p) => p.back.toEvent), definition: 'a team handoff that returns work to the team it came from on the previous handoff (A → B → A)', minSample: 0 }),
        pingPongShare: ctx.measure(teamHandoffs.length ? pingPongs.length / teamHandoffs.length : undefined, {
          unit: 'share',
          n: teamHandoffs.length,
          evidence: pingPongs.map((p) => p.back.toEvent),
          definition: 'bounces ÷ team handoffs',
        }),
        systemHandoffLatencyP50: ctx.measure(quantile(latencies, 0.5), { unit: 'hours', n: latencies.length, evidence: slowest.map((h) => h.arrival), definition: 'median hours from the trigger in system A to the record appearing in system B' }),
        systemHandoffLatencyP90: ctx.measure(quantile(latencies, 0.9), { unit: 'hours', n: latencies.length, evidence: slowest.map((h) => h.arrival), definition: '90th percentile (type 7) of the same latencies' }),
      },
      series: {
        handoffsPerWeek: { unit: 'handoffs', points: countPerWeek([...teamHandoffs.map((t) => t.toEvent.at), ...systemHandoffs.map((h) => h.arrival.at)], weeks) },
      },
      tables: {
        systemRoutes: [...systemRoutes]
          .map(([key, values]) => {
            const [from, to] = key.split('\u0000');
            return { from, to, handoffs: values.length, latencyP50Hours: round(quantile(values, 0.5)!, 2), latencyP90Hours: round(quantile(values, 0.9)!, 2), totalWaitHours: round(values.reduce((a, b) => a + b, 0), 2) };
          })
          .sort((a, b) => b.handoffs - a.handoffs || `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`)),
        teamRoutes: [...teamRoutes]
          .map(([key, route]) => {
            const [from, to] = key.split('\u0000');
            return { from, to, handoffs: route.count, pingPongs: route.pingPongs };
          })
          .sort((a, b) => b.handoffs - a.handoffs || `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`)),
      },
    };
  },
});
