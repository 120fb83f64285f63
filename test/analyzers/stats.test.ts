import { describe, expect, it } from 'vitest';
import { bootstrapMedianDifference, median, quantile, wilson } from '../../src/analyzers/stats.js';

describe('stats', () => {
  it('computes type-7 quantiles and refuses empty input', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9.1);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('gives a Wilson interval around the share', () => {
    const [low, high] = wilson(5, 10)!;
    expect(low).toBeCloseTo(0.2366, 3);
    expect(high).toBeCloseTo(0.7634, 3);
    expect(wilson(0, 0)).toBeUndefined();
  });

  it('bootstraps the median difference: the interval holds the true shift, repeats exactly, and narrows with more data', () => {
    const base = Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
    const shifted = base.map((v) => v + 10);
    const ci = bootstrapMedianDifference(shifted, base)!;
    expect(ci[0]).toBeLessThan(10);
    expect(ci[1]).toBeGreaterThan(10);
    expect(bootstrapMedianDifference(shifted, base)).toEqual(ci);
    const small = bootstrapMedianDifference(shifted.slice(0, 20), base.slice(0, 20))!;
    expect(small[1] - small[0]).toBeGreaterThan(ci[1] - ci[0]);
    expect(bootstrapMedianDifference([], base)).toBeUndefined();
  });

  it('bootstraps a one-value group to that value', () => {
    expect(bootstrapMedianDifference([5], [2])).toEqual([3, 3]);
  });
});
