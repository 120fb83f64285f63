// The analyzer registry, sorted by id.
import type { Analyzer } from './define-analyzer.js';
import exceptionLateness from './exception-lateness.js';
import failureFrequency from './failure-frequency.js';
import handoffs from './handoffs.js';
import leadTimeDrag from './lead-time-drag.js';
import operationalConfidence from './operational-confidence.js';
import reconciliationLoad from './reconciliation-load.js';
import trends from './trends.js';

export const analyzers: readonly Analyzer<any>[] = [
  exceptionLateness,
  failureFrequency,
  handoffs,
  leadTimeDrag,
  operationalConfidence,
  reconciliationLoad,
  trends,
];
