// Raw vendor states → canonical stages, so systems can be compared. Defaults cover the common
// vendor states; the config adds or overrides per value.

export type CanonicalStage = 'new' | 'in-progress' | 'waiting' | 'done' | 'cancelled' | 'won' | 'lost';

export interface StageRules {
  /** raw value (case-insensitive) → stage; wins over the defaults */
  map?: Record<string, CanonicalStage>;
  /** CRM field carrying the delivery status written back by the integration */
  crmStatusField?: RegExp;
}

const DEFAULTS: [RegExp, CanonicalStage][] = [
  [/^(closed ?won|won)$/i, 'won'],
  [/^(closed ?lost|lost)$/i, 'lost'],
  [/^(cancel+ed|canceled|duplicate|won'?t do|rejected|8)$/i, 'cancelled'],
  [/^(done|closed|resolved|solved|complete|completed|delivered|live|released|shipped|6|7)$/i, 'done'],
  [/^(pending|on hold|hold|waiting.*|blocked|3|awaiting.*)$/i, 'waiting'],
  [/^(new|open|to ?do|backlog|triage|unstarted|1|created|not started)$/i, 'new'],
  [/^(in progress|in-progress|started|active|in review|review|work in progress|2|qa|testing|onboarding|implementation|in delivery|scheduled)$/i, 'in-progress'],
];

/** The canonical stage of a raw state, or undefined when no rule knows it (reported as unmapped). */
export function canonicalStage(raw: string | undefined, rules?: StageRules): CanonicalStage | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim();
  const configured = rules?.map && Object.entries(rules.map).find(([key]) => key.toLowerCase() === value.toLowerCase());
  if (configured) return configured[1];
  return DEFAULTS.find(([pattern]) => pattern.test(value))?.[1];
}
