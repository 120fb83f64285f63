// The three fictional companies: what they run, what is planted, and which side of each line it is meant to fall.
import type { Band, Flow, RecoveryPath } from './model.js';

export interface TeamPlan {
  /** team name as the roster and the tools show it */
  team: string;
  /** system whose synced field the team corrects by hand */
  system: 'crm' | 'support' | 'delivery';
  /** edits per week in week 0 */
  perWeek: number;
  /** weekly growth of that rate (0.08 = +8 % a week) */
  growth: number;
}

export interface CompanyPlan {
  id: string;
  name: string;
  description: string;
  seed: string;
  /** IANA zone of the company (zone-less exports are written in it) */
  zone: string;
  /** Monday, UTC, of the first week */
  start: string;
  weeks: number;
  systems: { crm: string; support: string; delivery: string; integration: string };
  volume: { perWeek: number; growth: number };
  failures: {
    /** per-run failure probability in week 0 and its weekly growth factor */
    rate: number;
    trend: number;
    /** share of failures per flow (the failure classes) */
    flowMix: Record<Flow, number>;
    /** recovery path weights per flow */
    recovery: Record<Flow, Partial<Record<RecoveryPath, number>>>;
    detectionMedianHours: number;
    detectionSigma: number;
    /** hours from detection until the recovery lands (median, lognormal sigma 0.6) */
    recoveryMedianHours: number;
    /** chance the ticket is handed to delivery unassigned (ownerless while it waits) */
    unassignedWhilePending: number;
    escalation: number;
    /** teams whose people detect and recover failures (weights) */
    detectors: Record<string, number>;
  };
  reconciliation: TeamPlan[];
  /** median working hours of onboarding and delivery work */
  work: { onboardingHours: number; deliveryHours: number; teamHandoff: number };
  noise: { missingLink: number; duplicate: number };
  teams: Record<string, number>;
  intended: Record<'failureFrequency' | 'reconciliationLoad' | 'exceptionVisibility' | 'leadTimeImpact' | 'operationalConfidence', Band>;
  rationale: Record<string, string>;
}

export const healthy: CompanyPlan = {
  id: 'northwind-healthy',
  name: 'Northwind Analytics',
  description: 'Healthy: Salesforce + Zendesk + Jira synchronised by Zapier. Failures are rare, caught within hours by the onboarding team, which replays the Zap.',
  seed: 'northwind-2026',
  zone: 'America/Chicago',
  start: '2026-01-05',
  weeks: 18,
  systems: { crm: 'salesforce', support: 'zendesk', delivery: 'jira', integration: 'zapier' },
  volume: { perWeek: 19, growth: 0.01 },
  failures: {
    rate: 0.006,
    trend: 0,
    flowMix: { 'deal-to-ticket': 0.3, 'ticket-to-issue': 0.4, 'issue-to-crm': 0.3 },
    recovery: { 'deal-to-ticket': { replay: 1 }, 'ticket-to-issue': { replay: 1 }, 'issue-to-crm': { replay: 1 } },
    detectionMedianHours: 1.5,
    detectionSigma: 0.5,
    recoveryMedianHours: 0.1,
    unassignedWhilePending: 0,
    escalation: 0,
    detectors: { Onboarding: 1 },
  },
  reconciliation: [{ team: 'Sales Ops', system: 'crm', perWeek: 1.2, growth: 0 }],
  work: { onboardingHours: 14, deliveryHours: 30, teamHandoff: 0.1 },
  noise: { missingLink: 0.02, duplicate: 0.01 },
  teams: { Sales: 5, 'Sales Ops': 2, Onboarding: 5, Delivery: 6 },
  intended: {
    failureFrequency: 'manage-in-place',
    reconciliationLoad: 'manage-in-place',
    exceptionVisibility: 'manage-in-place',
    leadTimeImpact: 'manage-in-place',
    operationalConfidence: 'manage-in-place',
  },
  rationale: {
    failureFrequency: 'about one failed run in 170; only some weeks have a failure; no escalations',
    reconciliationLoad: 'one team (Sales Ops) edits about one synced field a week, flat',
    exceptionVisibility: 'detected within about 1.5 business hours by the owning Onboarding team; always replayed',
    leadTimeImpact: 'a replay lands minutes after detection, so affected workflows finish within hours of the rest',
    operationalConfidence: 'a write-back failure leaves systems disagreeing for hours, a few times in the span',
  },
};

