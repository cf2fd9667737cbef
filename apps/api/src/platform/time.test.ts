import { describe, expect, it } from 'vitest';
import { addDays, formatSchoolMoment, schoolDay, weekStartOf } from './time.ts';

describe('the Dutch day of an instant', () => {
  it('reads a day in Dutch time', () => {
    expect(schoolDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(schoolDay(new Date('2026-07-31T21:59:00Z'))).toBe('2026-07-31');
  });

  it.each([
    // Summer time starts on 29 March 2026 at 01:00 UTC: that day begins at 23:00 UTC, the next at 22:00 UTC.
    ['2026-03-28T22:59:59.999Z', '2026-03-28'],
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-03-29T00:59:59.999Z', '2026-03-29'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29'],
    ['2026-03-29T21:59:59.999Z', '2026-03-29'],
    ['2026-03-29T22:00:00.000Z', '2026-03-30'],
    // It ends on 25 October 2026 at 01:00 UTC: that day begins at 22:00 UTC, the next at 23:00 UTC.
    ['2026-10-24T21:59:59.999Z', '2026-10-24'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25'],
    ['2026-10-25T00:59:59.999Z', '2026-10-25'],
    ['2026-10-25T01:00:00.000Z', '2026-10-25'],
    ['2026-10-25T22:59:59.999Z', '2026-10-25'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26'],
  ])('reads %s as %s across a summer time change', (at, day) => expect(schoolDay(new Date(at))).toBe(day));

  it('agrees with the time zone database at every hour, its edges and minutes, over two years', () => {
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2028-01-01T00:00:00Z');
    const wrong: string[] = [];
    for (let hour = from; hour < to; hour += 3_600_000) {
      // Out of order on purpose: the first read of an hour may come from anywhere in it.
      for (const at of [hour + 1_800_000, hour, hour + 3_599_999, hour + 60_000]) {
        if (schoolDay(new Date(at)) !== reference.format(at)) wrong.push(new Date(at).toISOString());
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads the day of every minute when the offset was not whole hours (local mean time, 1869)', () => {
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const from = Date.parse('1869-12-31T22:00:00Z');
    const days = new Set<string>();
    for (let at = from; at < from + 3 * 3_600_000; at += 30_000) {
      expect(schoolDay(new Date(at))).toBe(reference.format(at));
      days.add(schoolDay(new Date(at)));
    }
    expect([...days]).toEqual(['1869-12-31', '1870-01-01']);
  });
});

describe('school days and weeks', () => {
  it('takes the day in Amsterdam, not in UTC', () => {
    expect(schoolDay(new Date('2026-03-10T23:30:00Z'))).toBe('2026-03-11'); // 00:30 in winter time
    expect(schoolDay(new Date('2026-07-10T21:59:00Z'))).toBe('2026-07-10'); // 23:59 in summer time
    expect(schoolDay(new Date('2026-07-10T22:00:00Z'))).toBe('2026-07-11');
  });

  it('starts weeks on Monday', () => {
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09'); // Monday
    expect(weekStartOf('2026-03-15')).toBe('2026-03-09'); // Sunday
    expect(weekStartOf('2026-03-16')).toBe('2026-03-16');
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30'); // over the clock change
  });
});

describe('a moment in words', () => {
  it('says the day and time in Dutch school time, with or without the year', () => {
    // 07:00 UTC is 09:00 in summer time, 08:00 in winter time.
    expect(formatSchoolMoment(new Date('2026-06-15T07:00:00Z'))).toBe('maandag 15 juni 2026 om 09:00');
    expect(formatSchoolMoment(new Date('2026-12-03T07:00:00Z'), { year: false })).toBe('donderdag 3 december om 08:00');
    // Late in the evening UTC is already the next day in Amsterdam.
    expect(formatSchoolMoment(new Date('2026-12-31T23:30:00Z'))).toBe('vrijdag 1 januari 2027 om 00:30');
  });
});
