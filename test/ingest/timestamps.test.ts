import { describe, expect, it } from 'vitest';
import { fromEpochSeconds, inferDateOrder, parseTimestamp } from '../../src/ingest/timestamps.js';

const at = (text: string, options = {}) => {
  const result = parseTimestamp(text, options);
  return result.ok ? result.at : result.reason;
};

describe('parseTimestamp', () => {
  it.each([
    ['2026-03-02T10:01:02.123+0000', '2026-03-02T10:01:02.123Z'],
    ['2026-03-02T10:01:02.123+01:00', '2026-03-02T09:01:02.123Z'],
    ['2026-03-02T10:01:02Z', '2026-03-02T10:01:02.000Z'],
    ['2024-10-16T06:29:10.360000Z', '2024-10-16T06:29:10.360Z'],
    ['2026-03-02T10:01:02-0530', '2026-03-02T15:31:02.000Z'],
    ['2026-03-02 10:01', '2026-03-02T10:01:00.000Z'],
    ['2026-03-02 10:01:59', '2026-03-02T10:01:59.000Z'],
    ['2012/10/09 14:50:17.000', '2012-10-09T14:50:17.000Z'],
    ['2026-03-02', '2026-03-02T00:00:00.000Z'],
    ['14/Jul/25 3:42 PM', '2025-07-14T15:42:00.000Z'],
    ['14/Jul/25 12:05 AM', '2025-07-14T00:05:00.000Z'],
    ['Wed May 13 2026 11:21:41 GMT+0000 (GMT+00:00)', '2026-05-13T11:21:41.000Z'],
    ['Wed May 13 2026 11:21:41 GMT+0200 (Central European Summer Time)', '2026-05-13T09:21:41.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(at(text)).toBe(expected);
  });

  it('reads zone-less values in the given zone, across daylight saving time', () => {
    expect(at('2026-01-15 09:00', { timeZone: 'America/New_York' })).toBe('2026-01-15T14:00:00.000Z');
    expect(at('2026-07-15 09:00', { timeZone: 'America/New_York' })).toBe('2026-07-15T13:00:00.000Z');
    // an explicit offset wins over the zone
    expect(at('2026-07-15T09:00:00Z', { timeZone: 'America/New_York' })).toBe('2026-07-15T09:00:00.000Z');
  });

  it('reads day-first and month-first dates as told, and unambiguous ones by themselves', () => {
    expect(at('2/3/2026 09:00', { dateOrder: 'dmy' })).toBe('2026-03-02T09:00:00.000Z');
    expect(at('2/3/2026 09:00', { dateOrder: 'mdy' })).toBe('2026-02-03T09:00:00.000Z');
    expect(at('25/3/2026 09:00')).toBe('2026-03-25T09:00:00.000Z');
    expect(at('3/25/2026 9:00 PM')).toBe('2026-03-25T21:00:00.000Z');
    expect(at('2/3/2026 09:00')).toBe('ambiguous');
    expect(at('02-03-2026 09:00:00', { dateOrder: 'dmy' })).toBe('2026-03-02T09:00:00.000Z');
    expect(at('02.03.2026 09:00', { dateOrder: 'dmy' })).toBe('2026-03-02T09:00:00.000Z');
  });

  it.each(['', 'soon', '2026-02-30 10:00', '2026-13-01', '2026-01-01 25:00', '32/1/2026', '2026-01-01T10:00:00+1900', '1.21143E+15'])(
    'rejects %j',
    (text) => {
      expect(at(text)).toBe('invalid');
    },
  );

  it('rejects an unknown zone instead of guessing', () => {
    expect(at('2026-01-01 10:00', { timeZone: 'Mars/Olympus' })).toBe('bad-zone');
  });
});

describe('inferDateOrder', () => {
  it('finds day-first, month-first, or cannot tell', () => {
    expect(inferDateOrder(['1/2/2026', '13/2/2026'])).toBe('dmy');
    expect(inferDateOrder(['1/2/2026', '2/13/2026'])).toBe('mdy');
    expect(inferDateOrder(['1/2/2026', '3/4/2026'])).toBe('auto');
    expect(inferDateOrder(['13/2/2026', '2/13/2026'])).toBe('auto');
  });
});

describe('fromEpochSeconds', () => {
  it('reads Unix seconds and refuses non-numbers', () => {
    expect(fromEpochSeconds(1700000000)).toBe('2023-11-14T22:13:20.000Z');
    expect(fromEpochSeconds(Number.NaN)).toBeUndefined();
  });

  it('writes every instant as toISOString does: day and year ends, leap days, milliseconds, before 1970 and after 9999', () => {
    const instants = [
      0, 999, 1000, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2000, 1, 29, 12), Date.UTC(2100, 2, 1),
      Date.UTC(2025, 11, 31, 23, 59, 59, 999), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), Date.UTC(1969, 11, 31, 23, 59, 59, 500),
      1_700_000_000_123.7,
    ];
    // and a seeded sweep over 1970-2100
    let state = 7;
    for (let i = 0; i < 2000; i++) {
      state = (state * 48271) % 2147483647;
      instants.push((state / 2147483647) * Date.UTC(2100, 0, 1));
    }
    for (const ms of instants) expect(fromEpochSeconds(ms / 1000), String(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('day of month', () => {
  it('knows leap years: 29 February 2024 and 2000, not 2100 or 2025', () => {
    expect(parseTimestamp('2024-02-29T10:00:00Z')).toEqual({ ok: true, at: '2024-02-29T10:00:00.000Z', zoned: true });
    expect(parseTimestamp('2000-02-29 10:00')).toMatchObject({ ok: true, at: '2000-02-29T10:00:00.000Z' });
    expect(parseTimestamp('2100-02-29T10:00:00Z')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseTimestamp('2025-02-29T10:00:00Z')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseTimestamp('2025-04-31T10:00:00Z')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseTimestamp('2025-12-31T10:00:00Z')).toMatchObject({ ok: true });
  });
});

describe('the plain ISO shape', () => {
  it('reads YYYY-MM-DD[T ]HH:mm:ss[.fraction][Z] as the general ISO grammar does: 5,000 seeded texts, valid and not', () => {
    let state = 0x9e3779b9;
    const next = (n: number) => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % n;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    let compared = 0;
    let refused = 0;
    for (let i = 0; i < 5_000; i++) {
      // out-of-range fields now and then (month 13, day 32, hour 24, second 60): both readings refuse them alike
      const date = `${1000 + next(9000)}-${two(1 + next(13))}-${two(1 + next(32))}`;
      const time = `${two(next(25))}:${two(next(60))}:${two(next(61))}`;
      const fraction = ['', '.5', '.25', '.123', ',456', '.1234567'][next(6)]!;
      // and shapes neither reads (a letter that is not T or Z, a fraction without digits)
      const zone = ['', 'Z', 'z', 'Q', '.Z'][next(5)]!;
      const separator = ['T', 't', ' ', 'X', '_'][next(5)]!;
      const text = `${date}${separator}${time}${fraction}${zone}`;
      // the same value in a shape only the general grammar reads: slashes in the date
      const general = text.replace(/^(\d{4})-(\d{2})-/, '$1/$2/');
      for (const options of [{}, { timeZone: 'Europe/Berlin' }]) {
        const result = parseTimestamp(text, options);
        expect([text, result]).toEqual([text, parseTimestamp(general, options)]);
        compared++;
        if (!result.ok) refused++;
      }
    }
    expect(compared).toBe(10_000);
    expect(refused).toBeGreaterThan(1_000);
    expect(parseTimestamp('2026-01-05T15:16:27.9876Z')).toEqual({ ok: true, at: '2026-01-05T15:16:27.987Z', zoned: true });
    expect(parseTimestamp('2026-01-05 15:16:27', { timeZone: 'Europe/Berlin' })).toEqual({ ok: true, at: '2026-01-05T14:16:27.000Z', zoned: false });
    // what the plain shape does not take still reads through the general grammar
    expect(parseTimestamp('2026-01-05T15:16:27 Z')).toEqual({ ok: true, at: '2026-01-05T15:16:27.000Z', zoned: true });
    expect(parseTimestamp('2026-01-05T15:16:27.000+0100')).toEqual({ ok: true, at: '2026-01-05T14:16:27.000Z', zoned: true });
    expect(parseTimestamp('2026-01-05T15:16:27.Z')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reads a four-digit year below 100 as that year, not as 19xx (which Date.UTC would make of it)', () => {
    expect(parseTimestamp('0050-03-01T12:00:00Z')).toEqual({ ok: true, at: '0050-03-01T12:00:00.000Z', zoned: true });
    expect(parseTimestamp('0099-12-31 23:59:59')).toEqual({ ok: true, at: '0099-12-31T23:59:59.000Z', zoned: false });
    expect(parseTimestamp('0004-02-29T00:00:00Z')).toEqual({ ok: true, at: '0004-02-29T00:00:00.000Z', zoned: true });
  });
});
