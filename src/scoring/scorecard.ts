// Everything the decision needs, from one analysis run: axis scores, recommendation, containment path.
import type { AnalysisRun } from '../pipeline.js';
import { planContainment, type Containment } from './containment.js';
import type { DecisionMatrix } from './matrix.js';
import { recommend, scoreAxes, type AxisScore, type Recommendation } from './score.js';

export interface Scorecard {
  matrixVersion: number;
  bands: { watchFrom: number; sprintFrom: number };
  scope: { activeWeeks: number; workflows: number };
  axes: AxisScore[];
  recommendation: Recommendation;
  containment: Containment;
}

/** Scores a run against the matrix. */
export function buildScorecard(run: AnalysisRun, matrix: DecisionMatrix): Scorecard {
  const scope = { activeWeeks: run.activeWeeks.size, workflows: run.correlation.workflows.length };
  const axes = scoreAxes(run.results, matrix, run.cited);
  return {
    matrixVersion: matrix.version,
    bands: { watchFrom: matrix.bands.watchFrom, sprintFrom: matrix.bands.sprintFrom },
    scope,
    axes,
    recommendation: recommend(axes, scope, matrix),
    containment: planContainment(run, axes),
  };
}
