import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { bootstrapMedianDifference, median, quantile, wilson } from '../../src/analyzers/stats.js';

/**
 * The bootstrap written the plain way: textbook Mulberry32 (unsigned state, one call per draw), each
 * resample drawn as values and sorted, the two middle values averaged. The tool's counting version
 * must give the very same interval: the reports' confidence intervals depend on every draw.
 */
function plainBootstrap(a: number[], b: number[], seed = 20261127, resamples = 2000): [number, number] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const resampledMedian = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    const drawn = sorted.map(() => sorted[Math.floor(next() * sorted.length)]!).sort((x, y) => x - y);
    return (drawn[(drawn.length - 1) >> 1]! + drawn[drawn.length >> 1]!) / 2;
  };
  const differences: number[] = [];
  for (let i = 0; i < resamples; i++) differences.push(resampledMedian(a) - resampledMedian(b));
  differences.sort((x, y) => x - y);
  return [quantileSorted(differences, 0.025), quantileSorted(differences, 0.975)];
}

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

  it('draws exactly as the plain bootstrap does, for odd and even groups and uneven values', () => {
    for (const [n, m, seed] of [[15, 40, 1], [200, 137, 20261127], [3001, 2, 99]] as const) {
      const a = Array.from({ length: n }, (_, i) => Math.sin(i) * 100 + i / 7);
      const b = Array.from({ length: m }, (_, i) => Math.cos(i * 3) * 50);
      expect(bootstrapMedianDifference(a, b, seed, 500)).toEqual(plainBootstrap(a, b, seed, 500));
    }
  });

  it('bootstraps a one-value group to that value', () => {
    expect(bootstrapMedianDifference([5], [2])).toEqual([3, 3]);
  });
});
