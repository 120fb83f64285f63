// The decision matrix as data: a shipped default (every threshold with its rationale), validated by
// zod, overridable piece by piece from the config file's `matrix` section.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describeZodIssues } from '../config/config.js';

export const AXIS_IDS = ['failureFrequency', 'reconciliationLoad', 'exceptionVisibility', 'leadTimeImpact', 'operationalConfidence'] as const;
export type AxisId = (typeof AXIS_IDS)[number];

const Signal = z
  .object({
    weight: z.number().positive(),
    /** value at or below which (or above, when sprintAt is lower) the signal scores 0 */
    manageAt: z.number(),
    /** value from which the signal scores 100 */
    sprintAt: z.number(),
    rationale: z.string().min(1),
  })
  .strict()
  .refine((signal) => signal.manageAt !== signal.sprintAt, { message: 'manageAt and sprintAt must differ' });

const Axis = z
  .object({
    title: z.string().min(1),
    manage: z.string().min(1),
    sprint: z.string().min(1),
    /** keyed by `<analyzer id>.<measure>` */
    signals: z.record(z.string().regex(/^[a-z-]+\.[A-Za-z0-9]+$/, 'a signal is named <analyzer>.<measure>'), Signal),
  })
  .strict();

export const DecisionMatrix = z
  .object({
    version: z.literal(1),
    bands: z
      .object({ watchFrom: z.number().min(0).max(100), sprintFrom: z.number().min(0).max(100), rationale: z.string() })
      .strict()
      .refine((bands) => bands.watchFrom < bands.sprintFrom, { message: 'watchFrom must be below sprintFrom' }),
    minimumCoverage: z.number().gt(0).max(1),
    coverageRationale: z.string(),
    repetitivenessNote: z.string().optional(),
    axes: z.object(Object.fromEntries(AXIS_IDS.map((id) => [id, Axis])) as Record<AxisId, typeof Axis>).strict(),
    recommendation: z.object({ sprintWhen: z.string(), minAxesScored: z.number().int().min(1).max(5) }).strict(),
    disqualifiers: z.object({ minActiveWeeks: z.number().int().min(1), minWorkflows: z.number().int().min(1), rationale: z.string() }).strict(),
  })
  .strict();
export type DecisionMatrix = z.infer<typeof DecisionMatrix>;

export class MatrixError extends Error {}

/** The shipped matrix lives beside this file in src/; the built code in dist/src/ reads the same file. */
function readDefault(): unknown {
  for (const candidate of ['./default-matrix.json', '../../../src/scoring/default-matrix.json']) {
    try {
      return JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new MatrixError('the default decision matrix (src/scoring/default-matrix.json) is missing from the installation');
}

/** The shipped matrix. */
export function defaultMatrix(): DecisionMatrix {
  return DecisionMatrix.parse(readDefault());
}

/**
 * The default matrix with `overrides` merged in object by object (a threshold can be changed without
 * repeating the rest). Errors name the path in the config file, e.g.
 * `matrix.axes.failureFrequency.signals.failure-frequency.weeksWithFailuresShare.sprintAt`.
 */
export function resolveMatrix(overrides: unknown = undefined): DecisionMatrix {
  const merged = overrides === undefined ? readDefault() : merge(readDefault(), overrides);
  const parsed = DecisionMatrix.safeParse(merged);
  if (!parsed.success) {
    const lines = describeZodIssues(parsed.error)
      .split('\n')
      .map((line) => `matrix.${line}`);
    throw new MatrixError(`invalid decision matrix\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function merge(base: unknown, override: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(override)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(override)) out[key] = key in base ? merge(base[key], value) : value;
    return out;
  }
  return override;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