export const troubled: CompanyPlan = {
  id: 'brightpath-troubled',
  name: 'Brightpath Logistics Software',
  description: 'Troubled: HubSpot + ServiceNow + Linear synchronised by Workato. Sync failures every week and growing faster than volume, noticed days late by whoever trips over them, recovered three different ways.',
  seed: 'brightpath-2026',
  zone: 'Europe/Berlin',
  start: '2026-01-05',
  weeks: 18,
  systems: { crm: 'hubspot', support: 'servicenow', delivery: 'linear', integration: 'workato' },
  volume: { perWeek: 20, growth: 0.03 },
  failures: {
    rate: 0.05,
    trend: 0.07,
    flowMix: { 'deal-to-ticket': 0.3, 'ticket-to-issue': 0.4, 'issue-to-crm': 0.3 },
    recovery: {
      'deal-to-ticket': { replay: 0.35, 'manual-create': 0.65 },
      'ticket-to-issue': { replay: 0.4, 'manual-create': 0.6 },
      'issue-to-crm': { replay: 0.3, 'manual-edit': 0.7 },
    },
    detectionMedianHours: 40,
    detectionSigma: 0.9,
    recoveryMedianHours: 6,
    unassignedWhilePending: 0.55,
    escalation: 0.3,
    detectors: { 'Sales Ops': 0.3, 'Service Desk': 0.3, Onboarding: 0.2, Delivery: 0.2 },
  },
  reconciliation: [
    { team: 'Sales Ops', system: 'crm', perWeek: 5, growth: 0.08 },
    { team: 'Onboarding', system: 'support', perWeek: 4, growth: 0.09 },
    { team: 'Service Desk', system: 'support', perWeek: 3, growth: 0.1 },
    { team: 'Delivery PMO', system: 'delivery', perWeek: 2, growth: 0.08 },
  ],
  work: { onboardingHours: 20, deliveryHours: 40, teamHandoff: 0.45 },
  noise: { missingLink: 0.04, duplicate: 0.02 },
  teams: { Sales: 6, 'Sales Ops': 3, Onboarding: 5, 'Service Desk': 5, Delivery: 7, 'Delivery PMO': 2 },
  intended: {
    failureFrequency: 'remediation-sprint',
    reconciliationLoad: 'remediation-sprint',
    exceptionVisibility: 'remediation-sprint',
    leadTimeImpact: 'remediation-sprint',
    operationalConfidence: 'remediation-sprint',
  },
  rationale: {
    failureFrequency: 'every week has failures; per-run rate grows 7 %/week against 3 %/week volume growth; about 30 % escalated',
    reconciliationLoad: 'four teams edit synced fields by hand, 14 edits/week at the start growing 8–10 %/week (faster than throughput)',
    exceptionVisibility: 'median detection lag about two days (lognormal, sigma 0.9); over half ownerless at detection for ticket-stage failures; recovery split replay / manual creation / manual edit',
    leadTimeImpact: 'failed deal→ticket and ticket→issue runs add the detection lag plus about 6 h of recovery: days on a lead time of about two weeks',
    operationalConfidence: 'failed write-backs leave Linear done while HubSpot/ServiceNow show the old stage for days',
  },
};

export const borderline: CompanyPlan = {
  id: 'kestrel-borderline',
  name: 'Kestrel Health Systems',
  description: 'Borderline: Salesforce + Zendesk + Jira with a home-grown sync service that writes a generic sync log. Failures in most weeks, but the Onboarding team catches them within hours and reconciliation stays in one team.',
  seed: 'kestrel-2026',
  zone: 'Europe/London',
  start: '2026-01-05',
  weeks: 18,
  systems: { crm: 'salesforce', support: 'zendesk', delivery: 'jira', integration: 'sync-log' },
  volume: { perWeek: 24, growth: 0.015 },
  failures: {
    rate: 0.022,
    trend: 0.02,
    flowMix: { 'deal-to-ticket': 0.35, 'ticket-to-issue': 0.4, 'issue-to-crm': 0.25 },
    recovery: {
      'deal-to-ticket': { replay: 0.8, 'manual-create': 0.2 },
      'ticket-to-issue': { replay: 0.8, 'manual-create': 0.2 },
      'issue-to-crm': { replay: 0.8, 'manual-edit': 0.2 },
    },
    detectionMedianHours: 3,
    detectionSigma: 0.7,
    recoveryMedianHours: 30,
    unassignedWhilePending: 0.1,
    escalation: 0.08,
    detectors: { Onboarding: 1 },
  },
  reconciliation: [{ team: 'Sales Ops', system: 'crm', perWeek: 2.5, growth: 0.01 }],
  work: { onboardingHours: 16, deliveryHours: 34, teamHandoff: 0.2 },
  noise: { missingLink: 0.03, duplicate: 0.015 },
  teams: { Sales: 6, 'Sales Ops': 2, Onboarding: 5, Delivery: 6 },
  intended: {
    failureFrequency: 'watch',
    reconciliationLoad: 'manage-in-place',
    exceptionVisibility: 'manage-in-place',
    leadTimeImpact: 'watch',
    operationalConfidence: 'watch',
  },
  rationale: {
    failureFrequency: 'failures in most weeks (about 2 % of runs, slowly rising) but few escalations',
    reconciliationLoad: 'one team (Sales Ops), 2–3 synced-field edits a week, flat',
    exceptionVisibility: 'median detection lag 3 h by the owning Onboarding team; 80 % replayed, few ownerless',
    leadTimeImpact: 'recovery waits for a fix (median 30 h after detection): affected workflows take a day or two longer on a lead time of about 10 working days',
    operationalConfidence: 'write-back failures leave systems disagreeing for about a day each',
  },
};

export const companies: readonly CompanyPlan[] = [borderline, healthy, troubled];
