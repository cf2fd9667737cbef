import { describe, expect, it } from 'vitest';
import { calendarFile, formatMoment } from './conversations.mails.ts';
import { schoolDay } from '../../platform/time.ts';

const event = (start: Date, sequence = 0, method: 'REQUEST' | 'CANCEL' = 'REQUEST') =>
  calendarFile({
    conversationId: 'c1',
    sequence,
    method,
    title: 'Voortgangsgesprek met Pieter Kok',
    description: 'Gesprek in Groeipad',
    location: 'Lokaal 2.14',
    start,
    durationMinutes: 45,
    url: 'https://groeipad.example/gesprekken/c1',
    organizer: { name: 'Pieter Kok', email: 'pieter@example.org' },
    attendee: { name: 'Rik Jansen', email: 'rik@example.org' },
  });

describe('calendar file', () => {
  const cases: [string, string, string, string][] = [
    ['winter time', '2026-12-03T13:30:00+01:00', 'DTSTART:20261203T123000Z', 'DTEND:20261203T131500Z'],
    ['summer time', '2026-06-15T09:00:00+02:00', 'DTSTART:20260615T070000Z', 'DTEND:20260615T074500Z'],
    ['the night the clocks go back', '2026-10-25T02:30:00+01:00', 'DTSTART:20261025T013000Z', 'DTEND:20261025T021500Z'],
  ];
  it.each(cases)('%s', (_n, at, start, end) => {
    const ics = event(new Date(at));
    expect(ics).toContain(start);
    expect(ics.replace(/\r\n /g, '')).toMatch(new RegExp(`${end}|DURATION:PT45M`));
  });
  it('keeps one UID and counts the sequence up', () => {
    const first = event(new Date('2026-12-03T12:30:00Z'));
    const moved = event(new Date('2026-12-04T12:30:00Z'), 2);
    expect(first).toContain('UID:conversation-c1@groeipad');
    expect(moved).toContain('UID:conversation-c1@groeipad');
    expect(moved).toContain('SEQUENCE:2');
    expect(first).toContain('METHOD:REQUEST');
  });
  it('marks a cancellation', () => {
    const ics = event(new Date('2026-12-03T12:30:00Z'), 1, 'CANCEL');
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
  });
});

describe('dates as a Dutch school sees them', () => {
  const cases: [string, string][] = [
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2026-06-30T22:30:00Z', '2026-07-01'],
    ['2026-06-30T21:30:00Z', '2026-06-30'],
  ];
  it.each(cases)('%s is %s in Amsterdam', (at, day) => expect(schoolDay(new Date(at))).toBe(day));
  it('writes the time in Amsterdam time', () => {
    expect(formatMoment(new Date('2026-06-15T07:00:00Z'))).toBe('maandag 15 juni 2026 om 09:00');
  });
});
